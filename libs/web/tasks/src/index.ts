import type { Client } from 'urql';
import { lazyNamed } from '@second-look/web-ui';

export const MyDayPage = lazyNamed(() => import('./my-day-page'), 'MyDayPage');
export const CaseTasksPanel = lazyNamed(() => import('./case-tasks-panel'), 'CaseTasksPanel');
export const WhatToDoNextPanel = lazyNamed(() => import('./what-to-do-next-panel'), 'WhatToDoNextPanel');
/**
 * A case's tasks asked for ahead of its panels (a patient's case page, beside the case: What to do
 * next lists them). The query's document comes in a chunk of its own, so a screen that calls this
 * does not carry the tasks' documents before it needs them.
 */
export const prefetchCaseTasks = (client: Client, caseId: string): Promise<unknown> => import('./prefetch-tasks').then((m) => m.prefetchCaseTasks(client, caseId));

/** My day's answer and its lines are a view, not records: kept inside their result. */
export const tasksCacheKeys = { MyDay: () => null, MyDayItem: () => null };
export { tasksCacheUpdates } from './cache';
