import { getQueueToken } from '@nestjs/bullmq';
import { jobIds, QueueName } from '@second-look/contracts';
import { CLIENT_IMPORT_FAILED } from '@second-look/server-cases';
import { JOB_RETRY } from '@second-look/server-jobs';
import { Job, Queue } from 'bullmq';
import { DEMO } from '../src/seed/demo-seed';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';
import { childEnv, spawnWorker, WorkerBuild, WorkerProcess } from './support/worker-process';

/**
 * A client import's failure path (docs/import.md) against real PostgreSQL and Redis, with the
 * real worker as a child process: an attempt that fails, because the database refuses a row or
 * because the worker is killed in the middle, leaves nothing behind and goes back to waiting; after
 * the last attempt the import is failed with a reason that names no patient, and the admin can
 * start again. The refusal is a trigger this file adds (a real error from PostgreSQL, whose
 * message quotes the patient's name as a refused value's message would).
 */
const RUN = `id status totalRows rowsDone newClients existingClients invited problems`;
const IMPORT = `mutation($input: ImportClientsInput!) { importClients(input: $input) { errors { row } run { ${RUN} } } }`;
const FOLLOW = `query($id: ID!) { clientImport(id: $id) { ${RUN} } }`;
type Run = { id: string; status: string; totalRows: number; rowsDone: number; newClients: number | null; existingClients: number | null; invited: number | null; problems: number | null };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

jest.setTimeout(300_000);

