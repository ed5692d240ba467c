import { lazyNamed } from '@second-look/web-ui';

export const MembersPage = lazyNamed(() => import('./members-page'), 'MembersPage');
export const AuditLogPage = lazyNamed(() => import('./audit-log-page'), 'AuditLogPage');
export const JobsHealthPage = lazyNamed(() => import('./jobs-health-page'), 'JobsHealthPage');
export { jobsCacheKeys } from './cache';
