import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { CollaborationModule } from '@second-look/server-collaboration';
import { IdentityModule } from '@second-look/server-identity';
import { DomainEventsModule } from '@second-look/server-platform';
import { JobsModule } from '@second-look/server-jobs';
import { CaseAccessService } from './case/case-access.service';
import { StageGuideResolver } from './stage/stage-guide.resolver';
import { CaseParticipantResolver, CaseResolver, CommentResolver } from './case/case.resolver';
import { CaseService } from './case/case.service';
import { CommentService } from './comment/comment.service';
import { ParticipantService } from './participant/participant.service';
import { CaseActivityService } from './live/case-activity.service';
import { ClientImportResolver } from './import/client-import.resolver';
import { ClientImportService } from './import/client-import.service';
import { CaseActivityLineResolver, CaseActivityResolver, CaseLiveResolver, CasePresenceResolver } from './live/case-live.resolver';

@Module({
  imports: [AuditModule, IdentityModule, CollaborationModule, DomainEventsModule, JobsModule],
  providers: [
    CaseAccessService,
    CaseService,
    CaseResolver,
    CaseParticipantResolver,
    CommentResolver,
    CommentService,
    ParticipantService,
    CaseActivityService,
    CaseLiveResolver,
    CasePresenceResolver,
    CaseActivityResolver,
    CaseActivityLineResolver,
    StageGuideResolver,
    ClientImportService,
    ClientImportResolver,
  ],
  // DomainEventsModule is re-exported: a module that imports this one may subscribe to its events.
  exports: [CaseAccessService, CaseService, CommentService, ClientImportService, DomainEventsModule],
})
export class CasesModule {}
