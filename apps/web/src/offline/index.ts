// The offline part of the client, one lazily loaded chunk (see main.tsx).
export { clearSavedCopy, createOfflineClient, registerServiceWorker, start, watchOtherTabs, type FirstScreenParts } from './offline-client';
export { mountOfflineStatus } from './offline-status';
