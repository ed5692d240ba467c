/**
 * Benchmark (not a test): the coordinator's pending-records board at 10,000 cases and
 * 100,000 record requests, GraphQL over HTTP against hand-written SQL over `pg`.
 *
 *   npm run bench        (node --enable-source-maps --require ./bench/register.cjs bench/records-board.bench.ts)
 *
 * bench/register.cjs compiles TypeScript on load with @swc/core (the options of
 * jest.preset.cjs) and maps the @second-look/* aliases to source, so the run measures the
 * working tree without a build and without Jest.
 *
 * What one run does, in order:
 *  1. PostgreSQL and Redis: DATABASE_URL's server (a fresh database, dropped at the end) or a
 *     private embedded PostgreSQL; REDIS_URL or a private redis-server. All removed at the end.
 *  2. The real API in this process (createApi, NODE_ENV=production as in the Dockerfile, logger
 *     off) with production's Node flags (apps/api/node.flags, which the Dockerfile and
 *     tools/dev/start.mjs read too: support/production-mode.ts re-runs the bench with them when
 *     it was started without), migrated; the demo seed, then set-based bulk data
 *     (support/board-seed.ts); VACUUM ANALYZE. The coordinator of Harbor (70% of the data) signs in.
 *  3. The baseline (support/board-baseline.ts) is checked to return exactly what the API
 *     returns for the web client's RecordBoardQuery; the run stops if it does not.
 *  4. SQL statements per board request at page sizes 10 and 100 (three times each, since a
 *     count that depends on timing shows up as spread), caught where TypeORM hands SQL to the
 *     driver; and one request at a time, SQL in flight against Node working alone.
 *  5. Latency at BENCH_CONCURRENCY clients after a warm-up, in rounds that alternate which
 *     side goes first: GraphQL (clients on a worker thread with node:http keep-alive
 *     connections, the API alone on this thread), raw SQL (same pool size as the API's), raw
 *     SQL without the audit insert. CPU time per request of each side, from /proc: this
 *     thread, the clients' thread, the other threads (GC helpers), PostgreSQL. Then both at
 *     concurrency 1, and a CPU profile of the API thread.
 *  6. EXPLAIN (ANALYZE, BUFFERS) of every SELECT the API sent and of the baseline's, a table
 *     of figures, the ratio GraphQL p95 / raw SQL p95 (target <= 1.5x), statements at page 10
 *     and 100 (target: equal). Full plans and the profile go to tmp/bench/.
 *
 * Knobs: BENCH_CONCURRENCY (8), BENCH_ITERATIONS (400 per side), BENCH_ROUNDS (4),
 * BENCH_WARMUP (40), BENCH_MAX_SECONDS (150: time box of all latency measurements, so a busy
 * machine yields fewer samples rather than a longer run), BENCH_PAGE (50), BENCH_CASES (10000),
 * BENCH_REQUESTS (100000), BENCH_PROFILE=0 (no CPU profile), BENCH_NODE_ENV (production),
 * BENCH_NODE_FLAGS=0 (the API without production's Node flags, to compare; or a comma list of flags),
 * BENCH_GRAPHQL_JIT=false (the API executing with graphql-js instead of graphql-jit, to compare),
 * BENCH_SETUP_SQL (SQL run after seeding, e.g. a candidate index, to try a fix before writing
 * its migration; the report says it was used).
 */
import { NODE_ENV, NODE_FLAGS } from './support/production-mode';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { Cleanups, loadLine, machineLine, num, root, runBench, startBenchServices } from './support/bench-env';
import { INestApplication } from '@nestjs/common';
import { loadConfig } from '@second-look/server-platform';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createApi } from '../apps/api/src/bootstrap';
import { DEMO, DEMO_PASSWORD, seedDemo } from '../apps/api/src/seed/demo-seed';
import { CalendarDate } from '@second-look/domain';
import { BASELINE_SQL, baselineBoard, BoardData, BOARD_QUERY, boardVariables, differences, normalise, statusParams } from './support/board-baseline';
import { DEFAULT_SHAPE, seedBoard } from './support/board-seed';
import { profileWhile, selfTimeByOrigin } from './support/profile';
import { cpuAdd, cpuDelta, cpuSnapshot, CpuSnapshot, NO_CPU, postmasterPidOf } from './support/cpu';
import { captureStatements, explain, Explained, inFlightMs, label, merge, percentile, runClosedLoop, Sample, Statement, summarise, Summary, table } from './support/measure';

