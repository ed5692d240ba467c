export * from './dashboard-rollup.entity';
export * from './dashboard-scope';
export * from './dashboard-views.service';
export * from './dashboards.model';
export * from './dashboards.module';

import { DashboardRollup } from './dashboard-rollup.entity';
export const DASHBOARD_ENTITIES = [DashboardRollup];
