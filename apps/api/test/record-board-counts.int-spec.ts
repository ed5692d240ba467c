import { randomUUID } from 'node:crypto';
import { DEMO } from '../src/seed/demo-seed';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

/*
 * The board's counts and holder totals come from record_board_count, kept by statement-level
 * triggers (migration RecordBoardCounts). Here a seeded random sequence of writes of every
 * kind (single and multi-row inserts, date changes, completions, reopenings, holder moves,
 * deletes, a case's urgency and lead advocate changing, a case deleted, rolled-back
 * transactions) runs against real PostgreSQL; then the kept rows must equal a recount from
 * scratch, and the board must answer what counting the open requests directly answers, for
 * every filter level and status.
 */
const ORG = DEMO.orgs.harbor;
const BOARD = `query($f: RecordBoardFilter) { recordBoard(first: 5, filter: $f) {
  today counts { open overdue atRisk onTrack } byHolder { holder { id } open overdue atRisk oldestSentOn } requests { totalCount } } }`;

type Board = {
  today: string;
  counts: { open: number; overdue: number; atRisk: number; onTrack: number };
  byHolder: Array<{ holder: { id: string }; open: number; overdue: number; atRisk: number; oldestSentOn: string }>;
  requests: { totalCount: number };
};

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('record board counts (rollup kept by the writing statement)', () => {
  let stack: TestStack;
  let coordinator: GqlClient;
  const holders: string[] = [];
  const advocates: Array<string | null> = [DEMO.users.harborAdvocate2, null];
  const cases: string[] = [];

  beforeAll(async () => {
    stack = await startTestStack('board-counts');
    coordinator = await stack.signIn('coordinator@harbor.example');
    for (let i = 0; i < 2; i++) {
      const id = randomUUID();
      await stack.ds.query(`INSERT INTO app_user (id, organization_id, email, display_name, role, password_hash) VALUES ($1, $2, $3, 'Count Advocate', 'ADVOCATE', 'x')`, [
        id,
        ORG,
        `count${i}@harbor.example`,
      ]);
      advocates.push(id);
    }
    for (let i = 0; i < 4; i++) {
      const id = randomUUID();
      await stack.ds.query(`INSERT INTO record_holder (id, organization_id, name) VALUES ($1, $2, $3)`, [id, ORG, `Count Holder ${i}`]);
      holders.push(id);
    }
  });
  afterAll(() => stack?.close());

  const snapshot = () => stack.ds.query(`SELECT organization_id, urgency, advocate_id, holder_id, kind, on_date::text, n FROM record_board_count ORDER BY 1, 2, 3, 4, 5, 6`);

  it('equals a recount after a random sequence of writes, and the board answers what a direct count answers', async () => {
    const rnd = random(20261206);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const day = () => Math.floor(rnd() * 80) - 50; // from 50 days ago to 30 days ahead
    const creator = advocates[2]!;

    const newCase = async () => {
      const id = randomUUID();
      await stack.ds.query(
        `INSERT INTO patient_case (id, organization_id, patient_name, question, diagnosis_in_doubt, urgency, lead_advocate_id, created_by_id, version)
         VALUES ($1, $2, 'Count Patient', 'Q?', 'D', $3, $4, $5, 1)`,
        [id, ORG, pick(['ROUTINE', 'URGENT']), pick(advocates), creator],
      );
      cases.push(id);
    };
    // n requests in one statement; sent d days from today, target and legal dates after it.
    const insertRequests = async (n: number) => {
      const rows = Array.from({ length: n }, () => [pick(cases), pick(holders), day(), 7 + Math.floor(rnd() * 8), rnd() < 0.2]);
      await stack.ds.query(
        `INSERT INTO record_request (organization_id, case_id, holder_id, method, sent_on, plan_target_on, legal_due_on, original_legal_due_on, completed_on, created_by_id, version)
         SELECT $1, x.case_id, x.holder_id, 'FAX', current_date + x.d, current_date + x.d + x.t, current_date + x.d + 30, current_date + x.d + 30,
           CASE WHEN x.done THEN current_date END, $2, 1
         FROM jsonb_to_recordset($3::jsonb) AS x(case_id uuid, holder_id uuid, d int, t int, done boolean)`,
        [ORG, creator, JSON.stringify(rows.map(([c, h, d, t, done]) => ({ case_id: c, holder_id: h, d, t, done })))],
      );
    };
    const someRequest = async (): Promise<string | null> => (await stack.ds.query(`SELECT r.id FROM record_request r WHERE r.case_id = ANY($1) ORDER BY random() LIMIT 1`, [cases]))[0]?.id ?? null;

    await stack.ds.query(`SELECT setseed(0.42)`);
    for (let i = 0; i < 6; i++) await newCase();
    await insertRequests(20);
    for (let step = 0; step < 160; step++) {
      const r = await someRequest();
      const kind = pick([
        'insert',
        'insert',
        'insertMany',
        'insertMany',
        'insertMany',
        'complete',
        'reopen',
        'extend',
        'retarget',
        'holder',
        'delete',
        'urgency',
        'lead',
        'caseMany',
        'rollback',
        'newCase',
        'deleteCase',
        'letter',
      ]);
      switch (kind) {
        case 'insert':
          await insertRequests(1);
          break;
        case 'insertMany':
          await insertRequests(2 + Math.floor(rnd() * 6));
          break;
        case 'complete':
          if (r) await stack.ds.query(`UPDATE record_request SET completed_on = current_date WHERE id = $1`, [r]);
          break;
        case 'reopen':
          if (r) await stack.ds.query(`UPDATE record_request SET completed_on = NULL WHERE id = $1`, [r]);
          break;
        case 'extend':
          if (r) await stack.ds.query(`UPDATE record_request SET legal_due_on = original_legal_due_on + 30, extension_recorded_on = current_date, extension_reason = 'Off site' WHERE id = $1`, [r]);
          break;
        case 'retarget':
          if (r) await stack.ds.query(`UPDATE record_request SET plan_target_on = plan_target_on + $2::int WHERE id = $1`, [r, day()]);
          break;
        case 'holder':
          if (r) await stack.ds.query(`UPDATE record_request SET holder_id = $2 WHERE id = $1`, [r, pick(holders)]);
          break;
        case 'delete':
          if (r) await stack.ds.query(`DELETE FROM record_request WHERE id = $1`, [r]);
          break;
        case 'urgency':
          await stack.ds.query(`UPDATE patient_case SET urgency = CASE WHEN urgency = 'URGENT' THEN 'ROUTINE' ELSE 'URGENT' END::case_urgency WHERE id = $1`, [pick(cases)]);
          break;
        case 'lead':
          await stack.ds.query(`UPDATE patient_case SET lead_advocate_id = $2 WHERE id = $1`, [pick(cases), pick(advocates)]);
          break;
        case 'caseMany': // several requests and cases in one statement each
          await stack.ds.query(`UPDATE record_request SET completed_on = CASE WHEN completed_on IS NULL THEN current_date END WHERE case_id = $1`, [pick(cases)]);
          await stack.ds.query(`UPDATE patient_case SET lead_advocate_id = $2 WHERE id = ANY($1)`, [[pick(cases), pick(cases)], pick(advocates)]);
          break;
        case 'rollback':
          await stack.ds
            .transaction(async (m) => {
              await m.query(`UPDATE record_request SET holder_id = $1 WHERE case_id = ANY($2)`, [pick(holders), cases]);
              await m.query(`DELETE FROM record_request WHERE id = $1`, [r]);
              throw new Error('rolled back on purpose');
            })
            .catch(() => undefined);
          break;
        case 'newCase':
          await newCase();
          break;
        case 'deleteCase':
          if (cases.length > 4 && rnd() < 0.3) await stack.ds.query(`DELETE FROM patient_case WHERE id = $1`, [cases.splice(Math.floor(rnd() * cases.length), 1)[0]]);
          break;
        case 'letter': // a write that changes nothing the board counts
          if (r) await stack.ds.query(`UPDATE record_request SET letter = 'Edited', version = version + 1 WHERE id = $1`, [r]);
          break;
      }
    }

    const kept = await snapshot();
    expect(kept.length).toBeGreaterThan(40);
    expect(kept.every((row: { n: number }) => row.n > 0)).toBe(true); // rows that reach zero are gone
    await stack.ds.query(`SELECT record_board_rebuild()`);
    expect(await snapshot()).toEqual(kept);

    // The dashboards' request figures, kept by their own statement triggers through the same
    // writes, equal a recount too (stage-move figures are compared without urgency and
    // advocate, as dashboards.int-spec.ts explains).
    const EVENTS = `('STAGE_ENTERED', 'STAGE_LEFT', 'CLOSED_EARLY', 'PHASE')`;
    const dashboardRows = () =>
      stack.ds.query(
        `SELECT organization_id, metric, day::text, key, CASE WHEN metric IN ${EVENTS} THEN '' ELSE urgency::text END AS u,
           CASE WHEN metric IN ${EVENTS} THEN '' ELSE advocate_id::text END AS a, days, sum(n)::int AS n, sum(over_target)::int AS o, sum(over_legal)::int AS l
         FROM dashboard_rollup GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(n) <> 0 OR sum(over_target) <> 0 OR sum(over_legal) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7`,
      );
    const dashboardKept = await dashboardRows();
    expect(dashboardKept.filter((r: { metric: string }) => r.metric === 'HOLDER_DONE').length).toBeGreaterThan(3);
    await stack.ds.query(`SELECT dashboard_rebuild()`);
    expect(await dashboardRows()).toEqual(dashboardKept);

    // The board against a direct count of the open requests, at every level and status.
    const filters: Array<Record<string, string>> = [
      {},
      { urgency: 'URGENT' },
      { urgency: 'ROUTINE' },
      { leadAdvocateId: advocates[2]! },
      { leadAdvocateId: advocates[0]!, urgency: 'ROUTINE' },
      { holderId: holders[1] },
    ];
    let checked = 0;
    for (const base of filters) {
      for (const status of [null, 'OVERDUE', 'AT_RISK', 'ON_TRACK', 'DONE']) {
        const f = status ? { ...base, status } : base;
        const board = (await coordinator.ok<{ recordBoard: Board }>(BOARD, { f })).recordBoard;
        const conds = ['r.organization_id = $1', 'r.completed_on IS NULL'];
        const values: unknown[] = [ORG, board.today];
        if (base.urgency) conds.push(`c.urgency = $${values.push(base.urgency)}`);
        if (base.leadAdvocateId) conds.push(`c.lead_advocate_id = $${values.push(base.leadAdvocateId)}`);
        if (base.holderId) conds.push(`r.holder_id = $${values.push(base.holderId)}`);
        const overdue = `(r.legal_due_on < $2::date OR r.plan_target_on < $2::date)`;
        const atRisk = `(NOT ${overdue} AND (r.legal_due_on <= $2::date + 7 OR r.plan_target_on <= $2::date + 3))`;
        const statusCond = { OVERDUE: overdue, AT_RISK: atRisk, ON_TRACK: `(NOT ${overdue} AND NOT ${atRisk})`, DONE: 'false' }[status ?? ''] ?? 'true';
        const [counts] = await stack.ds.query(
          `SELECT count(*)::int AS open, count(*) FILTER (WHERE ${overdue})::int AS overdue, count(*) FILTER (WHERE ${atRisk})::int AS "atRisk",
             count(*) FILTER (WHERE NOT ${overdue} AND NOT ${atRisk})::int AS "onTrack", count(*) FILTER (WHERE ${statusCond})::int AS total
           FROM record_request r JOIN patient_case c ON c.id = r.case_id WHERE ${conds.join(' AND ')}`,
          values,
        );
        const groups = await stack.ds.query(
          `SELECT r.holder_id AS id, count(*)::int AS open, count(*) FILTER (WHERE ${overdue})::int AS overdue, count(*) FILTER (WHERE ${atRisk})::int AS "atRisk", min(r.sent_on)::text AS "oldestSentOn"
           FROM record_request r JOIN patient_case c ON c.id = r.case_id WHERE ${conds.join(' AND ')} AND ${statusCond}
           GROUP BY r.holder_id ORDER BY overdue DESC, open DESC, r.holder_id LIMIT 50`,
          values,
        );
        const { total, ...expected } = counts;
        expect({ f, counts: board.counts, total: board.requests.totalCount }).toEqual({ f, counts: expected, total });
        expect({ f, groups: board.byHolder.map(({ holder, ...g }) => ({ id: holder.id, ...g })) }).toEqual({ f, groups });
        checked += groups.length;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('keeps another organization out of the counts', async () => {
    const other = await stack.signIn('admin@northstar.example');
    const board = (await other.ok<{ recordBoard: Board }>(BOARD, { f: { holderId: holders[0] } })).recordBoard;
    expect(board.counts.open).toBe(0);
    expect(board.byHolder).toEqual([]);
  });
});
