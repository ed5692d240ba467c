import type { Client } from 'urql';
import { lazyNamed } from '@second-look/web-ui';

export const RecordPacketPanel = lazyNamed(() => import('./packet-panel'), 'RecordPacketPanel');
export const RecordRequestsPanel = lazyNamed(() => import('./requests-panel'), 'RecordRequestsPanel');
export const RecordBoardPage = lazyNamed(() => import('./record-board-page'), 'RecordBoardPage');
/**
 * Landing on the board: fetches its chunk now, beside the session check, and gives back what asks
 * for its first page as soon as that chunk is here (docs/architecture.md, "First screens").
 */
export const landOnRecordBoard = (search: URLSearchParams): Promise<(client: Client) => void> =>
  RecordBoardPage.preload().then(() => import('./record-board-page').then((m) => (client: Client) => m.startBoardQuery(client, search)));
export const RecordHoldersPage = lazyNamed(() => import('./record-holders-page'), 'RecordHoldersPage');
export { recordsCacheKeys, recordsCacheUpdates } from './cache';
export { useStaffMembers } from './use-staff-members';
