// The worker's queues, seen from a journey. A reminder waits as a delayed job until the start of
// the organization's working day on its date (docs/domain.md, "The clock"), so at
// night or on a weekend today's reminder would come tomorrow. The demo clock (README) brings
// every due job forward but cannot go back, which would move the dates of every journey after;
// the e2e stack runs without it. `bringDue` does for one job what the clock's promoter does for
// all: its moment is now. Everything after that is the product's own path: the worker runs the
// job, which re-reads what it is about, writes the notification and queues its e-mail.
import { Queue } from 'bullmq';

/** The queue names of libs/contracts/src/queues.ts (QueueName) that journeys reach into. */
export type QueueName = 'reminders' | 'email';

function queue(name: QueueName): Queue {
  const url = process.env.E2E_REDIS_URL;
  const prefix = process.env.E2E_REDIS_PREFIX;
  if (!url || !prefix) throw new Error('E2E_REDIS_URL / E2E_REDIS_PREFIX are not set: run the e2e tier through e2e/playwright.config.ts (its global setup starts Redis).');
  // The API's and worker's BullMQ prefix (libs/server/jobs/src/jobs.module.ts).
  return new Queue(name, { connection: { url, maxRetriesPerRequest: null }, prefix: `${prefix}:bull` });
}

/**
 * Waits until the outbox relay has put job `jobId` in `queueName`, and makes it due now if it is
 * still waiting for its moment. Returns what it found: 'promoted', or 'due' when the job was
 * already due (inside working hours a reminder for today runs at once).
 */
export async function bringDue(queueName: QueueName, jobId: string, timeoutMs = 20_000): Promise<'promoted' | 'due'> {
  const q = queue(queueName);
  try {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const job = await q.getJob(jobId);
      if (job) {
        if ((await job.getState()) !== 'delayed') return 'due';
        await job.promote();
        return 'promoted';
      }
      if (Date.now() > until) throw new Error(`No job ${jobId} in the ${queueName} queue after ${timeoutMs} ms: was it planned (outbox) and relayed?`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await q.close();
  }
}
