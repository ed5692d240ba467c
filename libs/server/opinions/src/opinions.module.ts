import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { CasesModule } from '@second-look/server-cases';
import { CollaborationModule } from '@second-look/server-collaboration';
import { InsuranceModule } from '@second-look/server-insurance';
import { DecisionService } from './decision/decision.service';
import { OpinionService } from './opinion/opinion.service';
import { CaseEventOpinionsResolver, CaseOpinionsResolver } from './opinions.resolver';

@Module({
  imports: [AuditModule, CasesModule, CollaborationModule, InsuranceModule],
  providers: [OpinionService, DecisionService, CaseOpinionsResolver, CaseEventOpinionsResolver],
  exports: [OpinionService, DecisionService],
})
export class OpinionsModule {}