const CONCURRENCY = num('BENCH_CONCURRENCY', 8);
const ITERATIONS = num('BENCH_ITERATIONS', 400);
const ROUNDS = num('BENCH_ROUNDS', 4);
const WARMUP = num('BENCH_WARMUP', 40);
/** Time box for all latency measurements; iteration counts stop sooner on a quiet machine. */
const BUDGET_MS = num('BENCH_MAX_SECONDS', 150) * 1000;
const PAGE = num('BENCH_PAGE', 50);
const SHAPE = { ...DEFAULT_SHAPE, cases: num('BENCH_CASES', DEFAULT_SHAPE.cases), requests: num('BENCH_REQUESTS', DEFAULT_SHAPE.requests) };
const PROFILE = process.env.BENCH_PROFILE !== '0';
/** Optional SQL run after seeding (e.g. a candidate index), printed in the report; for experiments only. */
const SETUP_SQL = process.env.BENCH_SETUP_SQL?.trim() || null;
const TARGET_RATIO = 1.5;

const t0 = performance.now();
const say = (msg: string) => process.stdout.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${msg}\n`);
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function gqlOnce(url: string, cookie: string, first: number): Promise<BoardData> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: BOARD_QUERY, variables: boardVariables(first) }) });
  const json = (await res.json()) as { data?: { recordBoard: BoardData }; errors?: unknown };
  if (!json.data) throw new Error(`GraphQL board failed: ${JSON.stringify(json.errors ?? json).slice(0, 800)}`);
  return json.data.recordBoard;
}

async function signIn(url: string, email: string): Promise<{ cookie: string; userId: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { id role } }', variables: { e: email, p: DEMO_PASSWORD } }),
  });
  const json = (await res.json()) as { data?: { signIn: { id: string; role: string } } };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('sl_session='));
  if (!json.data || !cookie) throw new Error(`sign-in as ${email} failed: ${JSON.stringify(json)}`);
  return { cookie, userId: json.data.signIn.id };
}

/** The GraphQL clients live on a worker thread; each call runs one block of requests there. */
function httpLoad(url: string, cookie: string, first: number) {
  const worker = new Worker(join(__dirname, 'support', 'http-load.worker.cjs'), { workerData: { url, cookie, body: JSON.stringify({ query: BOARD_QUERY, variables: boardVariables(first) }) } });
  let tid: number | null = null;
  const run = (concurrency: number, iterations: number, maxMs = Infinity) =>
    new Promise<Sample>((done, fail) => {
      worker.once('message', (m: Sample & { error?: string; tid?: number | null }) => {
        tid = m.tid ?? null;
        if (m.error) fail(new Error(m.error));
        else done(m);
      });
      worker.postMessage({ concurrency, iterations, maxMs });
    });
  /** The clients' thread id (Linux; known after the first run). */
  return { run, tid: () => tid, stop: () => worker.terminate() };
}

async function main(): Promise<void> {
  const cleanups = new Cleanups();
  try {
    // --- services and a fresh database ------------------------------------------------
    const { work, pg, redis, dbName, dbUrl } = await startBenchServices('board', cleanups);
    say(`machine: ${machineLine()} (other work on it skews absolute figures; the ratios are measured side by side)`);
    say(`PostgreSQL ${pg.external ? 'from DATABASE_URL' : 'embedded (private)'}, database ${dbName}; Redis ${redis.external ? 'from REDIS_URL' : 'private'}`);

    // --- the real API, in process --------------------------------------------------------
    const config = loadConfig({
      NODE_ENV,
      COOKIE_SECURE: 'false', // plain HTTP on loopback
      DATABASE_URL: dbUrl,
      REDIS_URL: redis.url,
      REDIS_PREFIX: `bench${randomBytes(3).toString('hex')}`,
      PUBLIC_URL: 'http://second-look.bench',
      MIGRATE_ON_START: 'true',
      LOG_LEVEL: 'error',
      STORAGE_DIR: join(work, 'documents'),
      ...(process.env.BENCH_GRAPHQL_JIT ? { GRAPHQL_JIT: process.env.BENCH_GRAPHQL_JIT } : {}),
    });
    const app: INestApplication = await createApi(config, { logger: false });
    cleanups.push(() => app.close());
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/graphql`;
    const ds = app.get(DataSource);
    say(
      `API up and migrated at ${url} (NODE_ENV=${NODE_ENV}, executor ${config.graphqlJit ? 'graphql-jit' : 'graphql-js (BENCH_GRAPHQL_JIT=false)'}, Node flags: ${NODE_FLAGS.join(' ') || 'none (BENCH_NODE_FLAGS=0)'})`,
    );

    // --- data ----------------------------------------------------------------------------
    await seedDemo(ds);
    const { orgs: seeded, allVisible } = await seedBoard(dbUrl, { big: DEMO.orgs.harbor, small: DEMO.orgs.northstar }, SHAPE);
    if (SETUP_SQL) {
      await ds.query(SETUP_SQL);
      await ds.query('ANALYZE');
      say(`EXPERIMENT: ran BENCH_SETUP_SQL after seeding: ${SETUP_SQL}`);
    }
    say(`seeded (set-based SQL), vacuumed and analysed; ${(allVisible * 100).toFixed(0)}% of record_request pages all-visible:`);
    console.log(
      table(
        ['organization', 'cases', 'requests', 'open', 'request items', 'follow-ups', 'holders', 'staff'],
        seeded.map((s) => [s.organization, `${s.cases}`, `${s.requests}`, `${s.open}`, `${s.requestItems}`, `${s.followUps}`, `${s.holders}`, `${s.staff}`]),
      ),
    );

    const coordinator = await signIn(url, 'coordinator@harbor.example');
    const actor = { organizationId: DEMO.orgs.harbor, userId: coordinator.userId };
    const pool = new Pool({ connectionString: dbUrl, max: 10 }); // the API's TypeORM pool size
    cleanups.push(() => pool.end());

    // --- the baseline returns the same data as the API -----------------------------------
    const viaApi = normalise(await gqlOnce(url, coordinator.cookie, PAGE));
    const viaSql = normalise(await baselineBoard(pool, actor, PAGE));
    const diff = differences(viaApi, viaSql);
    if (diff.length) throw new Error(`the raw SQL baseline does not return what the API returns:\n  ${diff.join('\n  ')}`);
    say(`baseline checked: same counts, ${viaApi.byHolder.length} holder groups and ${viaApi.requests.nodes.length} rows as the API (${viaApi.counts.open} open requests on the board)`);

    // --- statements per board request --------------------------------------------------
    // Each size three times, interleaved: a count that depends on timing shows up as spread.
    const runs: { first: number; statements: Statement[]; items: number; ms: number }[] = [];
    for (const first of [10, 100, 10, 100, 10, 100, PAGE]) {
      await gqlOnce(url, coordinator.cookie, first); // the session's last-seen write happens here, not below
      let board: BoardData | null = null;
      const started = performance.now();
      const statements = await captureStatements(ds, async () => (board = await gqlOnce(url, coordinator.cookie, first)));
      const ms = performance.now() - started;
      const items = (board as BoardData | null)?.requests.nodes.reduce((n, r) => n + r.items.length, 0) ?? 0;
      runs.push({ first, statements, items, ms });
    }
    const atPage = runs[runs.length - 1];
    // One request at a time: how long SQL is in flight, and how long Node works with the database idle.
    const alone: { total: number; sql: number }[] = [];
    for (let i = 0; i < 9; i++) {
      const started = performance.now();
      const statements = await captureStatements(ds, () => gqlOnce(url, coordinator.cookie, PAGE));
      alone.push({ total: performance.now() - started, sql: inFlightMs(statements) });
    }
    const median = (xs: number[]) => percentile(xs, 50);

    // --- latency under load ----------------------------------------------------------------
    const http = httpLoad(url, coordinator.cookie, PAGE);
    cleanups.push(() => http.stop());
    const sqlBoard = () => baselineBoard(pool, actor, PAGE);
    const sqlReadOnly = () => baselineBoard(pool, actor, PAGE, { audit: false });
    // The budget: 10% warm-up, 70% measured rounds (the slower GraphQL side gets 60% of a
    // round's time, each SQL side 20%), 10% serial pass, 10% profile.
    const slice = (share: number) => BUDGET_MS * share;
    const per = Math.ceil(ITERATIONS / ROUNDS);
    const roundMs = slice(0.7) / ROUNDS;
    say(`warm-up: up to ${WARMUP} requests each`);
    await http.run(CONCURRENCY, WARMUP, slice(0.06));
    await runClosedLoop(sqlBoard, CONCURRENCY, WARMUP, slice(0.02));
    await runClosedLoop(sqlReadOnly, CONCURRENCY, WARMUP, slice(0.02));
    const samples: Record<'gql' | 'sql' | 'sqlRead', Sample[]> = { gql: [], sql: [], sqlRead: [] };
    // How busy the main thread's event loop was: the API's during GraphQL blocks, the pg
    // client's during raw SQL blocks.
    const busy: Record<keyof typeof samples, { active: number; total: number }> = { gql: { active: 0, total: 0 }, sql: { active: 0, total: 0 }, sqlRead: { active: 0, total: 0 } };
    // CPU time of each side: this process's main thread, its other threads, PostgreSQL.
    const pgPid = pg.external ? null : postmasterPidOf(join(work, 'pg'));
    const cpu: Record<keyof typeof samples, CpuSnapshot> = { gql: NO_CPU, sql: NO_CPU, sqlRead: NO_CPU };
    const timed = async (key: keyof typeof samples, step: () => Promise<Sample>) => {
      const before = performance.eventLoopUtilization();
      const cpuBefore = cpuSnapshot(pgPid, http.tid());
      samples[key].push(await step());
      cpu[key] = cpuAdd(cpu[key], cpuDelta(cpuBefore, cpuSnapshot(pgPid, http.tid())));
      const d = performance.eventLoopUtilization(before);
      busy[key].active += d.active;
      busy[key].total += d.active + d.idle;
    };
    for (let r = 0; r < ROUNDS; r++) {
      // Alternate the order so drift (audit table growth, caches) does not favour one side.
      const steps: [keyof typeof samples, () => Promise<Sample>][] = [
        ['gql', () => http.run(CONCURRENCY, per, roundMs * 0.6)],
        ['sql', () => runClosedLoop(sqlBoard, CONCURRENCY, per, roundMs * 0.2)],
        ['sqlRead', () => runClosedLoop(sqlReadOnly, CONCURRENCY, per, roundMs * 0.2)],
      ];
      for (const [key, step] of r % 2 ? steps.reverse() : steps) await timed(key, step);
      const n = (k: keyof typeof samples) => samples[k][samples[k].length - 1].latencies.length;
      say(`round ${r + 1}/${ROUNDS} at concurrency ${CONCURRENCY}: ${n('gql')} GraphQL, ${n('sql')} + ${n('sqlRead')} raw SQL requests${n('gql') < per ? ' (time-boxed)' : ''}`);
    }
    const serialN = Math.max(20, Math.round(per / 2));
    const serialGql = await http.run(1, serialN, slice(0.06));
    const serialSql = await runClosedLoop(sqlBoard, 1, serialN, slice(0.04));
    say(`serial pass at concurrency 1: ${serialGql.latencies.length} GraphQL, ${serialSql.latencies.length} raw SQL requests`);
    let profileCpu: ReturnType<typeof selfTimeByOrigin> = [];
    let profiled = 0;
    if (PROFILE) {
      const { profile, result } = await profileWhile(() => http.run(CONCURRENCY, 40, slice(0.1)));
      profiled = result.latencies.length;
      writeFileSync(join(root, 'tmp', 'bench', 'records-board-api.cpuprofile'), JSON.stringify(profile));
      profileCpu = selfTimeByOrigin(profile);
      say(`profiled the API thread over ${profiled} more GraphQL requests at concurrency ${CONCURRENCY}`);
    }

    // --- plans -------------------------------------------------------------------------
    const explained: { who: string; name: string; st: Statement; e: Explained }[] = [];
    for (const st of atPage.statements) if (/^\s*SELECT/i.test(st.sql)) explained.push({ who: 'API', name: label(st.sql), st, e: await explain(pool, st) });
    const dates = statusParams(actor.organizationId, viaApi.today as CalendarDate);
    const baselineStatements: [string, Statement][] = [
      ['counts', { sql: BASELINE_SQL.counts, params: dates.slice(0, 2) }],
      ['by holder', { sql: BASELINE_SQL.byHolder, params: dates.slice(0, 2) }],
      ['page', { sql: BASELINE_SQL.page, params: [actor.organizationId, PAGE + 1] }],
    ];
    for (const [name, st] of baselineStatements) explained.push({ who: 'raw SQL', name, st, e: await explain(pool, st) });
    const plansFile = join(root, 'tmp', 'bench', 'records-board-plans.txt');
    writeFileSync(plansFile, explained.map((x) => `### ${x.who}: ${x.name}\n${x.st.sql}\n-- params: ${JSON.stringify(x.st.params)}\n${x.e.tree}\n`).join('\n'));

    // --- report ---------------------------------------------------------------------------
    const gql = summarise(merge(samples.gql));
    const sql = summarise(merge(samples.sql));
    const sqlRead = summarise(merge(samples.sqlRead));
    const row = (name: string, s: Summary, key?: keyof typeof busy) => [
      name,
      `${s.n}`,
      s.p50,
      s.p95,
      s.p99,
      s.max,
      s.perSecond,
      key ? `${((busy[key].active / busy[key].total) * 100).toFixed(0)}%` : '',
    ];
    const ratio = gql.p95 / sql.p95;
    console.log(`\n== Coordinator board: ${seeded[0].organization}, ${viaApi.counts.open} open requests, page of ${PAGE}, concurrency ${CONCURRENCY} ==`);
    console.log(
      table(
        ['', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'req/s', 'main loop busy'],
        [
          row('GraphQL over HTTP (API)', gql, 'gql'),
          row('raw SQL over pg (baseline)', sql, 'sql'),
          row('raw SQL, without audit insert', sqlRead, 'sqlRead'),
          row('GraphQL, concurrency 1', summarise(serialGql)),
          row('raw SQL, concurrency 1', summarise(serialSql)),
        ],
      ),
    );
    const perRequest = (key: keyof typeof samples, name: string) => {
      const c = cpu[key];
      const n = samples[key].reduce((t, x) => t + x.latencies.length, 0) || 1;
      const each = (v: number) => (v / n).toFixed(1);
      const total = c.main + c.clients + c.otherThreads + (pgPid ? c.postgres : 0);
      return [
        name,
        each(c.main),
        each(c.clients),
        each(c.otherThreads),
        pgPid ? each(c.postgres) : 'n/a',
        each(total),
        c.machineTotal ? `${((c.machineBusy / c.machineTotal) * 100).toFixed(0)}%` : '',
      ];
    };
    console.log(`\nCPU ms per request at concurrency ${CONCURRENCY} (/proc, 10 ms ticks summed over each side's blocks; "machine busy" includes other work on the machine):`);
    console.log(
      table(
        ['', 'main thread', 'HTTP clients', 'other threads (GC, libuv)', 'PostgreSQL', 'total', 'machine busy'],
        [perRequest('gql', 'GraphQL (the API on the main thread)'), perRequest('sql', 'raw SQL over pg (pg client on the main thread)'), perRequest('sqlRead', 'raw SQL, without audit insert')],
      ),
    );
    console.log(`\nGraphQL p95 / raw SQL p95 = ${ratio.toFixed(2)}x  (target <= ${TARGET_RATIO}x: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})`);
    console.log(`GraphQL p50 / raw SQL p50 = ${(gql.p50 / sql.p50).toFixed(2)}x;  p95 against the read-only baseline = ${(gql.p95 / sqlRead.p95).toFixed(2)}x`);

    console.log(`\n== SQL statements per board request (API; each page size run three times) ==`);
    const sized = (first: number) => runs.slice(0, -1).filter((r) => r.first === first);
    const labels = [...new Set(runs.flatMap((r) => r.statements.map((x) => label(x.sql))))];
    const countOf = (r: (typeof runs)[number], l: string) => r.statements.filter((x) => label(x.sql) === l).length;
    const spread = (first: number, f: (r: (typeof runs)[number]) => number) => sized(first).map(f).join(' / ');
    console.log(
      table(
        ['statement', 'page 10', 'page 100'],
        [
          ...labels.map((l) => [l, spread(10, (r) => countOf(r, l)), spread(100, (r) => countOf(r, l))]),
          ['total', spread(10, (r) => r.statements.length), spread(100, (r) => r.statements.length)],
          ['(request items on the page)', spread(10, (r) => r.items), spread(100, (r) => r.items)],
        ],
      ),
    );
    const totals = new Set(runs.slice(0, -1).map((r) => r.statements.length));
    console.log(
      `statements per request: page 10 -> ${spread(10, (r) => r.statements.length)}, page 100 -> ${spread(100, (r) => r.statements.length)}: ` +
        `${totals.size === 1 ? 'equal (target met)' : 'NOT equal'}; the raw SQL baseline sends ${Object.keys(BASELINE_SQL).length}`,
    );
    const [aloneTotal, aloneSql, aloneNode] = [median(alone.map((a) => a.total)), median(alone.map((a) => a.sql)), median(alone.map((a) => a.total - a.sql))];
    console.log(
      `one API request at a time (page ${PAGE}, median of ${alone.length}): ${ms(aloneTotal)} end to end; SQL in flight ${ms(aloneSql)}, ` +
        `Node alone with the database idle ${ms(aloneNode)} (HTTP, Apollo, Nest, resolvers, TypeORM, JSON)`,
    );

    console.log(`\n== EXPLAIN (ANALYZE, BUFFERS), page of ${PAGE}, one run on a warm cache ==`);
    console.log(
      table(
        ['statement', 'exec ms', 'plan ms', 'buf hit', 'buf read', 'scans'],
        explained.map((x) => [`${x.who}: ${x.name}`, x.e.executionMs, x.e.planningMs, `${x.e.sharedHit}`, `${x.e.sharedRead}`, x.e.scans.join('; ')]),
        [5],
      ),
    );
    for (const x of explained.filter((x) => x.e.executionMs >= 5)) console.log(`\n${x.who}: ${x.name} (${ms(x.e.executionMs)})\n${x.e.tree}`);
    console.log(`\nFull statements and plans: ${plansFile}`);
    if (profileCpu.length) {
      console.log(`\n== Where the API thread's time goes (self time over ${profiled} GraphQL requests at concurrency ${CONCURRENCY}) ==`);
      console.log(
        table(
          ['origin', 'ms', 'share of busy'],
          profileCpu.slice(0, 16).map((c) => [c.origin, c.ms, Number.isNaN(c.share) ? '' : `${(c.share * 100).toFixed(1)}%`]),
        ),
      );
      console.log(`Profile for Chrome DevTools: ${join(root, 'tmp', 'bench', 'records-board-api.cpuprofile')}`);
    }
    say(`done (load average now ${loadLine()})`);
  } finally {
    await cleanups.run();
  }
}

runBench(main);
