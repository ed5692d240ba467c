import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { CasesModule } from '@second-look/server-cases';
import { IdentityModule } from '@second-look/server-identity';
import { DocumentsModule } from '@second-look/server-records';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarFeedResolver } from './calendar/calendar-feed.resolver';
import { CalendarService } from './calendar/calendar.service';
import { FeedRateLimiter } from './calendar/feed-rate-limiter';
import { FhirController } from './fhir/fhir.controller';
import { FhirExportService } from './fhir/fhir-export.service';

/**
 * The ways a case leaves Second Look (docs/exports.md): appointment .ics files and personal
 * calendar feeds, and the FHIR R4 export of a case. Read-only over the other areas' tables.
 */
@Module({
  imports: [AuditModule, IdentityModule, CasesModule, DocumentsModule],
  providers: [CalendarService, FeedRateLimiter, CalendarFeedResolver, FhirExportService],
  controllers: [CalendarController, FhirController],
  exports: [CalendarService, FhirExportService],
})
export class ExportsModule {}
