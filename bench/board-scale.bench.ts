/**
 * Benchmark (not a test): the coordinator board at two sizes in one run, to show whether it
 * stays flat as an organization grows (issue 20, "the server at real size").
 *
 *   npm run bench:board-scale
 *   (BENCH_SMALL_CASES=10000 BENCH_SMALL_REQUESTS=100000 BENCH_BIG_CASES=100000 BENCH_BIG_REQUESTS=1000000)
 *
 * For each size, in its own database on one private PostgreSQL: the real API in this process
 * (production mode, migrated, demo seed), the set-based board seed (support/board-seed.ts, which
 * recounts record_board_count after loading with triggers off), VACUUM ANALYZE. Then:
 *  1. the raw-SQL baseline (support/board-baseline.ts) is checked to return what the API returns;
 *  2. SQL statements per board request at page sizes 10 and 50;
 *  3. p50/p95 of the board's first page over GraphQL and of the raw-SQL baseline, one at a time
 *     and at BENCH_CONCURRENCY, in alternating rounds; the statements the board used before the
 *     rollup (SCAN_SQL: every open request counted per view) timed beside them as a reference;
 *  4. EXPLAIN (ANALYZE, BUFFERS) of every SELECT the API sent (full plans in tmp/bench/);
 *  5. write cost: a request completed and reopened in one SQL transaction, with the rollup's
 *     triggers on and off in alternating rounds.
 *  6. the staff case views (support/case-views.ts): the case list as it opens and filtered by
 *     stage, lead advocate and urgency or sorted by name, the header's name search, and a case
 *     page's first load (every query the web client sends for it), GraphQL with its clients on
 *     a worker thread against raw SQL (hand-written and checked for the list; the API's own
 *     statements replayed for the search and the page), statements per request, EXPLAIN.
 * The report prints each figure at both sizes and the ratio big/small (target p95 <= 1.2).
 * BENCH_PARTS=board or =cases measures one part only; BENCH_VIEW_SECONDS (24) times each case view.
 */
import { NODE_ENV } from './support/production-mode';
import { INestApplication } from '@nestjs/common';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createApi } from '../apps/api/src/bootstrap';
import { DEMO, seedDemo } from '../apps/api/src/seed/demo-seed';
import { benchApiConfig, Cleanups, machineLine, num, root, services, signInCookie, startBenchServices } from './support/bench-env';
import { baselineBoard, BoardData, BOARD_QUERY, boardVariables, differences, normalise, SCAN_SQL, statusParams } from './support/board-baseline';
import { DEFAULT_SHAPE, seedBoard } from './support/board-seed';
import { captureStatements, explain, label, percentile, runClosedLoop, table } from './support/measure';
import { CalendarDate } from '@second-look/domain';
import { caseViewsReport, measureCaseViews, plansText, suspectPlans, ViewFigures } from './support/case-views';

const SIZES = [
  { name: 'small', cases: num('BENCH_SMALL_CASES', 10_000), requests: num('BENCH_SMALL_REQUESTS', 100_000) },
  { name: 'big', cases: num('BENCH_BIG_CASES', 100_000), requests: num('BENCH_BIG_REQUESTS', 1_000_000) },
];
const ITERATIONS = num('BENCH_ITERATIONS', 200);
const CONCURRENCY = num('BENCH_CONCURRENCY', 8);
const ROUNDS = 4;
const WRITES = num('BENCH_WRITES', 80);
const PAGE = 50;
/** What to measure: the board, the staff case views (support/case-views.ts), or both. */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'board,cases').split(',').map((x) => x.trim()));
/** Seconds of measured rounds per case view and size. */
const VIEW_MS = num('BENCH_VIEW_SECONDS', 24) * 1000;
// An update's board and dashboard deltas share one row trigger (migration RecordRequestCountsWriteCost).
const TRIGGERS = ['record_board_request_insert', 'record_request_counts_update', 'record_board_request_delete'];

