import { JOB_PAYLOADS, JobName, JobPayload } from '@second-look/contracts';
import { describeSafely, isDatabaseError } from '@second-look/server-platform';
import { DefaultJobOptions, Job, UnrecoverableError, WorkerOptions } from 'bullmq';

/**
 * Shared retry, retention and worker settings for every queue. Use these constants rather than
 * per-job numbers, so one place says how hard we try and how long Redis keeps what.
 */

/** Age-based retention (seconds). By age, not count, so a burst cannot fill Redis and a quiet week keeps its failures. */
export const JOB_RETENTION = {
  /** Completed jobs: long enough that re-adding the same deterministic id within a day is a no-op in Redis too. */
  completedSeconds: 24 * 60 * 60,
  /** Failed jobs stay two weeks, for the staff view's "failed with reason, retry". */
  failedSeconds: 14 * 24 * 60 * 60,
  /** The idempotency ledger outlives every job that could still be retried (job_effect pruning). */
  ledgerDays: 90,
  /** Dispatched outbox rows are history once BullMQ has them. */
  outboxDispatchedDays: 7,
} as const;

/**
 * Retries: 8 attempts with exponential backoff from 5 s (5 s, 10 s, 20 s … about 10 minutes in
 * all), with jitter so a burst of failures against one SMTP server does not retry in lockstep.
 */
export const JOB_RETRY = { attempts: 8, backoff: { type: 'exponential', delay: 5_000, jitter: 0.2 } } as const;

export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: JOB_RETRY.attempts,
  backoff: { ...JOB_RETRY.backoff },
  removeOnComplete: { age: JOB_RETENTION.completedSeconds },
  removeOnFail: { age: JOB_RETENTION.failedSeconds },
};

const envMs = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v >= 500 ? v : fallback;
};

/**
 * Worker settings for every @Processor (spread into its options). Every job is idempotent
 * (ledger or unique key), so a job whose worker died may be handed out again freely:
 * maxStalledCount is generous, or a job on a worker killed twice would fail for nothing.
 * JOB_LOCK_MS shortens the lock (and the stalled check) where workers are killed on purpose
 * (the fault tests); the default suits production.
 */
export const WORKER_SETTINGS: Pick<WorkerOptions, 'lockDuration' | 'stalledInterval' | 'maxStalledCount'> = {
  lockDuration: envMs('JOB_LOCK_MS', 30_000),
  stalledInterval: envMs('JOB_LOCK_MS', 30_000),
  maxStalledCount: 20,
};

/** A failure that retrying cannot fix (bad payload, unknown job, refused address): fail at once. */
export function permanentFailure(message: string): UnrecoverableError {
  return new UnrecoverableError(message);
}

export function isPermanentFailure(e: unknown): boolean {
  return e instanceof UnrecoverableError || (e as Error | undefined)?.name === 'UnrecoverableError';
}

/**
 * Runs a job's work so that its failure, as BullMQ keeps it (failedReason and stack trace, shown
 * in the staff view), carries no patient data: a database error's message can quote the value it
 * refused (a name, an e-mail). Any error is thrown again as `reason`, a plain sentence, with only
 * the error's SQLSTATE code or class name added; a permanent failure stays permanent. For jobs
 * whose data is patients' (a client import's rows).
 */
export async function withSafeFailure<T>(reason: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    const kind = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? `database error ${code}` : e instanceof Error ? e.constructor.name : 'unknown error';
    const safe = `${reason} (${kind})`;
    throw isPermanentFailure(e) ? permanentFailure(safe) : new Error(safe);
  }
}

/** What a job did; returned as the job's result so the staff view and logs can tell. */
export type JobOutcome = 'sent' | 'already-sent' | 'no-longer-applies' | 'done';

export type JobHandler = (data: unknown, job: Job) => Promise<JobOutcome | string>;

/**
 * BullMQ keeps a failed attempt's message as the job's `failedReason`, which the admins' Background
 * jobs page shows and the logs repeat. A database error's message may quote a value of the row
 * ('invalid input syntax for type uuid: "…"'), so it is reduced to its codes (describeSafely);
 * it stays a plain error, so the attempt is still retried. Other errors are our own and pass as
 * they are; a job whose own errors could quote a patient's data (an import's rows) wraps its work
 * in withSafeFailure as well.
 */
function withoutDatabaseValues(run: Promise<JobOutcome | string>): Promise<JobOutcome | string> {
  return run.catch((e: unknown) => {
    if (e && typeof e === 'object' && isDatabaseError(e)) throw new Error(describeSafely(e));
    throw e;
  });
}

/**
 * Routes a job to its handler by name. An unknown name is permanent (no retry): a newer API
 * enqueued work this worker cannot do, or a typo; retrying will not help.
 */
export function dispatchJob(job: Job, handlers: Partial<Record<string, JobHandler>>): Promise<JobOutcome | string> {
  const handler = handlers[job.name];
  if (!handler) throw permanentFailure(`Unknown job "${job.name}" on queue "${job.queueName}"`);
  return withoutDatabaseValues(handler(job.data, job));
}

/** A handler per job of libs/contracts, each given its payload as the job's schema reads it. */
export type TypedJobHandlers = { [N in JobName]?: (data: JobPayload<N>, job: Job) => Promise<JobOutcome | string> };

const isJobName = (name: string): name is JobName => Object.prototype.hasOwnProperty.call(JOB_PAYLOADS, name);

/**
 * Checks a job's data against its schema (JOB_PAYLOADS, beside its JobName). A payload that does
 * not fit fails for good: retrying the same data cannot help. The message names the fields and
 * what is wrong with them, never their values.
 */
export function parseJobPayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  const result = JOB_PAYLOADS[name].safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`);
    throw permanentFailure(`Job "${name}" has a bad payload (${problems.join('; ')})`);
  }
  return result.data as JobPayload<N>;
}

/**
 * dispatchJob for the jobs of libs/contracts: routes by name and hands the handler its payload
 * checked and typed (parseJobPayload), so no handler casts `data`.
 */
export function dispatchTypedJob(job: Job, handlers: TypedJobHandlers): Promise<JobOutcome | string> {
  const name = job.name;
  const handler = isJobName(name) ? (handlers[name] as ((data: unknown, job: Job) => Promise<JobOutcome | string>) | undefined) : undefined;
  if (!isJobName(name) || !handler) throw permanentFailure(`Unknown job "${name}" on queue "${job.queueName}"`);
  return withoutDatabaseValues(handler(parseJobPayload(name, job.data), job));
}

/** Payload check for ids-only payloads: a missing or non-string id is permanent. */
export function requireIds<K extends string>(data: unknown, ...keys: K[]): Record<K, string> {
  const o = (data ?? {}) as Record<string, unknown>;
  for (const k of keys) if (typeof o[k] !== 'string' || !o[k]) throw permanentFailure(`Job payload lacks "${k}"`);
  return o as Record<K, string>;
}
