/**
 * Benchmark (not a test) of the job machinery, in one run:
 *   npm run bench:jobs   (node --enable-source-maps --require ./bench/register.cjs bench/jobs.bench.ts)
 *
 *  1. Enqueue throughput: the same ids-only reminder payloads (BENCH_JOBS, 20,000), far-future
 *     delayed, (a) through the product's path — OutboxService rows written in transactions of
 *     500 while the OutboxRelay's lanes drain them (FOR UPDATE SKIP LOCKED, addBulk, mark
 *     dispatched), timed until the last job is in Redis — against
 *     (b) raw BullMQ addBulk in chunks of 500. Target: outbox+relay >= 80% of raw.
 *  2. Redis memory per scheduled follow-up: 100,000 (BENCH_DELAYED) delayed reminder jobs with
 *     the product's job options, INFO memory used_memory before and after (a private
 *     redis-server, or REDIS_URL where only this run's prefix is written), plus MEMORY USAGE of
 *     one job's hash. Target <= 3 KB each.
 *  3. The coordinator board (the public RecordBoardQuery over GraphQL, data seeded by the board
 *     benchmark's own helpers) p95 with those 100,000 delayed jobs present vs with none, in
 *     alternating rounds, each measured run after 30 unmeasured requests. Target <= 1.1x.
 * Knobs: BENCH_JOBS, BENCH_DELAYED, BENCH_CASES (10000), BENCH_REQUESTS (100000),
 * BENCH_CONCURRENCY (4), BENCH_ITERATIONS (150 per round), BENCH_ROUNDS (4), BENCH_ONLY=throughput
 * (part 1 alone).
 */
import { NODE_ENV } from './support/production-mode';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JobName, jobIds, QueueName } from '@second-look/contracts';
import { DEFAULT_JOB_OPTIONS, OUTBOX_RELAY_SETTINGS, OutboxRelay, OutboxService } from '@second-look/server-jobs';
import { REDIS } from '@second-look/server-platform';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { benchApiConfig, Cleanups, machineLine, loadLine, num, ownerDataSource, signInCookie, startBenchServices } from './support/bench-env';
import { createApi } from '../apps/api/src/bootstrap';
import { DEMO, seedDemo } from '../apps/api/src/seed/demo-seed';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { BOARD_QUERY, boardVariables } from './support/board-baseline';
import { DEFAULT_SHAPE, seedBoard } from './support/board-seed';
import { merge, Sample, summarise, table } from './support/measure';

const JOBS = num('BENCH_JOBS', 20_000);
const DELAYED = num('BENCH_DELAYED', 100_000);
const CONCURRENCY = num('BENCH_CONCURRENCY', 4);
const ITERATIONS = num('BENCH_ITERATIONS', 150);
const ROUNDS = num('BENCH_ROUNDS', 4);
const SETTLE = 30;
const SHAPE = { ...DEFAULT_SHAPE, cases: num('BENCH_CASES', DEFAULT_SHAPE.cases), requests: num('BENCH_REQUESTS', DEFAULT_SHAPE.requests) };
const CHUNK = 500;
const FAR = 200 * 86_400_000;

