export { createLiveClient, liveSubscriptionExchange, liveStatusStore, type LiveStatus } from './live-client';
export { liveCacheKeys, liveCacheUpdates, applyCaseEvent } from './live-cache';
export { useCaseLive, useCasePresence } from './use-case-live';
export { EditingArea } from './editing-area';
export { CasePresenceBar } from './presence-bar';
export { CaseActivityPanel } from './activity-panel';
export { activityText } from './activity-text';
