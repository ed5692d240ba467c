import { lazyNamed } from '@second-look/web-ui';

// Both show sign-in security (the staff switch and reset, the security-events filter) and add its words when they load.
export const MembersPage = lazyNamed(() => import('./members-page'), 'MembersPage');
export const AuditLogPage = lazyNamed(() => import('./audit-log-page'), 'AuditLogPage');
export const JobsHealthPage = lazyNamed(() => import('./jobs-health-page'), 'JobsHealthPage');
export { jobsCacheKeys } from './cache';
