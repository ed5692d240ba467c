import { DEMO } from '../src/seed/demo-seed';
import { pageThroughCases } from './support/case-list';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

type Page = { cases: { totalCount: number; nodes: { id: string; patientName: string; stage: string; urgency: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } };
const LIST = `query($f: CaseFilter, $s: CaseSort, $first: Int, $after: String) { cases(filter: $f, sort: $s, first: $first, after: $after) { totalCount nodes { id patientName stage urgency } pageInfo { endCursor hasNextPage } } }`;

describe('cases: list, edit, stages, audit', () => {
  let s: TestStack;
  let coordinator: GqlClient;
  beforeAll(async () => {
    s = await startTestStack('cases');
    coordinator = await s.signIn('coordinator@harbor.example');
    // Enough cases to page through.
    for (let i = 0; i < 23; i++) {
      await coordinator.ok(
        `mutation($n: String!, $u: Urgency!) { createCase(input: { patientName: $n, question: "Q", diagnosisInDoubt: "D", triggers: [PERSISTENT_DOUBT], urgency: $u, leadAdvocateId: "${DEMO.users.harborAdvocate2}" }) { id } }`,
        { n: `Patient ${String(i).padStart(2, '0')}`, u: i % 3 ? 'ROUTINE' : 'URGENT' },
      );
    }
  });
  afterAll(() => s?.close());

  const all = (c: GqlClient, vars: Record<string, unknown>, first = 7) => pageThroughCases<Page['cases']['nodes'][number]>(c, LIST, vars, first);

  it.each([
    ['UPDATED_AT', 'DESC'],
    ['CREATED_AT', 'ASC'],
    ['PATIENT_NAME', 'ASC'],
    ['URGENCY', 'DESC'],
    ['STAGE', 'ASC'],
  ])('pages through every case exactly once, sorted by %s %s', async (field, direction) => {
    const { seen, total } = await all(coordinator, { s: { field, direction } });
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((n) => n.id)).size).toBe(total);
    expect(total).toBe(28);
    if (field === 'PATIENT_NAME') expect(seen.map((n) => n.patientName)).toEqual([...seen.map((n) => n.patientName)].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('filters by stage, urgency and advocate; advocates start with their own cases', async () => {
    const urgent = await coordinator.ok<Page>(LIST, { f: { urgency: 'URGENT' }, first: 100 });
    expect(urgent.cases.nodes.every((n) => n.urgency === 'URGENT')).toBe(true);
    const stage = await coordinator.ok<Page>(LIST, { f: { stages: ['GATHER_RECORDS', 'APPOINTMENT'] }, first: 100 });
    expect(new Set(stage.cases.nodes.map((n) => n.stage))).toEqual(new Set(['GATHER_RECORDS', 'APPOINTMENT']));
    const advocate = await s.signIn('advocate@harbor.example');
    const mine = await advocate.ok<Page>(LIST, { first: 100 });
    expect(mine.cases.totalCount).toBe(3);
    const org = await advocate.ok<Page>(LIST, { f: { scope: 'ORGANIZATION' }, first: 100 });
    expect(org.cases.totalCount).toBe(28);
    const byLead = await coordinator.ok<Page>(LIST, { f: { leadAdvocateId: DEMO.users.harborAdvocate2 }, first: 100 });
    expect(byLead.cases.totalCount).toBe(25);
  });

  it('refuses a cursor that does not belong to the sort order', async () => {
    const p = await coordinator.ok<Page>(LIST, { first: 2 });
    const r = await coordinator.gql(LIST, { first: 2, after: p.cases.pageInfo.endCursor, s: { field: 'PATIENT_NAME', direction: 'ASC' } });
    expect(r.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a stale save with the other person’s value, and loses nothing', async () => {
    const advocate = await s.signIn('advocate@harbor.example');
    const patient = await s.signIn('patient@harbor.example');
    const v = (await patient.ok<{ case: { version: number } }>(`{ case(id: "${DEMO.cases.maria}") { version } }`)).case.version;
    await advocate.ok(`mutation($v: Int!) { updateCase(input: { id: "${DEMO.cases.maria}", expectedVersion: $v, summary: "Advocate's text" }) { version } }`, { v });
    const stale = await patient.gql(`mutation($v: Int!) { updateCase(input: { id: "${DEMO.cases.maria}", expectedVersion: $v, summary: "Patient's text" }) { version } }`, { v });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: v + 1, current: { summary: "Advocate's text" } } });
    const now = (await patient.ok<{ case: { summary: string; version: number } }>(`{ case(id: "${DEMO.cases.maria}") { summary version } }`)).case;
    expect(now).toEqual({ summary: "Advocate's text", version: v + 1 });
    await patient.ok(`mutation($v: Int!) { updateCase(input: { id: "${DEMO.cases.maria}", expectedVersion: $v, summary: "Patient's text" }) { version } }`, { v: now.version });
  });

  it('moves stages only along the journey rules', async () => {
    const advocate = await s.signIn('advocate@harbor.example');
    const bad = await advocate.gql(`mutation { moveCaseStage(input: { caseId: "${DEMO.cases.david}", to: COMPARE_AND_DECIDE }) { stage } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('INVALID_STAGE_MOVE');
    const ok = await advocate.ok<{ moveCaseStage: { stage: string } }>(`mutation { moveCaseStage(input: { caseId: "${DEMO.cases.david}", to: VERIFY_INSURANCE }) { stage } }`);
    expect(ok.moveCaseStage.stage).toBe('VERIFY_INSURANCE');
  });

  it('audits every read and write of a case, with where it came from', async () => {
    const admin = await s.signIn('admin@harbor.example');
    await admin.ok(`{ case(id: "${DEMO.cases.omar}") { id } }`);
    const page = await admin.ok<{ auditEvents: { nodes: { action: string; caseId: string; ip: string; actor: { displayName: string } }[] } }>(
      `query($c: ID) { auditEvents(filter: { caseId: $c }, first: 10) { nodes { action caseId ip actor { displayName } } } }`,
      { c: DEMO.cases.omar },
    );
    expect(page.auditEvents.nodes[0]).toMatchObject({ action: 'case.read', caseId: DEMO.cases.omar, actor: { displayName: 'Alex Morgan' } });
    expect(page.auditEvents.nodes[0].ip).toMatch(/127\.0\.0\.1/);
    const rows = await s.ds.query(`SELECT action, count(*)::int AS n FROM audit_event WHERE case_id IS NOT NULL GROUP BY action`);
    const by = Object.fromEntries(rows.map((r: { action: string; n: number }) => [r.action, r.n]));
    expect(by['case.create']).toBe(23);
    expect(by['case.list']).toBeGreaterThan(28);
    expect(by['case.update']).toBe(2);
    expect(by['case.move_stage']).toBe(1);
  });

  it('keeps the audit log append-only in the database itself', async () => {
    await expect(s.ds.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(s.ds.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(s.ds.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });

  it('counts what it lists for every filter, also after a stage move and a new lead', async () => {
    // A staff member's total comes from the dashboards' cases-by-stage counts (CaseService.list).
    const filters = [
      {},
      { urgency: 'URGENT' },
      { stages: ['GATHER_RECORDS', 'APPOINTMENT', 'DECIDE'] },
      { leadAdvocateId: DEMO.users.harborAdvocate2, urgency: 'ROUTINE' },
      { leadAdvocateId: DEMO.users.harborAdvocate, stages: ['TALK_TO_DOCTOR'] },
    ];
    const check = async () => {
      for (const f of filters) {
        const { seen, total } = await all(coordinator, { f }, 100);
        expect({ f, total }).toEqual({ f, total: seen.length });
      }
    };
    await check();
    const first = (await coordinator.ok<Page>(LIST, { f: { leadAdvocateId: DEMO.users.harborAdvocate2 }, first: 1 })).cases.nodes[0];
    const { case: kase } = await coordinator.ok<{ case: { allowedStageMoves: string[] } }>(`{ case(id: "${first.id}") { allowedStageMoves } }`);
    await coordinator.ok(`mutation($to: CaseStage!) { moveCaseStage(input: { caseId: "${first.id}", to: $to }) { id } }`, { to: kase.allowedStageMoves[0] });
    await coordinator.ok(`mutation { assignLeadAdvocate(caseId: "${first.id}", advocateId: "${DEMO.users.harborAdvocate}") { id } }`);
    await check();
  });
});
