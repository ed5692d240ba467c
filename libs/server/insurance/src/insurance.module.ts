import { Module } from '@nestjs/common';
import { AppointmentsJobsModule } from '@second-look/server-appointments';
import { AuditModule } from '@second-look/server-audit';
import { CasesModule } from '@second-look/server-cases';
import { CollaborationModule } from '@second-look/server-collaboration';
import { InsuranceResolver } from './insurance.resolver';
import { InsuranceService } from './insurance.service';

@Module({ imports: [AuditModule, CasesModule, CollaborationModule, AppointmentsJobsModule], providers: [InsuranceService, InsuranceResolver], exports: [InsuranceService] })
export class InsuranceModule {}
