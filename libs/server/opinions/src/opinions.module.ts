import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { CasesModule } from '@second-look/server-cases';
import { DecisionService } from './decision/decision.service';
import { OpinionService } from './opinion/opinion.service';
import { CaseOpinionsResolver } from './opinions.resolver';

@Module({ imports: [AuditModule, CasesModule], providers: [OpinionService, DecisionService, CaseOpinionsResolver], exports: [OpinionService, DecisionService] })
export class OpinionsModule {}
