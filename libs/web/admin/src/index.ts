export { MembersPage } from './members-page';
export { AuditLogPage } from './audit-log-page';
export { JobsHealthPage } from './jobs-health-page';
export { jobsCacheKeys } from './cache';
