import { lazyNamed } from '@second-look/web-ui';

export const MyDayPage = lazyNamed(() => import('./my-day-page'), 'MyDayPage');
export const CaseTasksPanel = lazyNamed(() => import('./case-tasks-panel'), 'CaseTasksPanel');
export const WhatToDoNextPanel = lazyNamed(() => import('./what-to-do-next-panel'), 'WhatToDoNextPanel');

/** My day's answer and its lines are a view, not records: kept inside their result. */
export const tasksCacheKeys = { MyDay: () => null, MyDayItem: () => null };
export { tasksCacheUpdates } from './cache';