const t0 = performance.now();
const say = (msg: string) => process.stdout.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${msg}\n`);

interface Figures {
  cases: number;
  requests: number;
  open: number;
  rollupRows: number;
  statements: { page10: number; page50: number };
  serial: { gql: number[]; sql: number[] };
  loaded: { gql: number[]; sql: number[] };
  scan: { counts: number[]; byHolder: number[] };
  rollup: { counts: number[]; byHolder: number[] };
  writes: { on: number[]; off: number[] };
  plans: string;
  /** The staff case views (support/case-views.ts), when measured. */
  views: ViewFigures[];
}

async function measureSize(size: (typeof SIZES)[number], svc: Awaited<ReturnType<typeof startBenchServices>>, dbUrl: string): Promise<Figures> {
  const config = benchApiConfig({ nodeEnv: NODE_ENV, dbUrl, redisUrl: svc.redis.url, prefix: `bs${size.name}`, work: svc.work });
  const app: INestApplication = await createApi(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/graphql`;
  const ds = app.get(DataSource);
  // The baselines' owner connections carry Harbor's scope as the API's do: the owner skips the
  // row-level policies, but the name lookup (app_case_ids_by_patient_name) reads the organization from it.
  const pool = new Pool({ connectionString: dbUrl, max: 10, options: `-c app.organization_id=${DEMO.orgs.harbor}` });
  try {
    await seedDemo(ds);
    const started = performance.now();
    const { orgs } = await seedBoard(dbUrl, { big: DEMO.orgs.harbor, small: DEMO.orgs.northstar }, { ...DEFAULT_SHAPE, cases: size.cases, requests: size.requests });
    const harbor = orgs[0];
    const rollupRows = (await ds.query(`SELECT count(*)::int AS n FROM record_board_count WHERE organization_id = $1`, [DEMO.orgs.harbor]))[0].n as number;
    say(
      `${size.name}: seeded ${size.cases} cases / ${size.requests} requests in ${((performance.now() - started) / 1000).toFixed(0)} s; Harbor ${harbor.requests} requests, ${harbor.open} open; rollup ${rollupRows} rows`,
    );

    const cookie = await signInCookie(url, 'coordinator@harbor.example');
    const userId = (await ds.query(`SELECT id FROM app_user WHERE email = 'coordinator@harbor.example'`))[0].id as string;
    const actor = { organizationId: DEMO.orgs.harbor, userId };
    const gql = async (first = PAGE): Promise<BoardData> => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: BOARD_QUERY, variables: boardVariables(first) }) });
      const json = (await res.json()) as { data?: { recordBoard: BoardData }; errors?: unknown };
      if (!json.data) throw new Error(`board failed: ${JSON.stringify(json.errors).slice(0, 500)}`);
      return json.data.recordBoard;
    };
    const sql = () => baselineBoard(pool, actor, PAGE);

    let views: ViewFigures[] = [];
    if (PARTS.has('cases')) {
      // A bulk case (ten record requests, their items and follow-ups) and Maria's, the demo's fullest; one advocate's cases.
      const bid = async (label: string) => (await ds.query(`SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid AS id FROM md5($1) AS h`, [label]))[0].id as string;
      // The API runs its statements as sl_app in the caller's scope (libs/server/platform/src/database/tenant-context.ts).
      const apiRolePool = new Pool({ connectionString: dbUrl, max: 2, options: `-c role=sl_app -c app.organization_id=${DEMO.orgs.harbor} -c app.actor_id=${userId} -c app.scope=organization` });
      views = await measureCaseViews({
        url,
        cookie,
        ds,
        pool,
        apiRolePool,
        actor,
        advocateId: await bid('user:big:1'),
        cases: [
          { name: 'a bulk case', id: await bid('case:1') },
          { name: "Maria's (demo)", id: DEMO.cases.maria },
        ],
        searchFor: 'Garcia',
        concurrency: CONCURRENCY,
        viewMs: VIEW_MS,
        rounds: ROUNDS,
        say: (msg) => say(`${size.name}: ${msg}`),
      }).finally(() => apiRolePool.end());
    }
    const none = { gql: [] as number[], sql: [] as number[] };
    if (!PARTS.has('board')) {
      const empty = { counts: [] as number[], byHolder: [] as number[] };
      return {
        cases: size.cases,
        requests: size.requests,
        open: harbor.open,
        rollupRows,
        statements: { page10: 0, page50: 0 },
        serial: none,
        loaded: none,
        scan: empty,
        rollup: empty,
        writes: { on: [], off: [] },
        plans: '',
        views,
      };
    }

    const viaApi = normalise(await gql());
    const diff = differences(viaApi, normalise(await sql()));
    if (diff.length) throw new Error(`the raw SQL baseline does not return what the API returns:\n  ${diff.join('\n  ')}`);
    const today = viaApi.today as CalendarDate;

    const statements = { page10: (await captureStatements(ds, () => gql(10))).length, page50: 0 };
    const captured = await captureStatements(ds, () => gql(PAGE));
    statements.page50 = captured.length;

    const timeOne = async (fn: () => Promise<unknown>) => {
      const s = performance.now();
      await fn();
      return performance.now() - s;
    };
    const serial = { gql: [] as number[], sql: [] as number[] };
    const loaded = { gql: [] as number[], sql: [] as number[] };
    const scan = { counts: [] as number[], byHolder: [] as number[] };
    const rollup = { counts: [] as number[], byHolder: [] as number[] };
    const [org, t] = statusParams(DEMO.orgs.harbor, today);
    const rollupCounts = captured.find((st) => /FROM record_board_count k\s+WHERE/.test(st.sql) && !/GROUP BY/.test(st.sql))!;
    const rollupGroups = captured.find((st) => /GROUP BY k\.holder_id/.test(st.sql))!;
    for (let i = 0; i < 20; i++) await Promise.all([gql(), sql()]); // warm-up
    const per = Math.ceil(ITERATIONS / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      const sides: Array<[keyof typeof serial, () => Promise<unknown>]> = [
        ['gql', gql],
        ['sql', sql],
      ];
      for (const [side, fn] of round % 2 ? sides.reverse() : sides) {
        for (let i = 0; i < per; i++) serial[side].push(await timeOne(fn));
        loaded[side].push(...(await runClosedLoop(fn, CONCURRENCY, per * 2)).latencies);
      }
      for (let i = 0; i < per / 4; i++) {
        scan.counts.push(await timeOne(() => pool.query(SCAN_SQL.counts, statusParams(org, t as CalendarDate))));
        scan.byHolder.push(await timeOne(() => pool.query(SCAN_SQL.byHolder, statusParams(org, t as CalendarDate))));
        rollup.counts.push(await timeOne(() => pool.query(rollupCounts.sql, rollupCounts.params as unknown[])));
        rollup.byHolder.push(await timeOne(() => pool.query(rollupGroups.sql, rollupGroups.params as unknown[])));
      }
    }
    say(`${size.name}: ${serial.gql.length} + ${loaded.gql.length} GraphQL and ${serial.sql.length} + ${loaded.sql.length} raw SQL boards timed`);

    const plans: string[] = [];
    for (const st of captured) {
      if (!/^\s*SELECT/i.test(st.sql)) continue;
      const e = await explain(pool, st);
      plans.push(`### ${label(st.sql)} (${e.executionMs.toFixed(2)} ms; ${e.scans.join(', ')})\n${st.sql}\n-- params: ${JSON.stringify(st.params)}\n${e.tree}\n`);
    }

    // Write cost: complete and reopen one open request in a transaction, triggers on vs off.
    const requestId = (await ds.query(`SELECT id FROM record_request WHERE organization_id = $1 AND completed_on IS NULL LIMIT 1`, [DEMO.orgs.harbor]))[0].id as string;
    const writes = { on: [] as number[], off: [] as number[] };
    const setTriggers = async (on: boolean) => {
      for (const name of TRIGGERS) await ds.query(`ALTER TABLE record_request ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${name}`);
    };
    for (let round = 0; round < 4; round++) {
      for (const side of round % 2 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
        await setTriggers(side === 'on');
        for (let i = 0; i < WRITES / 4; i++) {
          writes[side].push(
            await timeOne(() =>
              ds.transaction(async (m) => {
                await m.query(`UPDATE record_request SET completed_on = current_date WHERE id = $1`, [requestId]);
                await m.query(`UPDATE record_request SET completed_on = NULL WHERE id = $1`, [requestId]);
              }),
            ),
          );
        }
      }
    }
    await setTriggers(true);
    return { cases: size.cases, requests: size.requests, open: harbor.open, rollupRows, statements, serial, loaded, scan, rollup, writes, plans: plans.join('\n'), views };
  } finally {
    await pool.end();
    await app.close();
  }
}

