import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { CasesModule } from '@second-look/server-cases';
import { CollaborationModule } from '@second-look/server-collaboration';
import { InsuranceResolver } from './insurance.resolver';
import { InsuranceService } from './insurance.service';

@Module({ imports: [AuditModule, CasesModule, CollaborationModule], providers: [InsuranceService, InsuranceResolver], exports: [InsuranceService] })
export class InsuranceModule {}
