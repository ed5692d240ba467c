import type { DefaultJobOptions } from 'bullmq';

/**
 * Retry and retention for every job. Retention is by age, not by count, so a burst of
 * jobs can never fill Redis and a quiet week never loses the record of a failure too early.
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 24 * 60 * 60 },
  removeOnFail: { age: 14 * 24 * 60 * 60 },
};