async function main(): Promise<void> {
  const cleanups = new Cleanups();
  try {
    say(machineLine());
    const svc = await startBenchServices('board-scale', cleanups);
    const out: Figures[] = [];
    for (const size of SIZES) {
      // Each size in a database of its own (the seed's ids are fixed); the small one is dropped before the big one loads.
      const dbName = `${svc.dbName}_${size.name}`;
      const dbUrl = await services.createDatabase(svc.pg.url, dbName);
      out.push(await measureSize(size, svc, dbUrl));
      await services.dropDatabase(svc.pg.url, dbName);
    }
    const [small, big] = out;
    const p = (xs: number[], q: number) => percentile(xs, q);
    const f = (n: number) => n.toFixed(1);
    const row = (name: string, pick: (x: Figures) => number[]) => [
      name,
      f(p(pick(small), 50)),
      f(p(pick(small), 95)),
      f(p(pick(big), 50)),
      f(p(pick(big), 95)),
      (p(pick(big), 95) / p(pick(small), 95)).toFixed(2),
    ];
    const plansFile = join(root, 'tmp', 'bench', 'board-scale-plans.txt');
    writeFileSync(plansFile, out.map((x) => `## ${x.cases} cases / ${x.requests} requests\n\n${x.plans}`).join('\n'));
    const gqlOverSql = (x: Figures, which: 'serial' | 'loaded') => (p(x[which].gql, 95) / p(x[which].sql, 95)).toFixed(2);
    if (PARTS.has('cases')) {
      const viewPlans = join(root, 'tmp', 'bench', 'board-scale-case-plans.txt');
      writeFileSync(viewPlans, out.map((x) => `## ${x.cases} cases / ${x.requests} requests\n\n${plansText(x.views)}`).join('\n'));
      const suspects = out.flatMap((x) => suspectPlans(x.views).map((l) => `${x.cases} cases: ${l}`));
      process.stdout.write(
        `\nStaff case views, Harbor's coordinator, small ${small.cases} cases / ${small.requests} requests, big ${big.cases} / ${big.requests}; ` +
          `GraphQL clients on a worker thread, the raw-SQL side on the main thread; statements per request at page 10/100 for the list, for the whole page otherwise.\n\n` +
          caseViewsReport(small.views, big.views, CONCURRENCY) +
          `\n\nStatements read in proportion to the organization (sequential scan of a big table, or over 20 ms): ${suspects.length ? `\n  ${suspects.join('\n  ')}` : 'none'}\n` +
          `EXPLAIN (ANALYZE, BUFFERS) of every read the case views sent, both sizes: ${viewPlans}\n${machineLine()}\n`,
      );
    }
    if (!PARTS.has('board')) return;
    process.stdout.write(
      `\nCoordinator board, first page of ${PAGE}, Harbor (70% of the data): small ${small.cases} cases / ${small.requests} requests (${small.open} open, rollup ${small.rollupRows} rows); ` +
        `big ${big.cases} / ${big.requests} (${big.open} open, rollup ${big.rollupRows} rows).\n\n` +
        table(
          ['figure (ms)', 'p50 small', 'p95 small', 'p50 big', 'p95 big', 'p95 big/small'],
          [
            row('GraphQL board, one at a time', (x) => x.serial.gql),
            row('raw SQL board, one at a time', (x) => x.serial.sql),
            row(`GraphQL board, concurrency ${CONCURRENCY}`, (x) => x.loaded.gql),
            row(`raw SQL board, concurrency ${CONCURRENCY}`, (x) => x.loaded.sql),
            row('counts from the rollup (SQL)', (x) => x.rollup.counts),
            row('holder groups from the rollup (SQL)', (x) => x.rollup.byHolder),
            row('counts by scanning open requests (before)', (x) => x.scan.counts),
            row('holder groups by scanning (before)', (x) => x.scan.byHolder),
            row('request completed + reopened, rollup on', (x) => x.writes.on),
            row('request completed + reopened, rollup off', (x) => x.writes.off),
          ],
          [0],
        ) +
        `\n\nGraphQL p95 / raw SQL p95: one at a time ${gqlOverSql(small, 'serial')} small, ${gqlOverSql(big, 'serial')} big; concurrency ${CONCURRENCY} ${gqlOverSql(small, 'loaded')} small, ${gqlOverSql(big, 'loaded')} big.\n` +
        `SQL statements per board request (page 10 / page ${PAGE}): small ${small.statements.page10} / ${small.statements.page50}, big ${big.statements.page10} / ${big.statements.page50}.\n` +
        `Write cost of the rollup (median): small ${f((p(small.writes.on, 50) / p(small.writes.off, 50) - 1) * 100)}%, big ${f((p(big.writes.on, 50) / p(big.writes.off, 50) - 1) * 100)}%.\n` +
        `EXPLAIN (ANALYZE, BUFFERS) of every SELECT the API sent, both sizes: ${plansFile}\n${machineLine()}\n`,
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
