import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { CasesModule } from '@second-look/server-cases';
import { InsuranceResolver } from './insurance.resolver';
import { InsuranceService } from './insurance.service';

@Module({ imports: [AuditModule, CasesModule], providers: [InsuranceService, InsuranceResolver], exports: [InsuranceService] })
export class InsuranceModule {}
