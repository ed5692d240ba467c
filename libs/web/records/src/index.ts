import { lazyNamed } from '@second-look/web-ui';

export { RecordPacketPanel } from './packet-panel';
export { RecordRequestsPanel } from './requests-panel';
export const RecordBoardPage = lazyNamed(() => import('./record-board-page'), 'RecordBoardPage');
export const RecordHoldersPage = lazyNamed(() => import('./record-holders-page'), 'RecordHoldersPage');
export { recordsCacheKeys, recordsCacheUpdates } from './cache';
