import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { DashboardCasesService } from './dashboard-cases.service';
import { DashboardViewsService } from './dashboard-views.service';
import { DashboardsResolver } from './dashboards.resolver';

@Module({
  imports: [AuditModule],
  providers: [DashboardViewsService, DashboardCasesService, DashboardsResolver],
  exports: [DashboardViewsService],
})
export class DashboardsModule {}