const t0 = performance.now();
const say = (msg: string) => process.stdout.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${msg}\n`);

/** The ids-only payload of a record-request reminder, as the scheduler writes it. */
function payloads(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const requestId = randomUUID();
    const on = new Date(Date.now() + FAR + i * 1000).toISOString().slice(0, 10);
    return { requestId, kind: 'LEGAL_DUE', on, jobId: jobIds.recordReminder(requestId, 'LEGAL_DUE', on), runAt: new Date(Date.now() + FAR + i * 1000) };
  });
}

function httpLoad(url: string, cookie: string) {
  const worker = new Worker(join(__dirname, 'support', 'http-load.worker.cjs'), { workerData: { url, cookie, body: JSON.stringify({ query: BOARD_QUERY, variables: boardVariables(50) }) } });
  const run = (concurrency: number, iterations: number) =>
    new Promise<Sample>((done, fail) => {
      worker.once('message', (m: Sample & { error?: string }) => (m.error ? fail(new Error(m.error)) : done(m)));
      worker.postMessage({ concurrency, iterations, maxMs: 60_000 });
    });
  return { run, stop: () => worker.terminate() };
}

const usedMemory = async (redis: Redis) => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);

async function main(): Promise<void> {
  const cleanups = new Cleanups();
  try {
    const { work, redis: redisServer, dbUrl } = await startBenchServices('jobs', cleanups);
    say(`machine: ${machineLine()}; Redis ${redisServer.external ? 'from REDIS_URL' : 'private'}`);

    const prefix = `benchjobs${randomBytes(3).toString('hex')}`;
    const config = benchApiConfig({ nodeEnv: NODE_ENV, dbUrl, redisUrl: redisServer.url, prefix, work });
    const app: INestApplication = await createApi(config, { logger: false });
    cleanups.push(() => app.close());
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/graphql`;
    // Set-up and bookkeeping (TRUNCATE, statistics) as the owner, outside the app's restricted role.
    const ds = await ownerDataSource(dbUrl, cleanups);
    const redis = app.get<Redis>(REDIS);
    cleanups.push(async () => {
      // Only this run's keys, whichever Redis it was.
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 5000);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
    });
    await seedDemo(ds);
    say('API up, migrated and seeded');

    // The relay lives in the worker: a worker context with its relay loop off, driven by hand.
    process.env.OUTBOX_RELAY = 'off';
    process.env.RECONCILE_ON_START = 'off';
    const worker: INestApplicationContext = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    cleanups.push(() => worker.close());
    const relay = worker.get(OutboxRelay);
    const outbox = app.get(OutboxService);
    const reminders = app.get<Queue>(getQueueToken(QueueName.REMINDERS), { strict: false });
    const email = app.get<Queue>(getQueueToken(QueueName.EMAIL), { strict: false });

    // --- 1. enqueue throughput ---------------------------------------------------------
    const throughput: { path: string; ms: number; perSecond: number }[] = [];
    for (let round = 0; round < 2; round++) {
      const rawJobs = payloads(JOBS);
      let started = performance.now();
      for (let i = 0; i < rawJobs.length; i += CHUNK) {
        await email.addBulk(
          rawJobs.slice(i, i + CHUNK).map((p) => ({
            name: JobName.SEND_RECORD_REQUEST_REMINDER,
            data: { requestId: p.requestId, kind: p.kind, on: p.on },
            opts: { jobId: p.jobId, delay: p.runAt.getTime() - Date.now(), timestamp: Date.now() },
          })),
        );
      }
      const rawMs = performance.now() - started;
      const viaOutbox = payloads(JOBS);
      started = performance.now();
      // As in production: the API commits while the relay (its lanes) drains at the same time.
      let writtenMs = 0;
      const writer = (async () => {
        for (let i = 0; i < viaOutbox.length; i += CHUNK) {
          await ds.transaction((m) =>
            outbox.add(
              m,
              viaOutbox.slice(i, i + CHUNK).map((p) => ({
                queue: QueueName.REMINDERS,
                jobName: JobName.SEND_RECORD_REQUEST_REMINDER,
                jobId: p.jobId,
                payload: { requestId: p.requestId, kind: p.kind, on: p.on },
                runAt: p.runAt,
                subjectId: p.requestId,
              })),
            ),
          );
        }
        writtenMs = performance.now() - started;
      })();
      const lane = async () => {
        let moved = 0;
        for (;;) {
          const n = await relay.drainOnce();
          moved += n;
          if (n === 0) {
            if (writtenMs) return moved;
            await new Promise((r) => setTimeout(r, 5));
          }
        }
      };
      const [, ...moved] = await Promise.all([writer, ...Array.from({ length: OUTBOX_RELAY_SETTINGS.lanes }, lane)]);
      const relayed = moved.reduce((a, b) => a + b, 0);
      const outboxMs = performance.now() - started;
      if (relayed !== JOBS) throw new Error(`relay moved ${relayed}, expected ${JOBS}`);
      throughput.push({ path: `raw addBulk (round ${round + 1})`, ms: rawMs, perSecond: (JOBS / rawMs) * 1000 });
      throughput.push({
        path: `outbox + relay, ${OUTBOX_RELAY_SETTINGS.lanes} lanes (round ${round + 1}; all rows committed at ${writtenMs.toFixed(0)} ms)`,
        ms: outboxMs,
        perSecond: (JOBS / outboxMs) * 1000,
      });
    }
    const best = (prefixText: string) => Math.max(...throughput.filter((t) => t.path.startsWith(prefixText)).map((t) => t.perSecond));
    const ratio = best('outbox') / best('raw');
    say(`enqueue throughput, ${JOBS} jobs per path and round:`);
    console.log(
      table(
        ['path', 'ms', 'jobs/s'],
        throughput.map((t) => [t.path, t.ms, t.perSecond]),
      ),
    );
    say(`outbox + relay = ${(ratio * 100).toFixed(0)}% of raw addBulk (best round each; target >= 80%)`);
    const relayedCount = (await reminders.getJobCounts('delayed')).delayed;
    await new Promise((r) => setTimeout(r, 1200)); // statistics reach pg_stat_* within a second
    const [hot] = await ds.query(`SELECT n_tup_upd::int AS upd, n_tup_hot_upd::int AS hot FROM pg_stat_user_tables WHERE relname = 'outbox_message'`);
    say(`relay marked ${hot.upd} outbox rows dispatched, ${hot.upd ? ((hot.hot / hot.upd) * 100).toFixed(0) : 0}% of them in place (HOT: no index entries written)`);
    if (process.env.BENCH_ONLY === 'throughput') {
      console.log(`\nRESULTS\n  enqueue: outbox + relay ${best('outbox').toFixed(0)} jobs/s vs raw addBulk ${best('raw').toFixed(0)} jobs/s = ${(ratio * 100).toFixed(0)}% (target >= 80%)\n`);
      return;
    }
    await reminders.obliterate({ force: true });
    await email.obliterate({ force: true });
    await ds.query(`TRUNCATE outbox_message`);

    // --- 3a. board, empty queues -----------------------------------------------------------
    const shape = await seedBoard(dbUrl, { big: DEMO.orgs.harbor, small: DEMO.orgs.northstar }, SHAPE);
    say(`board data seeded: ${shape.orgs.map((o) => `${o.organization} ${o.requests} requests`).join(', ')}`);
    const cookie = await signInCookie(url, 'coordinator@harbor.example');
    const http = httpLoad(url, cookie);
    cleanups.push(() => http.stop());
    await http.run(CONCURRENCY, 40); // warm-up

    const addDelayed = async () => {
      const list = payloads(DELAYED);
      for (let i = 0; i < list.length; i += CHUNK) {
        await reminders.addBulk(
          list.slice(i, i + CHUNK).map((p) => ({
            name: JobName.SEND_RECORD_REQUEST_REMINDER,
            data: { requestId: p.requestId, kind: p.kind, on: p.on },
            opts: { jobId: p.jobId, delay: p.runAt.getTime() - Date.now(), timestamp: Date.now() },
          })),
        );
      }
      return list;
    };
    const empty: Sample[] = [];
    const full: Sample[] = [];
    let perJob = 0;
    let hashBytes = 0;
    // Each measured run follows a short unmeasured one, on both sides alike: adding or removing
    // 100,000 jobs leaves garbage in this process, and its collection would otherwise land on
    // whichever side is measured next.
    const measure = async () => {
      await http.run(CONCURRENCY, SETTLE);
      return http.run(CONCURRENCY, ITERATIONS);
    };
    for (let round = 0; round < ROUNDS; round++) {
      empty.push(await measure());
      // --- 2. memory per delayed job (each round; the first is reported) -----------------
      const before = await usedMemory(redis);
      const list = await addDelayed();
      const after = await usedMemory(redis);
      if (round === 0) {
        perJob = (after - before) / DELAYED;
        hashBytes = Number(await redis.call('MEMORY', 'USAGE', reminders.toKey(list[0].jobId), 'SAMPLES', '0'));
        say(
          `${(await reminders.getJobCounts('delayed')).delayed} delayed jobs in Redis: used_memory +${((after - before) / 1048576).toFixed(1)} MiB = ${perJob.toFixed(0)} bytes per job (one job's hash: ${hashBytes} bytes; target <= 3072)`,
        );
      }
      full.push(await measure());
      await reminders.obliterate({ force: true });
    }
    const e = summarise(merge(empty));
    const f = summarise(merge(full));
    say(`coordinator board over GraphQL, ${CONCURRENCY} clients, ${ROUNDS} rounds of ${ITERATIONS}:`);
    console.log(
      table(
        ['queues', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s'],
        [
          ['empty', `${e.n}`, e.p50, e.p95, e.p99, e.perSecond],
          [`${DELAYED} delayed jobs`, `${f.n}`, f.p50, f.p95, f.p99, f.perSecond],
        ],
      ),
    );
    console.log(
      `\nRESULTS\n  enqueue: outbox + relay ${best('outbox').toFixed(0)} jobs/s vs raw addBulk ${best('raw').toFixed(0)} jobs/s = ${(ratio * 100).toFixed(0)}% (target >= 80%) ${ratio >= 0.8 ? 'OK' : 'MISSED'}` +
        `\n  memory: ${perJob.toFixed(0)} bytes per delayed job with ${DELAYED} scheduled (target <= 3072) ${perJob <= 3072 ? 'OK' : 'MISSED'}` +
        `\n  board p95: ${f.p95.toFixed(1)} ms with ${DELAYED} delayed jobs vs ${e.p95.toFixed(1)} ms empty = ${(f.p95 / e.p95).toFixed(2)}x (target <= 1.1x) ${f.p95 / e.p95 <= 1.1 ? 'OK' : 'MISSED'}` +
        `\n  (relayed jobs checked in Redis: ${relayedCount}; load average at the end ${loadLine()})\n`,
    );
    if (DEFAULT_JOB_OPTIONS.removeOnComplete === undefined) throw new Error('retention must be set');
  } finally {
    await cleanups.run();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