describe('client import under faults: a refused row, a killed worker', () => {
  let s: TestStack;
  let build: WorkerBuild;
  let admin: GqlClient;
  const live = new Set<WorkerProcess>();
  const start = async () => {
    const w = spawnWorker(build, childEnv(s.config, { JOB_LOCK_MS: '1000', RECONCILE_ON_START: 'on' }));
    live.add(w);
    await w.ready;
    return w;
  };
  const imports = () => s.app.get<Queue>(getQueueToken(QueueName.IMPORTS), { strict: false });

  beforeAll(async () => {
    build = WorkerBuild.compile();
    s = await startTestStack('client-import-faults', { mail: true });
    admin = await s.signIn('admin@harbor.example');
  });
  afterAll(async () => {
    await Promise.all([...live].map((w) => w.kill('SIGKILL')));
    await s?.close();
    build?.remove();
  });

  const waitUntil = async (what: string, check: () => Promise<boolean>, timeoutMs = 120_000) => {
    const until = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await sleep(100);
    }
  };
  const follow = async (id: string) => (await admin.ok<{ clientImport: Run }>(FOLLOW, { id })).clientImport;
  const started = async (rows: Record<string, string>[]): Promise<Run> => {
    const { importClients } = await admin.ok<{ importClients: { errors: unknown[]; run: Run | null } }>(IMPORT, { input: { rows, dryRun: false, invitePatients: true } });
    expect(importClients.errors).toEqual([]);
    return importClients.run!;
  };
  /** Half the rows known by e-mail (each invited), half by name and date of birth. */
  const rowsOf = (tag: string, n: number) =>
    Array.from({ length: n }, (_, i): Record<string, string> =>
      i % 2
        ? { patientName: `Fault Patient ${tag} ${i}`, patientEmail: `fault.${tag}.${i}@example.org` }
        : { patientName: `Fault Patient ${tag} ${i}`, dateOfBirth: `${1940 + (i % 60)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` },
    );
  const one = async (sql: string, params: unknown[] = []) => ((await s.ds.query(sql, params)) as { n: number }[])[0]!.n;
  /** What an import writes, in every table it writes to (counts of the whole database, and of this tag). */
  const footprint = async (tag: string) => ({
    cases: await one(`SELECT count(*)::int n FROM patient_case WHERE patient_name LIKE $1`, [`%${tag}%`]),
    invitations: await one(`SELECT count(*)::int n FROM invitation WHERE email LIKE $1`, [`%${tag}%`]),
    stageChanges: await one(`SELECT count(*)::int n FROM case_stage_change`),
    questions: await one(`SELECT count(*)::int n FROM case_question`),
    packetItems: await one(`SELECT count(*)::int n FROM packet_item`),
    activity: await one(`SELECT count(*)::int n FROM case_activity`),
    outbox: await one(`SELECT count(*)::int n FROM outbox_message WHERE queue <> $1`, [QueueName.IMPORTS]),
    audit: await one(`SELECT count(*)::int n FROM audit_event WHERE action <> 'client_import.start'`),
  });

  it('a row the database refuses: each attempt leaves nothing and waits again, the last fails with a plain reason, and the admin starts again', async () => {
    const worker = await start();
    await s.ds.query(`CREATE FUNCTION test_refuse_patient() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.patient_name LIKE 'Refused %' THEN RAISE EXCEPTION 'refused patient %', NEW.patient_name; END IF; RETURN NEW; END $$`);
    await s.ds.query(`CREATE TRIGGER test_refuse_patient BEFORE INSERT ON patient_case FOR EACH ROW EXECUTE FUNCTION test_refuse_patient()`);
    const tag = `r${Date.now().toString(36)}`;
    // More than one batch: the batches before the refused row are written, then undone.
    const rows = rowsOf(tag, 450);
    rows[430] = { patientName: `Refused Patient ${tag}`, patientEmail: `refused.${tag}@example.org` };
    const before = await footprint(tag);
    const run = await started(rows);
    const job = async () => (await imports().getJob(jobIds.clientImport(run.id))) as Job;

    for (let attempt = 1; attempt <= JOB_RETRY.attempts; attempt++) {
      const last = attempt === JOB_RETRY.attempts;
      await waitUntil(`attempt ${attempt} to fail`, async () => {
        const j = await job();
        return !!j && j.attemptsMade === attempt && (await j.getState()) === (last ? 'failed' : 'delayed');
      });
      // Nothing of the attempt is left: no case, invitation, stage, question, packet item, activity line, outbox row or audit row.
      expect(await footprint(tag)).toEqual(before);
      if (!last) {
        expect(await follow(run.id)).toMatchObject({ status: 'QUEUED', rowsDone: 0 });
        // The retry now rather than after its backoff (5 s, 10 s, …): the same job, its next attempt.
        await (await job()).promote();
      }
    }
    // Failed, with counts only: the rows (patient data) are gone, and the reason names nobody.
    expect(await follow(run.id)).toEqual({ id: run.id, status: 'FAILED', totalRows: 450, rowsDone: 0, newClients: null, existingClients: null, invited: null, problems: null });
    expect(await one(`SELECT count(*)::int n FROM client_import WHERE id = $1 AND rows IS NULL`, [run.id])).toBe(1);
    const failed = await job();
    expect(failed.failedReason).toBe(`${CLIENT_IMPORT_FAILED} (database error P0001)`);
    expect(JSON.stringify(failed.stacktrace)).not.toContain(tag);
    expect(worker.output()).not.toContain(tag);

    // The admin starts again once the cause is gone: everyone is new (the failed import left no one behind).
    await s.ds.query(`DROP TRIGGER test_refuse_patient ON patient_case; DROP FUNCTION test_refuse_patient()`);
    const again = await started(rows);
    await waitUntil('the new import to finish', async () => ['DONE', 'FAILED'].includes((await follow(again.id)).status));
    expect(await follow(again.id)).toMatchObject({ status: 'DONE', newClients: 450, existingClients: 0, invited: 226 });
    expect(await footprint(tag)).toMatchObject({ cases: 450, invitations: 226 });
    await worker.kill('SIGKILL');
    live.delete(worker);
  });

  it('a worker killed in the middle of an import: nothing of its attempt is left, and the next worker imports every row once', async () => {
    const first = await start();
    const tag = `k${Date.now().toString(36)}`;
    const N = 2000;
    const rows = rowsOf(tag, N);
    const run = await started(rows);
    // Killed once the progress (written beside the import's transaction) shows it half-way or less.
    await waitUntil('the import to be under way', async () => {
      const r = await follow(run.id);
      return r.status === 'RUNNING' && r.rowsDone > 0;
    });
    const at = (await follow(run.id)).rowsDone;
    await first.kill('SIGKILL');
    live.delete(first);
    expect(at).toBeLessThan(N);
    // Its transaction died with it: nothing committed. (The import still says RUNNING: no worker is left to say otherwise.)
    const lockHeld = () => one(`SELECT count(*)::int n FROM pg_locks WHERE locktype = 'advisory' AND objid::bigint = (hashtext($1)::bigint & 4294967295)`, [`client-import:${DEMO.orgs.harbor}`]);
    await waitUntil('the killed worker’s transaction to end', async () => (await lockHeld()) === 0, 30_000);
    expect(await footprint(tag)).toMatchObject({ cases: 0, invitations: 0 });

    // The next worker finds the job stalled and runs it again, from nothing.
    const second = await start();
    await waitUntil('the import to finish on the next worker', async () => ['DONE', 'FAILED'].includes((await follow(run.id)).status), 240_000);
    expect(await follow(run.id)).toMatchObject({ status: 'DONE', rowsDone: N, newClients: N, existingClients: 0, invited: N / 2 });
    expect(await footprint(tag)).toMatchObject({ cases: N, invitations: N / 2 });
    const [once] = (await s.ds.query(
      `SELECT count(*) FILTER (WHERE a.action = 'case.create')::int AS created, count(DISTINCT c.id)::int AS cases,
              (SELECT count(*)::int FROM audit_event WHERE action = 'client_import.run' AND detail->>'importId' = $2) AS runs,
              (SELECT count(*)::int FROM outbox_message o JOIN invitation i ON o.job_id = 'invitation-email.' || i.id WHERE i.email LIKE $1) AS emails
       FROM patient_case c JOIN audit_event a ON a.case_id = c.id WHERE c.patient_name LIKE $1`,
      [`%${tag}%`, run.id],
    )) as { created: number; cases: number; runs: number; emails: number }[];
    expect(once).toEqual({ created: N, cases: N, runs: 1, emails: N / 2 });
    for (const w of [first, second]) expect(w.output()).not.toContain(tag);
  });
  it('an import whose job BullMQ gives up on without running it (its worker killed too often) ends as failed, not running for good', async () => {
    // The queue is paused, so the job waits once the worker's outbox relay has handed it over. It
    // is then marked as BullMQ's stall check marks a job whose worker died more than
    // WORKER_SETTINGS.maxStalledCount times: the next pick-up fails it without running it. The
    // import says RUNNING, as the last killed worker left it.
    const queue = imports();
    await queue.pause();
    const worker = await start();
    const tag = `g${Date.now().toString(36)}`;
    const run = await started(rowsOf(tag, 4));
    const jobId = jobIds.clientImport(run.id);
    await waitUntil('the job to be queued', async () => !!(await queue.getJob(jobId)), 30_000);
    await (await queue.getBackend().client).hset(queue.toKey(jobId), { defa: 'job stalled more than allowable limit' });
    await s.ds.query(`UPDATE client_import SET status = 'RUNNING' WHERE id = $1`, [run.id]);
    await queue.resume();

    await waitUntil('the job to fail', async () => (await (await queue.getJob(jobId))?.getState()) === 'failed', 30_000);
    await waitUntil('the import to say so', async () => (await follow(run.id)).status !== 'RUNNING', 10_000);
    expect(await follow(run.id)).toEqual({ id: run.id, status: 'FAILED', totalRows: 4, rowsDone: 0, newClients: null, existingClients: null, invited: null, problems: null });
    // Its rows (patient data) are gone with it, and nothing was imported.
    expect(await one(`SELECT count(*)::int n FROM client_import WHERE id = $1 AND rows IS NULL`, [run.id])).toBe(1);
    expect(await footprint(tag)).toMatchObject({ cases: 0, invitations: 0 });
    expect(worker.output()).not.toContain(tag);
    await worker.kill('SIGKILL');
    live.delete(worker);
  });
});
