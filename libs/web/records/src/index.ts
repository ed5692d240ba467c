export { RecordPacketPanel } from './packet-panel';
export { RecordRequestsPanel } from './requests-panel';
export { RecordBoardPage } from './record-board-page';
export { RecordHoldersPage } from './record-holders-page';
export { recordsCacheKeys, recordsCacheUpdates } from './cache';
