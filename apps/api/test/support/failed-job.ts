import { getQueueToken } from '@nestjs/bullmq';
import { INestApplication } from '@nestjs/common';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { randomUUID } from 'node:crypto';

/**
 * Puts a job with this payload on a queue and lets a throw-away BullMQ worker fail it for good
 * (a real failed job in Redis, with its reason), for the staff view's tests. Returns its id.
 */
export async function makeFailedJob(app: INestApplication, queueName: string, data: Record<string, unknown>, reason = 'The mail server refused the address (550)'): Promise<string> {
  const queue = app.get<Queue>(getQueueToken(queueName), { strict: false });
  const id = `test-failed.${randomUUID()}`;
  const name = `probe-${randomUUID().slice(0, 8)}`;
  await queue.add(name, data, { jobId: id, attempts: 1 });
  const worker = new Worker(
    queueName,
    async (job) => {
      if (job.name === name) throw new UnrecoverableError(reason);
      // Not ours: hand it back untouched.
      throw new Error('not for this probe');
    },
    { connection: queue.opts.connection, prefix: queue.opts.prefix, autorun: false },
  );
  const failed = new Promise<void>((res) => worker.on('failed', (job) => job?.id === id && res()));
  void worker.run();
  await failed;
  await worker.close();
  return id;
}
