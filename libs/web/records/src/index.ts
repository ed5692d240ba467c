import { lazyNamed } from '@second-look/web-ui';

export const RecordPacketPanel = lazyNamed(() => import('./packet-panel'), 'RecordPacketPanel');
export const RecordRequestsPanel = lazyNamed(() => import('./requests-panel'), 'RecordRequestsPanel');
export const RecordBoardPage = lazyNamed(() => import('./record-board-page'), 'RecordBoardPage');
export const RecordHoldersPage = lazyNamed(() => import('./record-holders-page'), 'RecordHoldersPage');
export { recordsCacheKeys, recordsCacheUpdates } from './cache';
export { useStaffMembers } from './use-staff-members';
