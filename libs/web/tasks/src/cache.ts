import type { UpdateResolver } from '@urql/exchange-graphcache';

type TaskRef = { id: string; caseId: string } | null | undefined;

/**
 * A new task joins its case's list at once (the next read brings the server's order). A removed
 * one leaves it, and My day is read again, on the live task event (libs/web/collaboration live-cache).
 */
export const tasksCacheUpdates: Record<string, UpdateResolver> = {
  addCaseTask: (result, _args, cache) => {
    const task = result['addCaseTask'] as TaskRef;
    const key = task && cache.keyOfEntity({ __typename: 'Case', id: task.caseId });
    const current = key ? cache.resolve(key, 'tasks') : null;
    if (task && key && Array.isArray(current)) cache.link(key, 'tasks', [...(current as string[]).filter((k) => k !== `CaseTask:${task.id}`), `CaseTask:${task.id}`]);
  },
};
