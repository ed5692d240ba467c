export { MembersPage } from './members-page';
export { AuditLogPage } from './audit-log-page';
