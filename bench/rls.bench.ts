/**
 * Benchmark (not a test): the coordinator's pending-records board with row-level security on and
 * off, in one run, on one database (docs/operations.md, "Database roles and row-level security").
 *
 *   npm run bench:rls    (node --enable-source-maps --require ./bench/register.cjs bench/rls.bench.ts)
 *
 * Two copies of the real API in this process, on the same database, data and Redis:
 *   on:  DATABASE_ROLE=sl_app, as in production: every policy is evaluated;
 *   off: DATABASE_ROLE=sl_bench_norls, a role made here with sl_app's rights plus BYPASSRLS, so
 *        the very same code (the same scope statements on each connection) runs with the
 *        policies skipped. The difference between the two is what the policies cost.
 * Two screens, each at BENCH_CONCURRENCY clients on a worker thread, in rounds that alternate
 * which side goes first: the coordinator's board (the web client's RecordBoardQuery), and a
 * patient's own case page (CaseQuery as Maria, where the restrictive case_member policy is
 * evaluated too). Then EXPLAIN (ANALYZE, BUFFERS) of each board SELECT under both roles. Prints
 * p50/p95 per side and the ratio on/off per screen (target: at most 1.05).
 *
 * Knobs: BENCH_CONCURRENCY (8), BENCH_ROUNDS (6), BENCH_ITERATIONS (600 per side), BENCH_WARMUP (60),
 * BENCH_MAX_SECONDS (120), BENCH_PAGE (50), BENCH_CASES (10000), BENCH_REQUESTS (100000); BENCH_PLANS=1 also
 * prints each board statement with its plan under both roles.
 */
import { NODE_ENV } from './support/production-mode';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { INestApplication } from '@nestjs/common';
import { ALL_ENTITIES, dataSourceOptions } from '@second-look/server-database';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createApi } from '../apps/api/src/bootstrap';
import { DEMO, seedDemo } from '../apps/api/src/seed/demo-seed';
import { benchApiConfig, Cleanups, loadLine, machineLine, num, signInCookie, startBenchServices } from './support/bench-env';
import { BOARD_QUERY, boardVariables } from './support/board-baseline';
import { CaseQuery } from '@second-look/contracts/graphql';
import { print } from 'graphql';
import { DEFAULT_SHAPE, seedBoard } from './support/board-seed';
import { captureStatements, explain, label, merge, percentile, Sample, table } from './support/measure';

const CONCURRENCY = num('BENCH_CONCURRENCY', 8);
const ROUNDS = num('BENCH_ROUNDS', 6);
const ITERATIONS = num('BENCH_ITERATIONS', 600);
const WARMUP = num('BENCH_WARMUP', 60);
const BUDGET_MS = num('BENCH_MAX_SECONDS', 120) * 1000;
const PAGE = num('BENCH_PAGE', 50);
const SHAPE = { ...DEFAULT_SHAPE, cases: num('BENCH_CASES', DEFAULT_SHAPE.cases), requests: num('BENCH_REQUESTS', DEFAULT_SHAPE.requests) };
const TARGET = 1.05;
const NO_RLS_ROLE = 'sl_bench_norls';

const t0 = performance.now();
const say = (msg: string) => process.stdout.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${msg}\n`);
const ms = (n: number) => `${n.toFixed(1)} ms`;
const ms2 = (n: number) => `${n.toFixed(2)} ms`;

/** The board's clients on a worker thread of their own (bench/support/http-load.worker.cjs). */
function httpLoad(url: string, cookie: string, body: string) {
  const worker = new Worker(join(__dirname, 'support', 'http-load.worker.cjs'), { workerData: { url, cookie, body } });
  const run = (concurrency: number, iterations: number, maxMs = Infinity) =>
    new Promise<Sample>((done, fail) => {
      worker.once('message', (m: Sample & { error?: string }) => (m.error ? fail(new Error(m.error)) : done(m)));
      worker.postMessage({ concurrency, iterations, maxMs });
    });
  return { run, stop: () => worker.terminate() };
}

async function startApi(dbUrl: string, redisUrl: string, work: string, role: string, migrate: boolean): Promise<{ app: INestApplication; url: string }> {
  const base = benchApiConfig({ nodeEnv: NODE_ENV, dbUrl, redisUrl, prefix: `rls${randomBytes(3).toString('hex')}`, work });
  const app = await createApi({ ...base, databaseRole: role, migrateOnStart: migrate }, { logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/graphql` };
}

