import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { CasesModule } from '@second-look/server-cases';
import { CollaborationModule } from '@second-look/server-collaboration';
import { TimelineResolver } from './timeline.resolver';
import { TimelineService } from './timeline.service';

@Module({ imports: [AuditModule, CasesModule, CollaborationModule], providers: [TimelineService, TimelineResolver], exports: [TimelineService] })
export class TimelineModule {}
