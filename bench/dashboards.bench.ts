/**
 * Benchmark (not a test): the organization dashboards at two sizes, in one run.
 *
 *   npm run bench:dashboards   (BENCH_SMALL_CASES=10000 BENCH_BIG_CASES=100000 BENCH_REQUESTS_PER_CASE=10)
 *
 * 1. Private PostgreSQL and Redis, the real API in this process (createApi, migrated, demo seed).
 * 2. Bulk history for Harbor with set-based SQL (generate_series), the rollup triggers off
 *    while loading, then `dashboard_rebuild()` (the same functions as the triggers). The model
 *    of growth: an organization accumulating years of history at a steady pace, so the big size
 *    has ten times the cases and requests over ten times the years, with the same current work.
 * 3. Per view (funnel, phases, holders, caseload, outcomes): SQL statements per request, then
 *    p50/p95 of the GraphQL request for that view alone, at the small size; the same after
 *    growing to the big size; the ratio big/small (target <= 1.2).
 * 4. Staleness: a stage move through the API, then the funnel at once (figures are kept in the
 *    writer's transaction, so the next read sees it).
 * 5. Write cost: moveCaseStage over HTTP and a record request's completion in SQL, with the
 *    rollup triggers on and off, in alternating rounds (target <= 10% slower).
 */
import { INestApplication } from '@nestjs/common';
import { loadConfig } from '@second-look/server-platform';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { createApi } from '../apps/api/src/bootstrap';
import { DEMO, DEMO_PASSWORD, seedDemo } from '../apps/api/src/seed/demo-seed';
import { Cleanups, machineLine, num, ownerDataSource, startBenchServices } from './support/bench-env';
import { captureStatements, percentile, table } from './support/measure';

const SMALL = num('BENCH_SMALL_CASES', 10_000);
const BIG = num('BENCH_BIG_CASES', 100_000);
const PER_CASE = num('BENCH_REQUESTS_PER_CASE', 10);
const ITERATIONS = num('BENCH_ITERATIONS', 60);
const WRITES = num('BENCH_WRITES', 60);
const ORG = DEMO.orgs.harbor;
const VIEWS: Record<string, string> = {
  funnel: 'funnel { stage now entered left closedEarly conversion }',
  phases: 'phases { phases { phase urgency count medianDays p90Days overTarget } byAdvocate { phase advocateId count medianDays } }',
  holders: 'holders { holderId holderName sent fulfilled medianDays p90Days pastTarget pastLegal open overdue openPastLegal }',
  caseload: 'caseload { advocateId openCases urgentCases openRequests overdueRequests pastLegalRequests }',
  outcomes: 'outcomes { decisions { key count } daysToDecision { count medianDays } visits feelings { key count } }',
};
const TRIGGERS = [
  'patient_case:dashboard_case',
  'case_stage_change:dashboard_move',
  'record_request:dashboard_request_insert',
  'record_request:record_request_counts_update', // with the board's part of an update (migration RecordRequestCountsWriteCost)
  'record_request:dashboard_request_delete',
  'case_decision:dashboard_decision',
  'appointment:dashboard_visit',
];