async function main(): Promise<void> {
  const cleanups = new Cleanups();
  try {
    const { work, pg, redis, dbName, dbUrl } = await startBenchServices('rls', cleanups);
    say(`machine: ${machineLine()}`);
    say(`PostgreSQL ${pg.external ? 'from DATABASE_URL' : 'embedded (private)'}, database ${dbName}`);

    const on = await startApi(dbUrl, redis.url, work, 'sl_app', true);
    cleanups.push(() => on.app.close());
    // The seed and the bulk data as the owner, as the CLI seeds.
    const owner = await new DataSource(dataSourceOptions(dbUrl, ALL_ENTITIES, { poolSize: 2 })).initialize();
    cleanups.push(() => owner.destroy());
    await seedDemo(owner);
    await seedBoard(dbUrl, { big: DEMO.orgs.harbor, small: DEMO.orgs.northstar }, SHAPE);
    await owner.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${NO_RLS_ROLE}') THEN CREATE ROLE ${NO_RLS_ROLE} NOLOGIN BYPASSRLS INHERIT IN ROLE sl_app; END IF;
    END $$`);
    const off = await startApi(dbUrl, redis.url, work, NO_RLS_ROLE, false);
    cleanups.push(() => off.app.close());
    say(`seeded ${SHAPE.cases} cases and ${SHAPE.requests} record requests; two APIs up: on (sl_app) ${on.url}, off (${NO_RLS_ROLE}) ${off.url}`);

    /** One screen's request, timed against both APIs in alternating rounds. */
    const measure = async (who: string, body: string) => {
      const sides = { on: httpLoad(on.url, await signInCookie(on.url, who), body), off: httpLoad(off.url, await signInCookie(off.url, who), body) };
      try {
        say(`${who}: warm-up, ${WARMUP} requests each`);
        await sides.on.run(CONCURRENCY, WARMUP, BUDGET_MS * 0.05);
        await sides.off.run(CONCURRENCY, WARMUP, BUDGET_MS * 0.05);
        const samples: Record<'on' | 'off', Sample[]> = { on: [], off: [] };
        const per = Math.ceil(ITERATIONS / ROUNDS);
        const sliceMs = (BUDGET_MS * 0.9) / ROUNDS / 2;
        for (let r = 0; r < ROUNDS; r++) {
          const order: ('on' | 'off')[] = r % 2 ? ['off', 'on'] : ['on', 'off'];
          for (const side of order) samples[side].push(await sides[side].run(CONCURRENCY, per, sliceMs));
          say(`${who}, round ${r + 1}/${ROUNDS}: ${samples.on[r].latencies.length} on, ${samples.off[r].latencies.length} off (load ${loadLine()})`);
        }
        const stats = (side: 'on' | 'off') => {
          const all = merge(samples[side]);
          return { n: all.latencies.length, p50: percentile(all.latencies, 50), p95: percentile(all.latencies, 95), rps: (all.latencies.length / all.wallMs) * 1000 };
        };
        return { a: stats('on'), b: stats('off') };
      } finally {
        await sides.on.stop();
        await sides.off.stop();
      }
    };
    const boardBody = JSON.stringify({ query: BOARD_QUERY, variables: boardVariables(PAGE) });
    const caseBody = JSON.stringify({ query: print(CaseQuery), variables: { id: DEMO.cases.maria } });
    const screens = [
      { name: `the board, page ${PAGE}`, result: await measure('coordinator@harbor.example', boardBody) },
      { name: "a patient's own case page", result: await measure('patient@harbor.example', caseBody) },
    ];

    // Where the time goes: each SELECT of one request of each screen, planned and run under both
    // roles, each pool carrying that caller's scope (the patient's with app.case_member on).
    const explained = async (who: string, body: string, scope: string) => {
      const cookie = await signInCookie(on.url, who);
      const send = () => fetch(on.url, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body }).then((r) => r.json());
      await send();
      const all = await captureStatements(on.app.get(DataSource), send);
      const statements = all.filter((st) => /^\s*(WITH|SELECT)/i.test(st.sql));
      const others = all.filter((st) => !statements.includes(st)).map((st) => label(st.sql));
      if (others.length) say(`${who}: also ${others.length} statements not explained: ${others.join('; ')}`);
      const scoped = (role: string) => new Pool({ connectionString: dbUrl, max: 1, options: `-c role=${role} -c app.organization_id=${DEMO.orgs.harbor} ${scope}` });
      const pools = { on: scoped('sl_app'), off: scoped(NO_RLS_ROLE) };
      try {
        const rows: string[][] = [];
        let total = { on: 0, off: 0, planOn: 0, planOff: 0 };
        for (const st of statements) {
          // Planning counts too: the policies' quals and sub-selects are planned on every statement.
          const best = async (pool: Pool) => {
            let run = Infinity;
            let plan = Infinity;
            for (let i = 0; i < 5; i++) {
              const e = await explain(pool, st);
              run = Math.min(run, e.executionMs);
              plan = Math.min(plan, e.planningMs);
            }
            return { run, plan };
          };
          const x = await best(pools.on);
          const y = await best(pools.off);
          total = { on: total.on + x.run, off: total.off + y.run, planOn: total.planOn + x.plan, planOff: total.planOff + y.plan };
          rows.push([label(st.sql), ms2(x.run), ms2(y.run), `${(x.run / y.run).toFixed(2)}x`, ms2(x.plan), ms2(y.plan), `${(x.plan / y.plan).toFixed(2)}x`]);
          if (process.env.BENCH_PLANS) console.log(`\n${st.sql}\n${JSON.stringify(st.params)}\non:\n${(await explain(pools.on, st)).tree}\noff:\n${(await explain(pools.off, st)).tree}`);
        }
        rows.push([
          `all ${statements.length} statements`,
          ms2(total.on),
          ms2(total.off),
          `${(total.on / total.off).toFixed(2)}x`,
          ms2(total.planOn),
          ms2(total.planOff),
          `${(total.planOn / total.planOff).toFixed(2)}x`,
        ]);
        return rows;
      } finally {
        await pools.on.end();
        await pools.off.end();
      }
    };
    const plans = [
      { name: 'Board', rows: await explained('coordinator@harbor.example', boardBody, '-c app.scope=organization') },
      { name: "Patient's case page", rows: await explained('patient@harbor.example', caseBody, `-c app.scope=organization -c app.actor_id=${DEMO.users.harborPatient} -c app.case_member=on`) },
    ];
    for (const { name, rows } of plans) {
      console.log(`\n${name} statements, EXPLAIN ANALYZE execution and planning time (best of 5 each), RLS on vs off:`);
      console.log(table(['statement', 'run on', 'run off', 'on/off', 'plan on', 'plan off', 'on/off'], rows, [0]));
    }
    for (const { name, result } of screens) {
      const { a, b } = result;
      console.log(`\n${name} at concurrency ${CONCURRENCY} (${ROUNDS} alternating rounds):`);
      console.log(
        table(
          ['', 'requests', 'p50', 'p95', 'req/s'],
          [
            ['RLS on (sl_app)', `${a.n}`, ms(a.p50), ms(a.p95), a.rps.toFixed(0)],
            ['RLS off (BYPASSRLS)', `${b.n}`, ms(b.p50), ms(b.p95), b.rps.toFixed(0)],
          ],
          [0],
        ),
      );
      const ratio50 = a.p50 / b.p50;
      console.log(
        `ratio on/off: p50 ${ratio50.toFixed(3)}x, p95 ${(a.p95 / b.p95).toFixed(3)}x, throughput ${(b.rps / a.rps).toFixed(3)}x (target p50 <= ${TARGET}x): ${ratio50 <= TARGET ? 'MET' : 'NOT MET'}`,
      );
    }
  } finally {
    await cleanups.run();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
