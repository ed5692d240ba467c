import { getQueueToken } from '@nestjs/bullmq';
import { JobName, jobIds, QueueName } from '@second-look/contracts';
import { DevClockService, OutboxService } from '@second-look/server-jobs';
import { RecordReminderScheduler, RecordRequest } from '@second-look/server-records';
import { Clock, REDIS } from '@second-look/server-platform';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { IsNull } from 'typeorm';
import { DEMO } from '../src/seed/demo-seed';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';
import { childEnv, spawnWorker, WorkerBuild, WorkerProcess } from './support/worker-process';

/**
 * Fault tests of the job machinery against real PostgreSQL, Redis, SMTP (the mail sink) and the
 * real worker as a child process. Time moves with the dev clock (shared through Redis), never by
 * sleeping: reminders weeks away become due at once.
 */
const MARIA = DEMO.cases.maria;
const ZONE = 'America/Chicago';
const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

jest.setTimeout(180_000);

describe('jobs under faults: killed workers, lost enqueues, lost Redis, two workers', () => {
  let s: TestStack;
  let build: WorkerBuild;
  let advocate: GqlClient;
  let admin: GqlClient;
  let holderId: string;
  let redis: Redis;
  const live = new Set<WorkerProcess>();
  const env = () => childEnv(s.config, { JOB_LOCK_MS: '1000', RECONCILE_ON_START: 'on' });
  const start = async () => {
    const w = spawnWorker(build, env());
    live.add(w);
    await w.ready;
    return w;
  };
  const stop = async (w: WorkerProcess) => {
    await w.kill('SIGKILL');
    live.delete(w);
  };
  const queue = (name: string) => s.app.get<Queue>(getQueueToken(name), { strict: false });
  const clock = () => s.app.get(Clock);

  /** A calendar date in Harbor's zone on the (moved) clock. */
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(clock().now());

  /** Moves the shared clock about `days` ahead, to 14:00 on a Tuesday–Thursday in Chicago (inside working hours, outside quiet hours). */
  const advanceDays = async (days: number) => {
    let t = clock().now().getTime() + days * 86_400_000;
    const local = (ms: number) => new Intl.DateTimeFormat('en-US', { timeZone: ZONE, weekday: 'short', hour: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms));
    for (;;) {
      const parts = local(t);
      const wd = parts.find((p) => p.type === 'weekday')!.value;
      const hour = Number(parts.find((p) => p.type === 'hour')!.value);
      if (['Tue', 'Wed', 'Thu'].includes(wd) && hour === 14) break;
      t += 15 * 60_000;
    }
    await s.app.get(DevClockService).advance(t - clock().now().getTime());
  };

  const newRequest = async (): Promise<string> => {
    const item = (await advocate.ok<{ addPacketItem: { id: string } }>(`mutation { addPacketItem(input: { caseId: "${MARIA}", kind: LABS }) { id } }`)).addPacketItem;
    return (
      await advocate.ok<{ createRecordRequest: { id: string } }>(
        `mutation($h: ID!, $i: ID!, $d: String!) { createRecordRequest(input: { caseId: "${MARIA}", holderId: $h, packetItemIds: [$i], method: FAX, sentOn: $d }) { id } }`,
        { h: holderId, i: item.id, d: today() },
      )
    ).createRecordRequest.id;
  };
  const invite = async (email: string): Promise<string> =>
    (await admin.ok<{ inviteStaff: { id: string } }>(`mutation($e: String!) { inviteStaff(input: { email: $e, role: ADVOCATE }) { id } }`, { e: email })).inviteStaff.id;

  const reminderJobs = async (requestIds: string[]) =>
    (await s.ds.query(`SELECT DISTINCT job_id, payload->>'kind' AS kind FROM outbox_message WHERE queue = $1 AND action = 'add' AND subject_id = ANY($2::varchar[])`, [
      QueueName.REMINDERS,
      requestIds,
    ])) as {
      job_id: string;
      kind: string;
    }[];
  const done = async (keys: string[]): Promise<number> => (await s.ds.query(`SELECT count(*)::int AS n FROM job_effect WHERE key = ANY($1::varchar[])`, [keys]))[0].n;
  const emailJobsFor = async (requestIds: string[]): Promise<string[]> =>
    ((await s.ds.query(`SELECT id FROM notification WHERE record_request_id = ANY($1::uuid[])`, [requestIds])) as { id: string }[]).map((n) => jobIds.notificationEmail(n.id));
  const emailOutboxed = async (keys: string[]): Promise<string[]> =>
    ((await s.ds.query(`SELECT job_id FROM outbox_message WHERE queue = $1 AND job_id = ANY($2::varchar[])`, [QueueName.EMAIL, keys])) as { job_id: string }[]).map((r) => r.job_id);
  const waitUntil = async (what: string, check: () => Promise<boolean>, timeoutMs = 60_000) => {
    const until = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await sleep(150);
    }
  };
  const recipientsOf = (kind: string) => (kind === 'LEGAL_OVERDUE' ? 2 : 1); // lead advocate; coordinator too past the legal date
  /** Every reminder's notifications exist exactly once per recipient. */
  const expectRemindersOnce = async (jobs: { job_id: string; kind: string }[]) => {
    const rows = (await s.ds.query(`SELECT split_part(key, ':', 1) AS job_id, count(*)::int AS n FROM notification WHERE split_part(key, ':', 1) = ANY($1::varchar[]) GROUP BY 1`, [
      jobs.map((j) => j.job_id),
    ])) as {
      job_id: string;
      n: number;
    }[];
    const got = new Map(rows.map((r) => [r.job_id, r.n]));
    expect(jobs.filter((j) => got.get(j.job_id) !== recipientsOf(j.kind))).toEqual([]);
  };
  /** Each e-mail effect arrived (by its Message-ID); returns how many arrived more than once. */
  const mailRepeats = (keys: string[]): number => {
    const ids = s.mail!.messages.map((m) => m.messageId);
    const wanted = keys.map((k) => `<${k}@second-look.local>`);
    expect(wanted.filter((w) => !ids.includes(w))).toEqual([]);
    return wanted.reduce((n, w) => n + Math.max(0, ids.filter((i) => i === w).length - 1), 0);
  };

  beforeAll(async () => {
    build = WorkerBuild.compile();
    s = await startTestStack('jobs-faults', { mail: true, env: { DEV_CLOCK: 'true' } });
    redis = s.app.get(REDIS);
    advocate = await s.signIn('advocate@harbor.example');
    admin = await s.signIn('admin@harbor.example');
    holderId = (await advocate.ok<{ createRecordHolder: { id: string } }>(`mutation { createRecordHolder(input: { name: "Lakeside Imaging" }) { id } }`)).createRecordHolder.id;
  });
  afterAll(async () => {
    await Promise.all([...live].map((w) => w.kill('SIGKILL')));
    await s?.close();
    build?.remove();
  });

  it('delivers work committed while no worker ran (the API died before any enqueue), and a worker killed mid-relay loses and duplicates nothing', async () => {
    const inv = await invite('committed-no-relay@example.org');
    const pending = await s.ds.query(`SELECT job_id FROM outbox_message WHERE dispatched_at IS NULL`);
    expect(pending.map((r: { job_id: string }) => r.job_id)).toContain(jobIds.invitationEmail(inv));
    expect(await queue(QueueName.EMAIL).getJob(jobIds.invitationEmail(inv))).toBeUndefined();

    // 1,500 far-future jobs, so the relay is busy when the worker dies.
    await s.ds.transaction((m) =>
      s.app.get(OutboxService).add(
        m,
        Array.from({ length: 1500 }, (_, i) => ({ queue: QueueName.EMAIL, jobName: 'fault-probe', jobId: `fault-probe.${i}`, payload: {}, runAt: new Date(Date.now() + 365 * 86_400_000) })),
      ),
    );
    const first = await start();
    await sleep(120);
    await stop(first);
    const second = await start();
    await waitUntil('the outbox to drain', async () => (await s.ds.query(`SELECT count(*)::int AS n FROM outbox_message WHERE dispatched_at IS NULL`))[0].n === 0);
    await s.mail!.waitFor((m) => m.to.includes('committed-no-relay@example.org'), 15_000);
    await stop(second);
    const delayed = await queue(QueueName.EMAIL).getDelayed(0, 5000);
    const probes = delayed.filter((j) => j.name === 'fault-probe').map((j) => j.id);
    expect(probes).toHaveLength(1500);
    expect(new Set(probes).size).toBe(1500);
  });

  it('SIGKILLed at random moments while reminders and e-mails are due, the worker still delivers every one exactly once in effect', async () => {
    const requests = await Promise.all(Array.from({ length: 6 }, () => newRequest()));
    const invitations = await Promise.all(Array.from({ length: 4 }, (_, i) => invite(`killed-${i}@example.org`)));
    const jobs = await reminderJobs(requests);
    expect(jobs.length).toBeGreaterThanOrEqual(6 * 5);
    await advanceDays(65); // past every reminder of these requests, including the escalation

    let kills = 0;
    const t0 = Date.now();
    for (let i = 0; i < 10; i++) {
      const w = await start();
      await sleep(50 + Math.floor(Math.random() * 600));
      await stop(w);
      kills++;
    }
    const t1 = Date.now();
    const last = await start();
    await waitUntil('every reminder', async () => (await done(jobs.map((j) => j.job_id))) === jobs.length);
    const mailKeys = [...(await emailOutboxed(await emailJobsFor(requests))), ...invitations.map((id) => jobIds.invitationEmail(id))];
    await waitUntil('every e-mail', async () => (await done(mailKeys)) === mailKeys.length);
    await stop(last);

    await expectRemindersOnce(jobs);
    const repeats = mailRepeats(mailKeys);
    // A repeat needs a kill in the one round trip between SMTP's "250 OK" and our COMMIT, and
    // one kill can catch every e-mail in flight at once (the e-mail worker runs 4 at a time,
    // email.processor.ts), so on a busy machine a kill may leave up to 4 repeats behind.
    expect(repeats).toBeLessThanOrEqual(kills * 4);
    process.stdout.write(
      `killed the worker ${kills} times in ${t1 - t0} ms, then drained in ${Date.now() - t1} ms: ${jobs.length} reminders, ${mailKeys.length} e-mails, ${repeats} repeated e-mail(s)\n`,
    );
  });

  it('after Redis loses everything, reconcile rebuilds exactly the jobs the database says should exist, and nothing is sent twice', async () => {
    const requests = await Promise.all(Array.from({ length: 4 }, () => newRequest()));
    const received = await newRequest();
    const items = await s.ds.query(`SELECT packet_item_id FROM record_request_item WHERE request_id = $1`, [received]);
    await advocate.ok(`mutation($id: ID!, $i: ID!) { markRecordsReceived(input: { requestId: $id, packetItemIds: [$i] }) { id } }`, { id: received, i: items[0].packet_item_id });
    const w = await start();
    await waitUntil('the outbox to drain', async () => (await s.ds.query(`SELECT count(*)::int AS n FROM outbox_message WHERE dispatched_at IS NULL`))[0].n === 0);
    await stop(w);
    const pendingIds = async () => {
      const q = queue(QueueName.REMINDERS);
      const list = await q.getJobs(['delayed', 'waiting', 'prioritized']);
      // Job-scheduler iterations (digests) come back when a worker starts, not from reconcile.
      return list
        .map((j) => j.id!)
        .filter((id) => id.startsWith('record-reminder.'))
        .sort();
    };
    const before = await pendingIds();

    // Redis loses its data: every key of this test's prefix, and nothing else.
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${s.config.redisPrefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    expect(await pendingIds()).toEqual([]);
    // A live process puts the demo clock back (Redis lost it too); then the CLI reconciles.
    await s.app.get(DevClockService).refresh();

    await run(process.execPath, [build.cli, 'reconcile-jobs'], { env: env() });
    // What should exist, from the domain tables: each open request's reminders from today on, minus effects done.
    const scheduler = s.app.get(RecordReminderScheduler, { strict: false });
    const open = await s.ds.getRepository(RecordRequest).find({ where: { organizationId: DEMO.orgs.harbor, completedOn: IsNull() } });
    const planned = (await Promise.all(open.map((r) => scheduler.plan(s.ds.manager, r)))).flat().map((e) => e.jobId);
    const doneKeys = new Set(((await s.ds.query(`SELECT key FROM job_effect WHERE key = ANY($1::varchar[])`, [planned])) as { key: string }[]).map((r) => r.key));
    const expected = planned.filter((id) => !doneKeys.has(id)).sort();
    const rebuilt = await pendingIds();
    expect(rebuilt).toEqual(expected);
    // Everything that was pending and still should be is back (older leftovers need not be).
    expect(rebuilt.filter((id) => !before.includes(id))).toEqual([]);
    expect(rebuilt.some((id) => id.includes(received))).toBe(false);
    // Running it again adds nothing.
    const again = await run(process.execPath, [build.cli, 'reconcile-jobs'], { env: env() });
    expect(again.stdout).toMatch(/ 0 re-created/);

    const notificationsBefore = (await s.ds.query(`SELECT count(*)::int AS n FROM notification`))[0].n;
    const oldJobs = await s.ds.query(`SELECT count(*)::int AS n FROM job_effect`);
    await advanceDays(65);
    const jobs = await reminderJobs(requests);
    const w2 = await start();
    await waitUntil('the rebuilt reminders', async () => (await done(jobs.map((j) => j.job_id))) === jobs.length);
    await stop(w2);
    await expectRemindersOnce(jobs);
    const added = (await s.ds.query(`SELECT count(*)::int AS n FROM notification`))[0].n - notificationsBefore;
    expect(added).toBe(jobs.reduce((n, j) => n + recipientsOf(j.kind), 0));
    expect(oldJobs[0].n).toBeGreaterThan(0);
    expect(await s.ds.query(`SELECT count(*)::int AS n FROM notification WHERE record_request_id = $1`, [received])).toEqual([{ n: 0 }]);
  });

  it('two workers at once still deliver each reminder and e-mail exactly once', async () => {
    const requests = await Promise.all(Array.from({ length: 6 }, () => newRequest()));
    const invitations = await Promise.all(Array.from({ length: 4 }, (_, i) => invite(`pair-${i}@example.org`)));
    const jobs = await reminderJobs(requests);
    const pair = [await start(), await start()];
    await advanceDays(65); // due now, with both workers running
    await waitUntil('every reminder', async () => (await done(jobs.map((j) => j.job_id))) === jobs.length);
    const mailKeys = [...(await emailOutboxed(await emailJobsFor(requests))), ...invitations.map((id) => jobIds.invitationEmail(id))];
    await waitUntil('every e-mail', async () => (await done(mailKeys)) === mailKeys.length);
    await sleep(300);
    await Promise.all(pair.map(stop));
    await expectRemindersOnce(jobs);
    expect(mailRepeats(mailKeys)).toBe(0);
    expect(jobs.every((j) => j.job_id.startsWith('record-reminder.'))).toBe(true);
    expect(JobName.SEND_RECORD_REQUEST_REMINDER).toBe('send-record-request-reminder');
  });
});