const t0 = performance.now();
const say = (msg: string) => process.stdout.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${msg}\n`);

/** Cases [from, to) of the bulk history: the first CURRENT are this quarter's work, the rest history, years back in proportion. */
const CURRENT = 3_000;
function seedSql(from: number, to: number, yearsBack: number): string {
  return `
  INSERT INTO bench_case (i, id, created_at, stage_i, urgent)
  SELECT g, gen_random_uuid(),
    CASE WHEN g <= ${CURRENT} THEN now() - (g % 90) * interval '1 day'
         ELSE now() - interval '120 days' - ((g * 7919) % ${Math.max(1, Math.round(yearsBack * 365))}) * interval '1 day' END,
    CASE WHEN g <= ${CURRENT} THEN g % 9 ELSE 9 - (g % 5 = 0)::int * (1 + g % 7) END, g % 4 = 0
  FROM generate_series(${from}, ${to - 1}) g;
  INSERT INTO patient_case (id, organization_id, patient_name, question, diagnosis_in_doubt, urgency, stage, lead_advocate_id, created_by_id, created_at, version, closed_at)
  SELECT c.id, '${ORG}', 'Bench ' || c.i, 'Q', 'D', CASE WHEN c.urgent THEN 'URGENT' ELSE 'ROUTINE' END::case_urgency,
    (enum_range(NULL::case_stage))[c.stage_i + 1], a.id, a.id, c.created_at, 1, NULL
  FROM bench_case c JOIN bench_adv a ON a.i = 1 + c.i % 20 WHERE c.i >= ${from} AND c.i < ${to};
  INSERT INTO case_stage_change (organization_id, case_id, from_stage, to_stage, by_user_id, at)
  SELECT '${ORG}', c.id, CASE WHEN k = 0 THEN NULL ELSE (enum_range(NULL::case_stage))[k] END, (enum_range(NULL::case_stage))[k + 1], a.id,
    c.created_at + k * (1 + (c.i * 13 + k * 7) % 6) * interval '1 day'
  FROM bench_case c JOIN bench_adv a ON a.i = 1 + c.i % 20, generate_series(0, c.stage_i) k WHERE c.i >= ${from} AND c.i < ${to};
  INSERT INTO record_request (organization_id, case_id, holder_id, method, sent_on, plan_target_on, original_legal_due_on, legal_due_on, completed_on, created_by_id, version)
  SELECT '${ORG}', c.id, h.id, 'FAX', d, d + CASE WHEN c.urgent THEN 7 ELSE 14 END, d + 30, d + 30,
    CASE WHEN c.i <= ${CURRENT} AND k % 3 = 0 THEN NULL ELSE least(d + (c.i * 7 + k * 13) % 50, current_date) END, a.id, 1
  FROM bench_case c JOIN bench_adv a ON a.i = 1 + c.i % 20, generate_series(1, ${PER_CASE}) k,
    LATERAL (SELECT (c.created_at + k * interval '1 day')::date AS d) x, bench_holder h
  WHERE h.i = 1 + (c.i * 31 + k) % 200 AND c.i >= ${from} AND c.i < ${to};
  INSERT INTO case_decision (organization_id, case_id, decision, outcome, updated_by_id, created_at, version)
  SELECT '${ORG}', c.id, 'Decided', (ARRAY['CONFIRMED','CHANGED_DIAGNOSIS','CHANGED_TREATMENT','NO_CHANGE'])[1 + c.i % 4]::case_outcome, (SELECT id FROM bench_adv WHERE i = 1), c.created_at + interval '40 days', 1
  FROM bench_case c WHERE c.stage_i = 9 AND c.i >= ${from} AND c.i < ${to};`;
}

async function main(): Promise<void> {
  const cleanups = new Cleanups();
  try {
    say(machineLine());
    const svc = await startBenchServices('dashboards', cleanups);
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: svc.dbUrl,
      REDIS_URL: svc.redis.url,
      REDIS_PREFIX: 'bd',
      PUBLIC_URL: 'http://bench.test',
      MIGRATE_ON_START: 'true',
      COOKIE_SECURE: 'false',
    });
    const app: INestApplication = await createApi(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    cleanups.push(() => app.close());
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/graphql`;
    // Set-up as the owner; the API's own DataSource (the restricted role) is the one measured.
    const ds = await ownerDataSource(svc.dbUrl, cleanups);
    await seedDemo(ds);
    const signIn = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { signIn(input: { email: "coordinator@harbor.example", password: "${DEMO_PASSWORD}" }) { id } }` }),
    });
    const cookie = (signIn.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
    const gql = async (query: string, variables: Record<string, unknown> = {}) => {
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-requested-with': 'bench' }, body: JSON.stringify({ query, variables }) });
      const body = (await r.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data!;
    };
    const filter = { fromMonth: null, toMonth: null };
    const viewQuery = (view: string) => `query($f: DashboardFilter) { dashboard(filter: $f) { ${VIEWS[view]} } }`;

    await ds.query(`CREATE TABLE bench_case (i int PRIMARY KEY, id uuid, created_at timestamptz, stage_i int, urgent boolean)`);
    await ds.query(`CREATE TABLE bench_adv AS SELECT g AS i, gen_random_uuid() AS id FROM generate_series(1, 20) g`);
    await ds.query(
      `INSERT INTO app_user (id, organization_id, email, display_name, role, password_hash) SELECT id, '${ORG}', 'bench-' || i || '@harbor.example', 'Bench Advocate ' || i, 'ADVOCATE', 'x' FROM bench_adv`,
    );
    await ds.query(`CREATE TABLE bench_holder AS SELECT g AS i, gen_random_uuid() AS id FROM generate_series(1, 200) g`);
    await ds.query(`INSERT INTO record_holder (id, organization_id, name) SELECT id, '${ORG}', 'Bench Holder ' || i FROM bench_holder`);

    const load = async (from: number, to: number, years: number) => {
      const started = performance.now();
      await ds.transaction(async (m) => {
        await m.query(`SET LOCAL session_replication_role = replica`); // triggers off while loading
        await m.query(seedSql(from, to, years));
      });
      const loaded = performance.now();
      await ds.query(`SELECT dashboard_rebuild()`);
      await ds.query(`VACUUM ANALYZE`);
      const counts = (
        await ds.query(`SELECT (SELECT count(*) FROM patient_case)::int AS cases, (SELECT count(*) FROM record_request)::int AS requests, (SELECT count(*) FROM dashboard_rollup)::int AS rollup`)
      )[0];
      say(`loaded cases ${from}–${to - 1} in ${((loaded - started) / 1000).toFixed(1)} s, rollup rebuilt in ${((performance.now() - loaded) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
      return counts as { cases: number; requests: number; rollup: number };
    };

    const measure = async (label: string) => {
      const out: Record<string, { p50: number; p95: number; statements: number }> = {};
      for (const view of Object.keys(VIEWS)) {
        await gql(viewQuery(view), { f: filter });
        const statements = (await captureStatements(app.get(DataSource), () => gql(viewQuery(view), { f: filter }))).length;
        const times: number[] = [];
        for (let i = 0; i < ITERATIONS; i++) {
          const s = performance.now();
          await gql(viewQuery(view), { f: filter });
          times.push(performance.now() - s);
        }
        out[view] = { p50: percentile(times, 50), p95: percentile(times, 95), statements };
      }
      say(`${label}: ${JSON.stringify(out)}`);
      return out;
    };

    const small = await load(1, SMALL + 1, SMALL / 10_000);
    const atSmall = await measure(`${small.cases} cases / ${small.requests} requests`);
    const big = await load(SMALL + 1, BIG + 1, BIG / 10_000);
    const atBig = await measure(`${big.cases} cases / ${big.requests} requests`);

    // Staleness: a move through the API, then the funnel at once.
    const move = `mutation($id: ID!, $to: CaseStage!) { moveCaseStage(input: { caseId: $id, to: $to }) { id } }`;
    const funnelNow = async () =>
      ((await gql(viewQuery('funnel'), { f: filter })).dashboard as { funnel: Array<{ stage: string; now: number }> }).funnel.find((f) => f.stage === 'CHOOSE_PROVIDER')!.now;
    const before = await funnelNow();
    const moveStarted = performance.now();
    await gql(move, { id: DEMO.cases.maria, to: 'CHOOSE_PROVIDER' });
    const after = await funnelNow();
    const staleMs = performance.now() - moveStarted;

    // Write cost: the rollup triggers on vs off, alternating rounds.
    const setTriggers = async (on: boolean) => {
      for (const t of TRIGGERS) {
        const [tbl, name] = t.split(':');
        await ds.query(`ALTER TABLE ${tbl} ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${name}`);
      }
    };
    const requestId = (await ds.query(`SELECT r.id FROM record_request r JOIN bench_case c ON c.id = r.case_id WHERE r.completed_on IS NULL LIMIT 1`))[0].id;
    const stageTimes = { on: [] as number[], off: [] as number[] };
    const requestTimes = { on: [] as number[], off: [] as number[] };
    let stage = 'CHOOSE_PROVIDER';
    for (let round = 0; round < 4; round++) {
      for (const side of round % 2 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
        await setTriggers(side === 'on');
        for (let i = 0; i < WRITES / 4; i++) {
          stage = stage === 'CHOOSE_PROVIDER' ? 'VERIFY_INSURANCE' : 'CHOOSE_PROVIDER';
          let s = performance.now();
          await gql(move, { id: DEMO.cases.maria, to: stage });
          stageTimes[side].push(performance.now() - s);
          s = performance.now();
          await ds.transaction(async (m) => {
            await m.query(`UPDATE record_request SET completed_on = current_date WHERE id = $1`, [requestId]);
            await m.query(`UPDATE record_request SET completed_on = NULL WHERE id = $1`, [requestId]);
          });
          requestTimes[side].push(performance.now() - s);
        }
      }
    }
    await setTriggers(true);
    const med = (xs: number[]) => percentile(xs, 50);

    const f = (n: number) => n.toFixed(1);
    process.stdout.write(
      `\nDashboards at ${small.cases} cases / ${small.requests} requests (rollup ${small.rollup} rows) and ${big.cases} / ${big.requests} (rollup ${big.rollup} rows); ${ITERATIONS} requests per view, one at a time.\n\n` +
        table(
          ['view', 'SQL/request', 'p50 small', 'p95 small', 'p50 big', 'p95 big', 'p95 big/small'],
          Object.keys(VIEWS).map((v) => [
            v,
            `${atSmall[v].statements} / ${atBig[v].statements}`,
            f(atSmall[v].p50),
            f(atSmall[v].p95),
            f(atBig[v].p50),
            f(atBig[v].p95),
            (atBig[v].p95 / atSmall[v].p95).toFixed(2),
          ]),
          [0],
        ) +
        `\n\nStaleness: the funnel read right after a stage move showed it (${before} → ${after} in "Choose provider"), ${f(staleMs)} ms from the move's start to the answer: figures are kept in the writer's transaction.\n` +
        `Write cost (median ms, triggers on vs off): moveCaseStage over HTTP ${f(med(stageTimes.on))} vs ${f(med(stageTimes.off))} (${f((med(stageTimes.on) / med(stageTimes.off) - 1) * 100)}%); ` +
        `record request completed and reopened (SQL, one transaction) ${f(med(requestTimes.on))} vs ${f(med(requestTimes.off))} (${f((med(requestTimes.on) / med(requestTimes.off) - 1) * 100)}%).\n` +
        `${machineLine()}\n`,
    );
  } finally {
    await cleanups.run();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${e?.stack ?? e}\n`);
    process.exit(1);
  },
);
