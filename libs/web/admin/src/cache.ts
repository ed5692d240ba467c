import type { KeyingConfig } from '@urql/exchange-graphcache';

/** Graphcache keys for the jobs screen: queues by name; a job id is unique within its queue. */
export const jobsCacheKeys: KeyingConfig = {
  JobsHealth: () => null,
  QueueHealth: (q) => (q['name'] as string | undefined) ?? null,
  FailedJob: (j) => (j['queue'] && j['id'] ? `${j['queue'] as string}:${j['id'] as string}` : null),
  DemoClock: () => null,
};
