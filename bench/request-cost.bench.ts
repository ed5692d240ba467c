/**
 * Benchmark (not a test): what one GraphQL request costs the API beyond its SQL, on the demo data
 * (docs/dashboards.md, "The API's fixed cost per request"). Quick (about a minute): no bulk seed,
 * because the cost measured here does not grow with the data; board-scale and `npm run bench`
 * measure the same views at real size.
 *
 *   npm run bench:request-cost
 *
 * For the staff case list as it opens (page of 20) and the coordinator board (page of 50), as the
 * coordinator of Harbor:
 *  1. round trips to PostgreSQL per request (every `pg` client query, the tenant scope's
 *     `set_config` included, which TypeORM's statement count does not see), one request at a time
 *     and at concurrency 8;
 *  2. p50/p95 of GraphQL (clients on a worker thread) against the raw-SQL baseline
 *     (support/case-list.ts, support/board-baseline.ts: same statements, same audit insert), one
 *     at a time and at BENCH_CONCURRENCY, in BENCH_ROUNDS rounds alternating which side goes first;
 *  3. a CPU profile of the API thread over BENCH_PROFILE_REQUESTS one-at-a-time requests, self
 *     time grouped by stage (Express and its middlewares, Apollo and graphql-js, Nest, TypeORM,
 *     pg, our code, Node's HTTP, GC), in ms per request.
 * Knobs: BENCH_ROUNDS (4), BENCH_SLOT_SECONDS (3: each side's time per round and concurrency),
 * BENCH_CONCURRENCY (8), BENCH_PROFILE_REQUESTS (600), BENCH_VIEWS (cases,board).
 */
import { NODE_ENV, NODE_FLAGS } from './support/production-mode';
import { INestApplication } from '@nestjs/common';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { Client, Pool } from 'pg';
import { createApi } from '../apps/api/src/bootstrap';
import { DEMO, seedDemo } from '../apps/api/src/seed/demo-seed';
import { benchApiConfig, Cleanups, loadLine, machineLine, num, ownerDataSource, root, runBench, signInCookie, startBenchServices } from './support/bench-env';
import { baselineBoard, BOARD_QUERY, boardVariables, differences, normalise } from './support/board-baseline';
import { baselineCaseList, caseListBody, caseListViews } from './support/case-list';
import { percentile, runClosedLoop, Sample, table } from './support/measure';
import { profileWhile } from './support/profile';

const ROUNDS = num('BENCH_ROUNDS', 4);
const SLOT_MS = num('BENCH_SLOT_SECONDS', 3, { whole: false }) * 1000;
const CONCURRENCY = num('BENCH_CONCURRENCY', 8);
const PROFILE_REQUESTS = num('BENCH_PROFILE_REQUESTS', 600);
const VIEWS = new Set((process.env.BENCH_VIEWS ?? 'cases,board').split(',').map((v) => v.trim()));

