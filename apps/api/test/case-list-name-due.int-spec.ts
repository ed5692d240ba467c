import { TenantContext } from '@second-look/server-platform';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DEMO } from '../src/seed/demo-seed';
import { caseListQuery, pageThroughCases } from './support/case-list';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

/**
 * The staff case list's name box and its next-due order (docs/dashboards.md, "The staff case
 * views at real size"): the name candidates come from app_case_ids_by_patient_name (migration
 * CaseListNameAndNextDue), which must never hand out another organization's cases or, to a
 * patient, another patient's; the next due date is kept by triggers and must equal a recount.
 */
type Node = { id: string; patientName: string; urgency: string; nextDueOn: string | null };
type Page = { cases: { totalCount: number; nodes: Node[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } };
const LIST = caseListQuery('id patientName urgency nextDueOn');
const A = DEMO.orgs.harbor;
const B = DEMO.orgs.northstar;
const CANDIDATES = `SELECT app_case_ids_by_patient_name($1, 0.45) AS ids`;

/** next_due_on as the migration defines it, counted from the rows. */
const RECOUNT = `SELECT c.id, c.next_due_on::text AS kept, LEAST(
    (SELECT min(LEAST(r.plan_target_on, r.legal_due_on)) FROM record_request r WHERE r.case_id = c.id AND r.completed_on IS NULL),
    (SELECT min(t.due_on) FROM case_task t WHERE t.case_id = c.id AND t.done_at IS NULL))::text AS counted
  FROM patient_case c ORDER BY c.id`;

describe('case list: name box and next due date', () => {
  let s: TestStack;
  let app: DataSource;
  let coordinator: GqlClient;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    s = await startTestStack('case-list-name-due');
    app = s.app.get(DataSource);
    coordinator = await s.signIn('coordinator@harbor.example');
    const names = ['Rosa Delgado', 'Pedro Delgado-Ruiz', 'Ana DELGADO', 'Rosalind Park', 'Tom Baker', 'Lucia Delgada', 'Percent 100% Sure'];
    for (const [i, n] of names.entries()) {
      const r = await coordinator.ok<{ createCase: { id: string } }>(
        `mutation($n: String!, $u: Urgency!) { createCase(input: { patientName: $n, question: "Q", diagnosisInDoubt: "D", triggers: [PERSISTENT_DOUBT], urgency: $u }) { id } }`,
        { n, u: i % 2 ? 'URGENT' : 'ROUTINE' },
      );
      ids[n] = r.createCase.id;
    }
    // Northstar has a Delgado too, which Harbor must never see.
    await s.ds.query(
      `INSERT INTO patient_case (organization_id, patient_name, question, diagnosis_in_doubt, created_by_id, version) SELECT $1, 'Rosa Delgado', 'Q', 'D', created_by_id, 1 FROM patient_case WHERE organization_id = $1 LIMIT 1`,
      [B],
    );
  }, 120_000);
  afterAll(() => s?.close());

  const all = (vars: Record<string, unknown>, first = 2) => pageThroughCases<Node>(coordinator, LIST, vars, first);

  it('finds part of a name in any case, with the other filters and paging, and counts what it lists', async () => {
    const { seen, total } = await all({ f: { patientName: 'delgado' }, s: { field: 'PATIENT_NAME', direction: 'ASC' } });
    expect(seen.map((n) => n.patientName)).toEqual(['Ana DELGADO', 'Lucia Delgada', 'Pedro Delgado-Ruiz', 'Rosa Delgado']);
    expect(total).toBe(4);
    expect(seen.every((n) => Object.values(ids).includes(n.id))).toBe(true);
    const urgent = await all({ f: { patientName: 'DELGADO', urgency: 'URGENT' } });
    expect(urgent.seen.map((n) => n.patientName).sort()).toEqual(['Lucia Delgada', 'Pedro Delgado-Ruiz']);
    expect(urgent.total).toBe(2);
    // The query's own % is a letter, not a wildcard; one letter is no name filter at all.
    expect((await all({ f: { patientName: '100%' } })).seen.map((n) => n.patientName)).toEqual(['Percent 100% Sure']);
    expect((await all({ f: { patientName: '0%S' } })).total).toBe(0);
    expect((await all({ f: { patientName: 'R' } }, 100)).total).toBe((await all({}, 100)).total);
  });

  it('never hands another organization’s cases, or another patient’s, to its caller', async () => {
    const [northstar] = await s.ds.query(`SELECT id FROM patient_case WHERE organization_id = $1 AND patient_name = 'Rosa Delgado'`, [B]);
    const inA = await TenantContext.forOrganization(A, () => app.query(CANDIDATES, ['Rosa Delgado']));
    expect(inA[0].ids).toContain(ids['Rosa Delgado']);
    expect(inA[0].ids).not.toContain(northstar.id);
    const inB = await TenantContext.forOrganization(B, () => app.query(CANDIDATES, ['Delgado']));
    expect(inB[0].ids).toEqual([northstar.id]);
    // No scope, or the system scope without an organization: nothing.
    const raw = new Client({ connectionString: s.config.databaseUrl, options: '-c role=sl_app' });
    await raw.connect();
    try {
      expect((await raw.query(CANDIDATES, ['Delgado'])).rows[0].ids).toEqual([]);
      await raw.query(`SELECT set_config('app.scope', 'system', false)`);
      expect((await raw.query(CANDIDATES, ['Delgado'])).rows[0].ids).toEqual([]);
    } finally {
      await raw.end();
    }
    // A patient gets her own case and no one else's, by the API and by raw SQL.
    const asMaria = <T>(fn: () => Promise<T>) => TenantContext.run({ organizationId: A, actorId: DEMO.users.harborPatient, caseMember: true }, fn);
    expect((await asMaria(() => app.query(CANDIDATES, ['Maria Lopez'])))[0].ids).toEqual([DEMO.cases.maria]);
    expect((await asMaria(() => app.query(CANDIDATES, ['David Chen'])))[0].ids).toEqual([]);
    const maria = await s.signIn('patient@harbor.example');
    const hers = await maria.ok<Page>(LIST, { f: { patientName: 'Chen' }, first: 10 });
    expect(hers.cases).toMatchObject({ totalCount: 0, nodes: [] });
    const own = await maria.ok<Page>(LIST, { f: { patientName: 'Lopez' }, first: 10 });
    expect(own.cases.nodes.map((n) => n.id)).toEqual([DEMO.cases.maria]);
    // The patient's side gets no next due date (internal tasks count towards it).
    expect(own.cases.nodes[0].nextDueOn).toBeNull();
    // Only the app's role may call it.
    const [acl] = await s.ds.query(`SELECT proacl::text AS acl FROM pg_proc WHERE proname = 'app_case_ids_by_patient_name'`);
    expect(acl.acl).toMatch(/sl_app=X/);
    expect(acl.acl).not.toMatch(/(^|[{,])=X/);
  });

  it('keeps each case’s next due date equal to a recount through task and record request writes, and sorts by it', async () => {
    const check = async () => {
      const rows: { id: string; kept: string | null; counted: string | null }[] = await s.ds.query(RECOUNT);
      expect(rows.filter((r) => r.kept !== r.counted)).toEqual([]);
      return rows;
    };
    await check();
    const rosa = ids['Rosa Delgado'];
    const park = ids['Rosalind Park'];
    const add = (caseId: string, dueOn: string | null) =>
      coordinator.ok<{ addCaseTask: { id: string; version: number } }>(`mutation($c: ID!, $d: String) { addCaseTask(input: { caseId: $c, title: "Call", dueOn: $d }) { id version } }`, {
        c: caseId,
        d: dueOn,
      });
    const t1 = (await add(rosa, '2031-03-10')).addCaseTask;
    const t2 = (await add(rosa, '2031-02-01')).addCaseTask;
    await add(park, null);
    await check();
    expect((await s.ds.query(`SELECT next_due_on::text AS d FROM patient_case WHERE id = $1`, [rosa]))[0].d).toBe('2031-02-01');
    await coordinator.ok(`mutation($i: ID!) { setCaseTaskDone(input: { id: $i, done: true }) { id } }`, { i: t2.id });
    await check();
    await coordinator.ok(`mutation($i: ID!, $v: Int!) { updateCaseTask(input: { id: $i, expectedVersion: $v, dueOn: "2031-01-05" }) { id } }`, { i: t1.id, v: t1.version });
    await check();
    await coordinator.ok(`mutation($i: ID!) { setCaseTaskDone(input: { id: $i, done: false }) { id } }`, { i: t2.id });
    await coordinator.ok(`mutation($i: ID!) { removeCaseTask(id: $i) }`, { i: t1.id });
    await check();
    // Record requests: two go in at once, then complete one, move it to another case, change its dates, delete it (raw SQL, as the owner).
    const [holder] = await s.ds.query(`INSERT INTO record_holder (organization_id, name) VALUES ($1, 'Probe Lab') RETURNING id`, [A]);
    const [req] = await s.ds.query(
      `INSERT INTO record_request (organization_id, case_id, holder_id, method, sent_on, plan_target_on, legal_due_on, original_legal_due_on, created_by_id, version)
       SELECT $1, $2, $3, 'FAX', d - 3, d + x, d + 30, d + 30, $4, 1 FROM (VALUES (DATE '2031-01-10')) AS v(d), (VALUES (11), (40)) AS k(x)
       RETURNING id`,
      [A, rosa, holder.id, DEMO.users.harborCoordinator],
    );
    await check();
    expect((await s.ds.query(`SELECT next_due_on::text AS d FROM patient_case WHERE id = $1`, [rosa]))[0].d).toBe('2031-01-21');
    await s.ds.query(`UPDATE record_request SET completed_on = CURRENT_DATE WHERE id = $1`, [req.id]);
    await check();
    await s.ds.query(`UPDATE record_request SET completed_on = NULL, case_id = $2 WHERE id = $1`, [req.id, park]);
    await check();
    await s.ds.query(`UPDATE record_request SET plan_target_on = DATE '2030-12-31', legal_due_on = DATE '2031-01-20' WHERE id = $1`, [req.id]);
    await check();
    expect((await s.ds.query(`SELECT next_due_on::text AS d FROM patient_case WHERE id = $1`, [park]))[0].d).toBe('2030-12-31');
    await s.ds.query(`DELETE FROM record_request WHERE id = $1`, [req.id]);
    await check();

    // Sorted by next due date: soonest first, nothing due last, every case once, in both directions.
    for (const direction of ['ASC', 'DESC']) {
      const { seen, total } = await all({ s: { field: 'NEXT_DUE', direction } }, 3);
      expect(seen).toHaveLength(total);
      expect(new Set(seen.map((n) => n.id)).size).toBe(total);
      const dated = seen.filter((n) => n.nextDueOn).map((n) => n.nextDueOn as string);
      expect(seen.slice(0, dated.length).every((n) => n.nextDueOn)).toBe(true);
      const sorted = [...dated].sort();
      expect(dated).toEqual(direction === 'ASC' ? sorted : sorted.reverse());
    }
    const named = await all({ f: { patientName: 'Rosa' }, s: { field: 'NEXT_DUE', direction: 'ASC' } }, 1);
    expect(named.seen[0].id).toBe(rosa);
    expect(named.total).toBe(named.seen.length);
  });

  it('uses the trigram index under the app role, where a plain WHERE cannot', async () => {
    // An organization of some size (20,000 more cases), so that an index is worth using at all,
    // and sequential scans priced out (as the bench's second EXPLAIN does): what is left to
    // choose between is the organization's indexes and the trigram index.
    await s.ds.query(
      `INSERT INTO patient_case (organization_id, patient_name, question, diagnosis_in_doubt, created_by_id, version)
       SELECT $1, (ARRAY['Ana', 'Luis', 'Mei', 'Omar', 'Zoe'])[1 + g % 5] || ' ' || (ARRAY['Abbott', 'Baker', 'Castillo', 'Dubois', 'Evans', 'Garcia', 'Hughes', 'Kim', 'Patel', 'Reyes'])[1 + (g / 20) % 10], 'Q', 'D', $2, 1
       FROM generate_series(1, 20000) g`,
      [A, DEMO.users.harborCoordinator],
    );
    await s.ds.query(`ANALYZE patient_case`);
    // auto_explain shows the function's own statement; the owner (a superuser here) loads it, then becomes the app.
    const c = new Client({ connectionString: s.config.databaseUrl });
    await c.connect();
    const plans: string[] = [];
    c.on('notice', (n) => plans.push(n.message ?? ''));
    try {
      await c.query(`LOAD 'auto_explain'`);
      await c.query(`SET auto_explain.log_min_duration = 0; SET auto_explain.log_nested_statements = on; SET client_min_messages = log; SET enable_seqscan = off`);
      await c.query(`SET ROLE sl_app`);
      await c.query(`SELECT set_config('app.organization_id', $1, false), set_config('app.scope', '', false)`, [A]);
      await c.query(CANDIDATES, ['Delgado']);
      const inner = plans.find((p) => p.includes('patient_case c') || p.includes('array_agg'));
      expect(inner).toMatch(/patient_case_name_trgm/);
      plans.length = 0;
      // The same match in a plain WHERE, under the policies: pg_trgm's operators are not leakproof.
      await c.query(`SELECT set_config('pg_trgm.word_similarity_threshold', '0.45', false)`);
      await c.query(`SELECT id FROM patient_case WHERE patient_name %> 'Delgado' OR patient_name ILIKE '%Delgado%'`);
      expect(plans.join('\n')).not.toMatch(/patient_case_name_trgm/);
    } finally {
      await c.end();
    }
  });
});
