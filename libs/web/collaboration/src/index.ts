import { lazyNamed } from '@second-look/web-ui';

export { createLiveClient, liveSubscriptionExchange, liveStatusStore, type LiveClient, type LiveStatus } from './live-client';
export { liveCacheKeys, liveCacheUpdates, applyCaseEvent } from './live-cache';
export { useCaseLive, useCasePresence } from './use-case-live';
export { EditingArea } from './editing-area';
export { CasePresenceBar } from './presence-bar';
export const CaseActivityPanel = lazyNamed(() => import('./activity-panel'), 'CaseActivityPanel');
export { activityText } from './activity-text';
