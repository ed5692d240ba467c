import { ClientImportService } from '@second-look/server-cases';
import { JobReconciler, JobTenantScope } from '@second-look/server-jobs';
import { TenantContext } from '@second-look/server-platform';
import { DEMO } from '../src/seed/demo-seed';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

const RUN = `id status totalRows rowsDone invitePatients startedByName newClients existingClients invited problems`;
const IMPORT = `mutation($input: ImportClientsInput!) { importClients(input: $input) { newClients existingClients invited errors { row field problem } run { ${RUN} } } }`;
const FOLLOW = `query($id: ID!) { clientImport(id: $id) { ${RUN} } }`;
const LATEST = `{ latestClientImport { ${RUN} } }`;
type Run = {
  id: string;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  totalRows: number;
  rowsDone: number;
  invitePatients: boolean;
  startedByName: string;
  newClients: number | null;
  existingClients: number | null;
  invited: number | null;
  problems: number | null;
};
type Result = { newClients: number; existingClients: number; invited: number; errors: { row: number; field: string; problem: string }[]; run: Run | null };

describe('import clients from a spreadsheet', () => {
  let s: TestStack;
  let coordinator: GqlClient;
  beforeAll(async () => {
    // The real worker: an import runs there, as a job on the imports queue (docs/import.md).
    s = await startTestStack('client-import', { worker: true });
    coordinator = await s.signIn('coordinator@harbor.example');
  });
  afterAll(() => s?.close());

  const run = async (c: GqlClient, rows: Record<string, string>[], opts: { dryRun?: boolean; invitePatients?: boolean } = {}) =>
    (await c.ok<{ importClients: Result }>(IMPORT, { input: { rows, dryRun: opts.dryRun ?? false, invitePatients: opts.invitePatients ?? false } })).importClients;
  /** Polls the import as the page does until it has finished; answers every state seen on the way. */
  const follow = async (c: GqlClient, id: string, timeoutMs = 400_000): Promise<Run[]> => {
    const seen: Run[] = [];
    const until = Date.now() + timeoutMs;
    for (;;) {
      const run = (await c.ok<{ clientImport: Run }>(FOLLOW, { id })).clientImport;
      seen.push(run);
      if (run.status === 'DONE' || run.status === 'FAILED') return seen;
      if (Date.now() > until) throw new Error(`import ${id} still ${run.status} (${run.rowsDone}/${run.totalRows}) after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  /** Starts an import and waits for it: the finished run. */
  const imported = async (c: GqlClient, rows: Record<string, string>[], opts: { invitePatients?: boolean } = {}): Promise<Run> => {
    const started = await run(c, rows, opts);
    expect(started.errors).toEqual([]);
    expect(started.run).toMatchObject({ status: expect.stringMatching(/QUEUED|RUNNING|DONE/), totalRows: rows.length });
    return (await follow(c, started.run!.id)).at(-1)!;
  };
  const count = async () => ((await s.ds.query(`SELECT count(*)::int n FROM patient_case WHERE organization_id = $1`, [DEMO.orgs.harbor])) as { n: number }[])[0].n;

  it('writes nothing when one row is wrong, and names each problem by row and field', async () => {
    const before = await count();
    const result = await run(coordinator, [
      { patientName: 'Iris Vale', patientEmail: 'iris@example.org' },
      { patientName: '', dateOfBirth: '13/45/1980' },
      { patientName: 'Jon Park', dateOfBirth: '1980-02-02', urgency: 'whenever' },
    ]);
    expect(result).toMatchObject({ run: null, newClients: 1 });
    expect(result.errors).toEqual([
      { row: 2, field: 'patientName', problem: 'REQUIRED' },
      { row: 2, field: 'dateOfBirth', problem: 'INVALID_DATE' },
      { row: 3, field: 'urgency', problem: 'INVALID_URGENCY' },
    ]);
    expect(await count()).toBe(before);
  });

  it('checks without writing, imports all in one go, and a second import of the same file creates nothing', async () => {
    const rows: Record<string, string>[] = [
      { patientName: 'Iris Vale', patientEmail: 'IRIS@example.org', question: 'Is the surgery needed?', urgency: 'urgent' },
      { patientName: 'Jon Park', dateOfBirth: '2/2/1980', preferredLanguage: 'Spanish' },
      // Already a client: Maria's e-mail.
      { patientName: 'Maria L.', patientEmail: 'patient@harbor.example' },
    ];
    const before = await count();
    expect(await run(coordinator, rows, { dryRun: true })).toMatchObject({ run: null, newClients: 2, existingClients: 1, errors: [] });
    expect(await count()).toBe(before);
    expect(await imported(coordinator, rows, { invitePatients: true })).toMatchObject({
      status: 'DONE',
      rowsDone: 3,
      newClients: 2,
      existingClients: 1,
      invited: 1,
      problems: 0,
      startedByName: expect.any(String),
    });
    expect(await count()).toBe(before + 2);
    const [jon] = (await s.ds.query(`SELECT patient_date_of_birth::text dob, preferred_language, stage FROM patient_case WHERE patient_name = 'Jon Park'`)) as {
      dob: string;
      preferred_language: string;
      stage: string;
    }[];
    expect(jon).toEqual({ dob: '1980-02-02', preferred_language: 'es', stage: 'DECIDE' });
    const invitations = (await s.ds.query(`SELECT email FROM invitation WHERE email = 'iris@example.org'`)) as unknown[];
    expect(invitations).toHaveLength(1);
    // The same people again, spelled a little differently: nothing new.
    const again = await imported(coordinator, [
      { patientName: 'Iris Vale', patientEmail: 'iris@example.org' },
      { patientName: 'jon  park', dateOfBirth: '1980-02-02' },
    ]);
    expect(again).toMatchObject({ status: 'DONE', newClients: 0, existingClients: 2 });
    expect(await count()).toBe(before + 2);
    const audit = (await s.ds.query(`SELECT action, detail FROM audit_event WHERE action LIKE 'client_import.%' ORDER BY id`)) as { action: string; detail: Record<string, number> }[];
    // This test's check, then each import's start (the request) and run (the worker).
    expect(audit.map((a) => a.action).slice(-5)).toEqual(['client_import.check', 'client_import.start', 'client_import.run', 'client_import.start', 'client_import.run']);
    expect(audit.at(-3)!.detail).toMatchObject({ rows: 3, newClients: 2, existingClients: 1, invited: 1 });
    // The rows (patient data) are kept only until the import has run.
    expect(await s.ds.query(`SELECT count(*)::int n FROM client_import WHERE rows IS NOT NULL`)).toEqual([{ n: 0 }]);
  });

  it('imports 5,000 rows in the background: the progress moves, the outcome is counted, and a re-import creates nothing', async () => {
    const N = 5000;
    const tag = Date.now().toString(36);
    // Half known by e-mail, half by name and date of birth (as a spreadsheet of a real organization).
    const rows = Array.from({ length: N }, (_, i): Record<string, string> =>
      i % 2
        ? { patientName: `Bulk Patient ${tag} ${i}`, patientEmail: `bulk.${tag}.${i}@example.org`, urgency: i % 7 ? 'routine' : 'urgent' }
        : {
            patientName: `Bulk Patient ${tag} ${i}`,
            dateOfBirth: `${1940 + (i % 60)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
            preferredLanguage: i % 3 ? 'English' : 'Spanish',
          },
    );
    const before = await count();
    const started = Date.now();
    const checked = await run(coordinator, rows, { dryRun: true });
    expect(checked).toMatchObject({ newClients: N, existingClients: 0, errors: [], run: null });
    const { run: queued } = await run(coordinator, rows);
    expect(queued).toMatchObject({ totalRows: N, startedByName: 'Casey Nguyen', invitePatients: false });
    // Coming back to the page: the latest import is this one.
    expect((await coordinator.ok<{ latestClientImport: Run }>(LATEST)).latestClientImport.id).toBe(queued!.id);
    const seen = await follow(coordinator, queued!.id);
    const took = Date.now() - started;
    const [{ ms }] = (await s.ds.query(`SELECT (extract(epoch FROM finished_at - started_at) * 1000)::int ms FROM client_import WHERE id = $1`, [queued!.id])) as { ms: number }[];
    const done = seen.at(-1)!;
    expect(done).toMatchObject({ status: 'DONE', totalRows: N, rowsDone: N, newClients: N, existingClients: 0, invited: 0, problems: 0 });
    // The page saw it move: some answer between the start and the end, and never backwards while running.
    const running = seen.filter((r) => r.status === 'RUNNING');
    expect(running.some((r) => r.rowsDone > 0 && r.rowsDone < N)).toBe(true);
    expect(running.map((r) => r.rowsDone)).toEqual([...running.map((r) => r.rowsDone)].sort((a, b) => a - b));
    expect(await count()).toBe(before + N);
    // Every imported case starts as one opened by hand: its starter questions are there.
    const [questions] = (await s.ds.query(`SELECT count(DISTINCT q.case_id)::int n FROM case_question q JOIN patient_case c ON c.id = q.case_id WHERE c.patient_name LIKE $1`, [
      `Bulk Patient ${tag} %`,
    ])) as { n: number }[];
    expect(questions.n).toBe(N);

    // The same job handed out again (a stalled worker, a retry after the commit): nothing new.
    const service = s.worker!.get(ClientImportService, { strict: false });
    expect(await TenantContext.forOrganization(DEMO.orgs.harbor, () => service.run(queued!.id))).toBe('already-done');
    // The same file again: everyone is already a client.
    const again = await imported(coordinator, rows);
    expect(again).toMatchObject({ status: 'DONE', newClients: 0, existingClients: N });
    expect(await count()).toBe(before + N);
    process.stdout.write(`${N}-row import: checked, queued, imported and followed in ${took} ms (the worker's run ${ms} ms); ${seen.length} polls, ${running.length} while running\n`);
  }, 480_000);

  it('runs an import once even when two runs of it race (a stalled job handed out again): no second case, no second invitation', async () => {
    const tag = Date.now().toString(36);
    const rows = Array.from({ length: 40 }, (_, i) => ({ patientName: `Race ${tag} ${i}`, patientEmail: `race.${tag}.${i}@example.org` }));
    const before = await count();
    const { run: queued } = await run(coordinator, rows, { invitePatients: true });
    const service = s.worker!.get(ClientImportService, { strict: false });
    // The job runs in the import's organization (row-level security), found from its id.
    expect(await s.worker!.get(JobTenantScope).organizationOf({ importId: queued!.id })).toBe(DEMO.orgs.harbor);
    // A second run beside the worker's job: one imports, the other waits for the lock and finds it done.
    const direct = await TenantContext.forOrganization(DEMO.orgs.harbor, () => service.run(queued!.id));
    const done = (await follow(coordinator, queued!.id)).at(-1)!;
    expect(done).toMatchObject({ status: 'DONE', newClients: 40, invited: 40 });
    expect([expect.stringContaining('40 client(s) imported'), 'already-done']).toContainEqual(direct);
    expect(await count()).toBe(before + 40);
    const [invitations] = (await s.ds.query(`SELECT count(*)::int n, count(DISTINCT email)::int d FROM invitation WHERE email LIKE $1`, [`race.${tag}.%`])) as { n: number; d: number }[];
    expect(invitations).toEqual({ n: 40, d: 40 });
    const [emails] = (await s.ds.query(
      `SELECT count(*)::int n FROM outbox_message WHERE job_name = 'send-invitation-email' AND job_id = ANY(SELECT 'invitation-email.' || id FROM invitation WHERE email LIKE $1)`,
      [`race.${tag}.%`],
    )) as { n: number }[];
    expect(emails.n).toBe(40);
  });

  it('queues again, in the nightly re-scan, an import whose job was lost an hour ago; once done, it queues nothing', async () => {
    // As if Redis lost the job after the outbox handed it over: the row waits, and no job will come.
    const rows = [{ patientName: 'Lost Job Client', patientEmail: `lost.job.${Date.now()}@example.org` }];
    const [{ id }] = (await s.ds.query(
      `INSERT INTO client_import (organization_id, started_by_id, invite_patients, total_rows, rows, created_at) VALUES ($1, $2, false, 1, $3::jsonb, now() - interval '2 hours') RETURNING id`,
      [DEMO.orgs.harbor, DEMO.users.harborCoordinator, JSON.stringify(rows)],
    )) as [{ id: string }];
    const queued = async () => ((await s.ds.query(`SELECT count(*)::int AS n FROM outbox_message WHERE queue = 'imports' AND payload->>'importId' = $1`, [id])) as [{ n: number }])[0].n;
    const reconciler = s.worker!.get(JobReconciler);
    await reconciler.rescanOrganization(DEMO.orgs.harbor);
    expect(await queued()).toBe(1);
    const done = (await follow(coordinator, id)).at(-1)!;
    expect(done).toMatchObject({ status: 'DONE', newClients: 1 });
    await reconciler.rescanOrganization(DEMO.orgs.harbor);
    expect(await queued()).toBe(1);
  });

  it('gives each imported case exactly what a case opened by hand gets, though it writes them in batches', async () => {
    const tag = Date.now().toString(36);
    const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
    const byHand = async (name: string, email: string | null, urgency: 'ROUTINE' | 'URGENT') =>
      (
        await coordinator.ok<{ createCase: { id: string } }>(CREATE, {
          input: { patientName: name, ...(email ? { patientEmail: email } : {}), question: 'Q', diagnosisInDoubt: 'D', triggers: [], urgency },
        })
      ).createCase.id;
    const urgentByHand = await byHand(`Hand Urgent ${tag}`, `hand.${tag}@example.org`, 'URGENT');
    const routineByHand = await byHand(`Hand Routine ${tag}`, null, 'ROUTINE');
    const done = await imported(
      coordinator,
      [
        { patientName: `Batch Urgent ${tag}`, patientEmail: `batch.${tag}@example.org`, question: 'Q', diagnosisInDoubt: 'D', urgency: 'urgent' },
        { patientName: `Batch Routine ${tag}`, dateOfBirth: '1970-01-01', question: 'Q', diagnosisInDoubt: 'D' },
      ],
      { invitePatients: true },
    );
    expect(done).toMatchObject({ status: 'DONE', newClients: 2, invited: 1 });
    const idOf = async (name: string) => ((await s.ds.query(`SELECT id FROM patient_case WHERE patient_name = $1`, [name])) as { id: string }[])[0]!.id;
    /** Everything written for a case, without what differs by nature (ids, times, the patient, where the request came from). */
    const shape = async (id: string) => ({
      kase: await s.ds.query(
        `SELECT stage, urgency, triggers::text, trigger_notes, summary, question, diagnosis_in_doubt, current_doctor_specialty, current_doctor_sub_specialty, preferred_language, lead_advocate_id, created_by_id, version FROM patient_case WHERE id = $1`,
        [id],
      ),
      stages: await s.ds.query(`SELECT from_stage, to_stage, by_user_id FROM case_stage_change WHERE case_id = $1`, [id]),
      questions: await s.ds.query(`SELECT starter, text, position, created_by_id, version FROM case_question WHERE case_id = $1 ORDER BY position`, [id]),
      packet: await s.ds.query(`SELECT kind, title, state, responsible, notes, holder_id, version FROM packet_item WHERE case_id = $1 ORDER BY kind`, [id]),
      activity: await s.ds.query(`SELECT kind, actor_user_id, staff_only, detail, entity_id = case_id AS about_the_case FROM case_activity WHERE case_id = $1`, [id]),
      audit: await s.ds.query(`SELECT action, actor_user_id, entity_type, detail FROM audit_event WHERE case_id = $1 ORDER BY action`, [id]),
      invitations: await s.ds.query(
        `SELECT i.role, i.access, i.invited_by_id, i.expires_at - i.created_at > interval '13 days' AS two_weeks, (SELECT count(*)::int FROM outbox_message o WHERE o.job_id = 'invitation-email.' || i.id) AS emails
         FROM invitation i WHERE i.case_id = $1`,
        [id],
      ),
    });
    const urgent = await shape(await idOf(`Batch Urgent ${tag}`));
    expect(urgent).toEqual(await shape(urgentByHand));
    expect(urgent.invitations).toHaveLength(1);
    expect(urgent.packet.length).toBeGreaterThan(0);
    expect(await shape(await idOf(`Batch Routine ${tag}`))).toEqual(await shape(routineByHand));
  });

  it('is for coordinators and admins only, and stays in the caller’s organization', async () => {
    const advocate = await s.signIn('advocate@harbor.example');
    const refused = await advocate.gql(IMPORT, { input: { rows: [], dryRun: true, invitePatients: false } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await advocate.gql(LATEST)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { run: harborRun } = await run(coordinator, [{ patientName: `Own ${Date.now().toString(36)}`, patientEmail: `own.${Date.now().toString(36)}@example.org` }]);
    expect((await coordinator.ok<{ latestClientImport: Run | null }>(LATEST)).latestClientImport?.id).toBe(harborRun!.id);
    // Maria's e-mail is no client of Northstar's: it would be new there.
    const northstar = await s.signIn('admin@northstar.example');
    expect(await run(northstar, [{ patientName: 'Maria Lopez', patientEmail: 'patient@harbor.example' }], { dryRun: true })).toMatchObject({ newClients: 1, existingClients: 0 });
    // Harbor's imports are not Northstar's to see.
    expect((await northstar.gql(FOLLOW, { id: harborRun!.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await coordinator.gql(FOLLOW, { id: 'not-an-id' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await northstar.ok<{ latestClientImport: Run | null }>(LATEST)).latestClientImport).toBeNull();
  });

  it('refuses hidden characters and oversized cells at the edge', async () => {
    const nul = await coordinator.gql(IMPORT, { input: { rows: [{ patientName: 'A\u0000B', patientEmail: 'a@b.org' }], dryRun: true, invitePatients: false } });
    expect(nul.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const big = await coordinator.gql(IMPORT, { input: { rows: [{ patientName: 'x'.repeat(4001) }], dryRun: true, invitePatients: false } });
    expect(big.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });
});
