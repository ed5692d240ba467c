import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { QueueName } from '@second-look/contracts';
import { OutboxRelay, OutboxService } from '@second-look/server-jobs';
import { Queue } from 'bullmq';
import { WorkerModule } from '../../worker/src/worker.module';
import { startTestStack, TestStack } from './support/test-stack';

describe('transactional outbox', () => {
  let s: TestStack;
  beforeAll(async () => {
    // No worker yet: the API only writes; nothing is enqueued until a relay runs.
    s = await startTestStack('outbox', { worker: false, mail: true });
  });
  afterAll(() => s?.close());

  it('delivers work committed while no worker ran, once a worker starts (the API never enqueues)', async () => {
    const admin = await s.signIn('admin@harbor.example');
    await admin.ok(`mutation { inviteStaff(input: { email: "later@example.org", role: ADVOCATE }) { id } }`);
    const [{ n }] = await s.ds.query(`SELECT count(*)::int AS n FROM outbox_message WHERE dispatched_at IS NULL`);
    expect(n).toBe(1);
    // The API can die now: the work is already in PostgreSQL.
    const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(s.config), { logger: false });
    try {
      const msg = await s.mail!.waitFor((m) => m.to.includes('later@example.org'), 15000);
      expect(msg.links.some((l) => l.includes('/invite/'))).toBe(true);
      expect(await s.ds.query(`SELECT count(*)::int AS n FROM outbox_message WHERE dispatched_at IS NULL`)).toEqual([{ n: 0 }]);
    } finally {
      await worker.close();
    }
  });

  it('writes nothing to the outbox when the change rolls back', async () => {
    const admin = await s.signIn('admin@harbor.example');
    const before = await s.ds.query(`SELECT count(*)::int AS n FROM outbox_message`);
    const r = await admin.gql(`mutation { inviteStaff(input: { email: "advocate@harbor.example", role: ADVOCATE }) { id } }`);
    expect(r.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await s.ds.query(`SELECT count(*)::int AS n FROM outbox_message`)).toEqual(before);
  });

  it('never duplicates jobs when several relays drain at once', async () => {
    const outbox = s.app.get(OutboxService);
    const queueName = 'outbox-test';
    // Work earlier tests left pending (the second sign-in's new-device e-mail) drains too.
    const [{ pending }] = await s.ds.query(`SELECT count(*)::int AS pending FROM outbox_pending`);
    await s.ds.transaction((m) =>
      outbox.add(
        m,
        Array.from({ length: 500 }, (_, i) => ({ queue: QueueName.EMAIL, jobName: 'noop', jobId: `${queueName}.${i}`, payload: { i }, runAt: new Date(Date.now() + 3600_000) })),
      ),
    );
    // Two worker contexts, each with its own relay and connections, as two replicas would be.
    process.env.OUTBOX_RELAY = 'off';
    const [a, b] = await Promise.all([1, 2].map(() => NestFactory.createApplicationContext(WorkerModule.forRoot(s.config), { logger: false })));
    delete process.env.OUTBOX_RELAY;
    try {
      const drain = async (ctx: typeof a) => {
        let total = 0;
        for (;;) {
          const n = await ctx.get(OutboxRelay).drainOnce();
          total += n;
          if (n === 0) return total;
        }
      };
      const [ta, tb] = await Promise.all([drain(a), drain(b)]);
      expect(ta + tb).toBe(500 + pending);
      const queue = a.get<Queue>(getQueueToken(QueueName.EMAIL), { strict: false });
      const delayed = await queue.getDelayed(0, 1000);
      expect(delayed.filter((j) => j.id?.startsWith(`${queueName}.`))).toHaveLength(500);
      await queue.obliterate({ force: true });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