const t0 = performance.now();
const say = (msg: string) => process.stdout.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${msg}\n`);

/** Every query any pg client sends in this process (TypeORM's pool and the tenant scope's set_config alike). */
let roundTrips = 0;
const query = Client.prototype.query;
Client.prototype.query = function (this: Client, ...args: unknown[]) {
  roundTrips++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof Client.prototype.query;

function httpLoad(url: string, cookie: string) {
  const worker = new Worker(join(__dirname, 'support', 'http-load.worker.cjs'), { workerData: { url, cookie, body: '{}' } });
  const run = (body: string, concurrency: number, iterations: number, maxMs = Infinity) =>
    new Promise<Sample>((done, fail) => {
      worker.once('message', (m: Sample & { error?: string }) => (m.error ? fail(new Error(m.error)) : done(m)));
      worker.postMessage({ concurrency, iterations, maxMs, waves: [[body]] });
    });
  return { run, stop: () => worker.terminate() };
}

/** Where a profiled frame's self time goes: the stage of the request its code belongs to. */
function stageOf(url: string, fn: string): string {
  if (!url) {
    if (fn === '(garbage collector)') return 'garbage collection';
    if (fn === '(idle)') return '(idle)';
    if (fn === '(program)') return 'V8 and Node internals (program)';
    return 'Node natives (promises, sockets, JSON)';
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(url)?.[1];
  if (pkg) {
    if (
      /^(express|router|body-parser|raw-body|cookie-parser|cookie|helmet|pino|pino-http|pino-std-serializers|on-finished|on-headers|finalhandler|send|qs|type-is|content-type|iconv-lite|debug|depd|mime-types|accepts|negotiator|prom-client|parseurl|statuses|http-errors|media-typer|encodeurl|fresh|vary|safe-buffer|setprototypeof)$/.test(
        pkg,
      )
    )
      return 'Express and middlewares';
    if (/^(@apollo\/|@nestjs\/apollo|graphql$|@graphql-tools\/|@escape\.tech\/|graphql-tag)/.test(pkg)) return 'Apollo Server and graphql-js (parse, validate, plugins)';
    if (pkg === 'graphql-jit' || pkg === 'fast-json-stringify' || pkg === 'json-schema') return 'graphql-jit execution';
    if (/^(@nestjs\/|rxjs|reflect-metadata|class-validator|class-transformer|iterare|tslib)/.test(pkg)) return 'Nest (guards, interceptors, pipes, param resolution)';
    if (pkg === 'typeorm') return 'TypeORM (query builder, hydration, runner)';
    if (/^(pg|pg-protocol|pg-pool|pg-types|postgres-array|postgres-date|postgres-interval|postgres-bytea|buffer-writer|packet-reader)$/.test(pkg)) return 'pg driver (protocol, parsing rows)';
    if (pkg === 'dataloader') return 'our code';
    return `other package: ${pkg}`;
  }
  if (url.startsWith('node:')) return 'Node HTTP, streams, timers';
  if (/\/(libs|apps)\//.test(url)) return 'our code';
  return `other: ${url.slice(-60)}`;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
}

function byStage(profile: { nodes: ProfileNode[]; startTime: number; endTime: number }, requests: number): [string, number, string][] {
  const hits = profile.nodes.reduce((n, x) => n + (x.hitCount ?? 0), 0) || 1;
  const msPerHit = (profile.endTime - profile.startTime) / 1000 / hits;
  const by = new Map<string, number>();
  for (const n of profile.nodes) {
    const stage = stageOf(n.callFrame.url, n.callFrame.functionName);
    by.set(stage, (by.get(stage) ?? 0) + (n.hitCount ?? 0) * msPerHit);
  }
  const busy = [...by].filter(([k]) => k !== '(idle)').reduce((t, [, v]) => t + v, 0);
  return [...by]
    .filter(([k]) => k !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => [k, v / requests, `${((v / busy) * 100).toFixed(1)}%`] as [string, number, string])
    .concat([['busy in all (the API thread)', busy / requests, '100%']]);
}

async function main(): Promise<void> {
  const cleanups = new Cleanups();
  try {
    const svc = await startBenchServices('reqcost', cleanups);
    say(`machine: ${machineLine()}; NODE_ENV=${NODE_ENV}, Node flags: ${NODE_FLAGS.join(' ') || 'none'}`);
    const config = benchApiConfig({ nodeEnv: NODE_ENV, dbUrl: svc.dbUrl, redisUrl: svc.redis.url, prefix: 'reqcost', work: svc.work });
    const app: INestApplication = await createApi(config, { logger: false });
    cleanups.push(() => app.close());
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/graphql`;
    const owner = await ownerDataSource(svc.dbUrl, cleanups);
    await seedDemo(owner);
    await owner.query('VACUUM ANALYZE');
    const cookie = await signInCookie(url, 'coordinator@harbor.example');
    const [{ id: userId }] = (await owner.query(`SELECT id FROM app_user WHERE email = 'coordinator@harbor.example'`)) as { id: string }[];
    const actor = { organizationId: DEMO.orgs.harbor, userId };
    const pool = new Pool({ connectionString: svc.dbUrl, max: 10 });
    cleanups.push(() => pool.end());
    const http = httpLoad(url, cookie);
    cleanups.push(() => http.stop());

    const post = async (body: string) => {
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
      const j = (await r.json()) as { data?: Record<string, unknown>; errors?: unknown };
      if (!j.data) throw new Error(JSON.stringify(j.errors));
      return j.data;
    };
    const listView = caseListViews('00000000-0000-0000-0000-000000000000', 'Garcia')[0]; // as it opens: no name
    const views = [
      {
        name: 'case list as it opens (page of 20)',
        key: 'cases',
        body: caseListBody(listView, 20),
        check: async () => differences((await post(caseListBody(listView, 20))).cases, await baselineCaseList(pool, actor, listView, 20)),
        sql: () => baselineCaseList(pool, actor, listView, 20),
      },
      {
        name: 'coordinator board (page of 50)',
        key: 'board',
        body: JSON.stringify({ query: BOARD_QUERY, variables: boardVariables(50) }),
        check: async () =>
          differences(normalise((await post(JSON.stringify({ query: BOARD_QUERY, variables: boardVariables(50) }))).recordBoard as never), normalise(await baselineBoard(pool, actor, 50))),
        sql: () => baselineBoard(pool, actor, 50),
      },
    ].filter((v) => VIEWS.has(v.key));

    const report: string[] = [];
    mkdirSync(join(root, 'tmp', 'bench'), { recursive: true });
    for (const v of views) {
      const diff = await v.check();
      if (diff.length) throw new Error(`${v.name}: the baseline does not return what the API returns:\n  ${diff.join('\n  ')}`);
      // Warm-up: graphql-jit compiles an operation the second time it comes.
      await http.run(v.body, CONCURRENCY, 200, 10_000);
      await runClosedLoop(v.sql, CONCURRENCY, 100, 5_000);
      // Round trips per request, one at a time and loaded.
      let before = roundTrips;
      const serialN = (await http.run(v.body, 1, 200)).latencies.length;
      const rtSerial = (roundTrips - before) / serialN;
      before = roundTrips;
      const loadedN = (await http.run(v.body, CONCURRENCY, 400)).latencies.length;
      const rtLoaded = (roundTrips - before) / loadedN;
      before = roundTrips;
      await runClosedLoop(v.sql, 1, 200);
      const rtSql = (roundTrips - before) / 200;
      const lat = { gql1: [] as number[], sql1: [] as number[], gqlN: [] as number[], sqlN: [] as number[] };
      for (let r = 0; r < ROUNDS; r++) {
        const sides: [() => Promise<void>, () => Promise<void>] = [
          async () => {
            lat.gql1.push(...(await http.run(v.body, 1, 100_000, SLOT_MS)).latencies);
            lat.gqlN.push(...(await http.run(v.body, CONCURRENCY, 100_000, SLOT_MS)).latencies);
          },
          async () => {
            lat.sql1.push(...(await runClosedLoop(v.sql, 1, 100_000, SLOT_MS)).latencies);
            lat.sqlN.push(...(await runClosedLoop(v.sql, CONCURRENCY, 100_000, SLOT_MS)).latencies);
          },
        ];
        for (const side of r % 2 ? sides.reverse() : sides) await side();
      }
      const { profile, result } = await profileWhile(() => http.run(v.body, 1, PROFILE_REQUESTS));
      writeFileSync(join(root, 'tmp', 'bench', `request-cost-${v.key}.cpuprofile`), JSON.stringify(profile));
      const p = (xs: number[], q: number) => percentile(xs, q);
      report.push(
        `\n== ${v.name}: round trips per request: GraphQL ${rtSerial.toFixed(2)} one at a time, ${rtLoaded.toFixed(2)} at concurrency ${CONCURRENCY}; raw SQL ${rtSql.toFixed(2)} ==`,
        table(
          ['', 'n', 'p50 ms', 'p95 ms', 'GraphQL/SQL p50', 'GraphQL/SQL p95'],
          [
            ['GraphQL, one at a time', `${lat.gql1.length}`, p(lat.gql1, 50), p(lat.gql1, 95), (p(lat.gql1, 50) / p(lat.sql1, 50)).toFixed(2), (p(lat.gql1, 95) / p(lat.sql1, 95)).toFixed(2)],
            ['raw SQL, one at a time', `${lat.sql1.length}`, p(lat.sql1, 50), p(lat.sql1, 95), '', ''],
            [
              `GraphQL, concurrency ${CONCURRENCY}`,
              `${lat.gqlN.length}`,
              p(lat.gqlN, 50),
              p(lat.gqlN, 95),
              (p(lat.gqlN, 50) / p(lat.sqlN, 50)).toFixed(2),
              (p(lat.gqlN, 95) / p(lat.sqlN, 95)).toFixed(2),
            ],
            [`raw SQL, concurrency ${CONCURRENCY}`, `${lat.sqlN.length}`, p(lat.sqlN, 50), p(lat.sqlN, 95), '', ''],
          ],
        ),
        `\nAPI thread self time per request by stage (CPU profile over ${result.latencies.length} requests one at a time, median ${p(result.latencies, 50).toFixed(2)} ms each):`,
        table(
          ['stage', 'ms per request', 'share'],
          byStage(profile, result.latencies.length).map((r) => [r[0], r[1].toFixed(3), r[2]]),
        ),
      );
      say(`measured ${v.name}`);
    }
    console.log(report.join('\n'));
    say(`done (load average now ${loadLine()}); profiles in tmp/bench/request-cost-*.cpuprofile`);
  } finally {
    await cleanups.run();
  }
}

runBench(main);
