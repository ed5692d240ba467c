import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { IdentityModule } from '@second-look/server-identity';
import { CaseAccessService } from './case/case-access.service';
import { CaseParticipantResolver, CaseResolver, CommentResolver } from './case/case.resolver';
import { CaseService } from './case/case.service';
import { CommentService } from './comment/comment.service';
import { ParticipantService } from './participant/participant.service';

@Module({
  imports: [AuditModule, IdentityModule],
  providers: [CaseAccessService, CaseService, CaseResolver, CaseParticipantResolver, CommentResolver, CommentService, ParticipantService],
  exports: [CaseAccessService, CaseService],
})
export class CasesModule {}
