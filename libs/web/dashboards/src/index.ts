import { lazyNamed } from '@second-look/web-ui';

// Each page is its own chunk: the charts library and its styles load only with the dashboard.
export const DashboardPage = lazyNamed(() => import('./dashboard-page'), 'DashboardPage');
export const DashboardCasesPage = lazyNamed(() => import('./dashboard-cases-page'), 'DashboardCasesPage');
