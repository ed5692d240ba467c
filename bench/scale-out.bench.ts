/**
 * Benchmark (not a test): records-board throughput with 1, 2 and 3 API processes on one
 * PostgreSQL and one Redis, the clients spread over the processes round-robin (as a
 * balancer would).
 *
 *   npm run bench:scale  (node --enable-source-maps --require ./bench/register.cjs bench/scale-out.bench.ts)
 *
 * What one run does:
 *  1. PostgreSQL and Redis (DATABASE_URL / REDIS_URL's servers, a fresh database, or private
 *     embedded ones); the demo seed and bulk board data (support/board-seed.ts, BENCH_CASES
 *     cases and BENCH_REQUESTS record requests).
 *  2. API processes (support/live-api-process.ts, NODE_ENV=production, production's Node
 *     flags), started as each step needs them; the coordinator of Harbor signs in once.
 *  3. For N = 1, 2, 3: BENCH_CONCURRENCY clients (keep-alive HTTP, one client thread per
 *     process), client i sending to process i mod N, each asking for the web client's
 *     RecordBoardQuery back to back for BENCH_SECONDS after a warm-up.
 *  4. Requests per second and p50 / p95 per N, and the ratio to one process. The core count is
 *     printed: PostgreSQL, the clients and the processes share those cores, so on a 2-core
 *     machine the ratio cannot approach N.
 *
 * Knobs: BENCH_CONCURRENCY (12), BENCH_SECONDS (15), BENCH_WARMUP_SECONDS (3), BENCH_CASES (2000),
 * BENCH_REQUESTS (20000), BENCH_PAGE (50), BENCH_MAX_PROCESSES (3).
 */
import './support/production-mode';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ALL_ENTITIES, dataSourceOptions } from '@second-look/server-database';
import { DataSource } from 'typeorm';
import { DEMO, DEMO_PASSWORD, seedDemo } from '../apps/api/src/seed/demo-seed';
import { apiProcessEnv, startApiProcess } from './support/api-replicas';
import { BOARD_QUERY, boardVariables } from './support/board-baseline';
import { DEFAULT_SHAPE, seedBoard } from './support/board-seed';
import { Cleanups, loadLine, machineLine, num, services, startBenchServices } from './support/bench-env';
import { percentile, table } from './support/measure';

const CONCURRENCY = num('BENCH_CONCURRENCY', 12);
const SECONDS = num('BENCH_SECONDS', 15, { whole: false });
const WARMUP = num('BENCH_WARMUP_SECONDS', 3, { whole: false });
const PAGE = num('BENCH_PAGE', 50);
const MAX = num('BENCH_MAX_PROCESSES', 3);
const SHAPE = { ...DEFAULT_SHAPE, cases: num('BENCH_CASES', 2000), requests: num('BENCH_REQUESTS', 20000) };

const say = (s: string) => process.stdout.write(`[bench] ${s}\n`);

async function signIn(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { id } }', variables: { e: email, p: DEMO_PASSWORD } }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('sl_session='));
  if (!cookie) throw new Error(`sign-in as ${email} failed (${res.status})`);
  return cookie;
}

/** `concurrency` clients on one thread against `url` for `ms`; their latencies. */
function load(url: string, cookie: string, concurrency: number, ms: number): Promise<{ latencies: number[]; wallMs: number }> {
  const worker = new Worker(join(__dirname, 'support', 'http-load.worker.cjs'), {
    workerData: { url: `${url}/graphql`, cookie, body: JSON.stringify({ query: BOARD_QUERY, variables: boardVariables(PAGE) }) },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { latencies: number[]; wallMs: number; error?: string }) => {
      void worker.terminate();
      if (m.error) reject(new Error(m.error));
      else resolve(m);
    });
    worker.once('error', reject);
    worker.postMessage({ concurrency, iterations: Number.MAX_SAFE_INTEGER, maxMs: ms });
  });
}

/** Client i goes to process i mod n: the clients split as evenly as round-robin splits them. */
async function round(urls: string[], cookie: string, ms: number): Promise<{ requests: number; seconds: number; latencies: number[] }> {
  const share = urls.map((_, i) => Math.floor(CONCURRENCY / urls.length) + (i < CONCURRENCY % urls.length ? 1 : 0));
  const results = await Promise.all(urls.map((u, i) => load(u, cookie, share[i], ms)));
  const latencies = results.flatMap((r) => r.latencies);
  return { requests: latencies.length, seconds: Math.max(...results.map((r) => r.wallMs)) / 1000, latencies };
}

async function main(): Promise<void> {
  const cleanups = new Cleanups();
  try {
    const svc = await startBenchServices('scale', cleanups);
    say(`machine: ${machineLine()}; ${cpus().length} cores shared by PostgreSQL, Redis, the clients and every API process`);
    const dbUrl = svc.dbUrl;
    const env = { ...apiProcessEnv('scale', svc), SHUTDOWN_DRAIN_MS: '0' };
    const urls: string[] = [];
    const first = await startApiProcess({ ...env, MIGRATE_ON_START: 'true' }, 'api-1');
    cleanups.push(() => services.stopChild(first.child));
    urls.push(first.url);

    const ds = new DataSource(dataSourceOptions(dbUrl, ALL_ENTITIES));
    await ds.initialize();
    await seedDemo(ds);
    await ds.destroy();
    await seedBoard(dbUrl, { big: DEMO.orgs.harbor, small: DEMO.orgs.northstar }, SHAPE);
    const cookie = await signIn(first.url, 'coordinator@harbor.example');
    say(`seeded ${SHAPE.cases} cases and ${SHAPE.requests} record requests; ${CONCURRENCY} clients, page ${PAGE}, ${SECONDS} s per step after ${WARMUP} s of warm-up`);

    const rows: (string | number)[][] = [];
    let single = 0;
    for (let n = 1; n <= MAX; n++) {
      while (urls.length < n) {
        const p = await startApiProcess({ ...env, MIGRATE_ON_START: 'false' }, `api-${urls.length + 1}`);
        cleanups.push(() => services.stopChild(p.child));
        urls.push(p.url);
      }
      await round(urls, cookie, WARMUP * 1000);
      const r = await round(urls, cookie, SECONDS * 1000);
      const rps = r.requests / r.seconds;
      if (n === 1) single = rps;
      rows.push([`${n}`, `${r.requests}`, rps.toFixed(1), percentile(r.latencies, 50).toFixed(1), percentile(r.latencies, 95).toFixed(1), `${(rps / single).toFixed(2)}x`]);
      say(`${n} process(es): ${rps.toFixed(1)} board requests/s (load average ${loadLine()})`);
    }
    process.stdout.write('\n' + table(['API processes', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'vs 1'], rows) + '\n\n');
  } finally {
    await cleanups.run();
  }
}

void main();
