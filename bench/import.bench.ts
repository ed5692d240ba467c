/**
 * Benchmark (not a test): how fast the worker writes a client import (docs/import.md).
 *
 *   npm run bench:import   (BENCH_ROWS=1000 rows per import, BENCH_ROUNDS=2 rounds, BENCH_BATCH=the shipped batch size)
 *
 * A private PostgreSQL and Redis, the migrated schema, the demo data and the real worker's
 * ClientImportService (every case-created subscriber loaded, as in apps/worker). Each round runs
 * two imports of BENCH_ROWS new clients (half known by e-mail and invited, half by name and date
 * of birth), alternating which goes first:
 *   batched      the import as shipped (CLIENT_IMPORT_BATCH new clients, or BENCH_BATCH, per statement per table);
 *   one by one   the same run with batches of one: every case written by its own statements, as
 *                each import did before batching.
 * Both are the same run() (lock, check again, progress, audit): only the batch size differs. It
 * prints rows per second and the ratio of the two, measured in the same run.
 */
import { NestFactory } from '@nestjs/core';
import { INestApplicationContext } from '@nestjs/common';
import { ClientImportService } from '@second-look/server-cases';
import { TenantContext } from '@second-look/server-platform';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DEMO, seedDemo } from '../apps/api/src/seed/demo-seed';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { benchApiConfig, Cleanups, machineLine, num, ownerDataSource, startBenchServices } from './support/bench-env';
import { table } from './support/measure';

const ROWS = num('BENCH_ROWS', 1000);
const ROUNDS = num('BENCH_ROUNDS', 2);
type Path = 'batched' | 'one by one';

const say = (s: string) => process.stdout.write(`[bench:import] ${s}\n`);

async function main(): Promise<void> {
  const cleanups = new Cleanups();
  try {
    const { work, redis, dbUrl } = await startBenchServices('import', cleanups);
    say(`machine: ${machineLine()}`);
    const ds = await ownerDataSource(dbUrl, cleanups);
    await ds.runMigrations({ transaction: 'each' });
    await seedDemo(ds);
    // The worker with its relay and reconcile off: nothing but the imports this bench runs.
    process.env.OUTBOX_RELAY = 'off';
    process.env.RECONCILE_ON_START = 'off';
    const config = benchApiConfig({ nodeEnv: 'production', dbUrl, redisUrl: redis.url, prefix: `benchimport${randomBytes(3).toString('hex')}`, work });
    const worker: INestApplicationContext = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    cleanups.push(() => worker.close());
    const imports = worker.get(ClientImportService, { strict: false });
    const batch = num('BENCH_BATCH', imports.batchSize);

    const importOf = async (path: Path, round: number): Promise<number> => {
      const tag = `${path === 'batched' ? 'b' : 'o'}${round}${randomBytes(2).toString('hex')}`;
      const rows = Array.from({ length: ROWS }, (_, i) =>
        i % 2
          ? { patientName: `Bench Patient ${tag} ${i}`, patientEmail: `bench.${tag}.${i}@example.org`, urgency: i % 7 ? 'routine' : 'urgent' }
          : { patientName: `Bench Patient ${tag} ${i}`, dateOfBirth: `${1940 + (i % 60)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` },
      );
      const [{ id }] = (await ds.query(`INSERT INTO client_import (organization_id, started_by_id, invite_patients, total_rows, rows) VALUES ($1, $2, true, $3, $4::jsonb) RETURNING id`, [
        DEMO.orgs.harbor,
        DEMO.users.harborCoordinator,
        ROWS,
        JSON.stringify(rows),
      ])) as [{ id: string }];
      imports.batchSize = path === 'batched' ? batch : 1;
      const started = performance.now();
      const outcome = await TenantContext.forOrganization(DEMO.orgs.harbor, () => imports.run(id));
      const ms = performance.now() - started;
      if (!outcome.startsWith(`${ROWS} client(s) imported`)) throw new Error(`the ${path} import answered "${outcome}"`);
      return ms;
    };

    const times: Record<Path, number[]> = { batched: [], 'one by one': [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const path of (round % 2 ? ['one by one', 'batched'] : ['batched', 'one by one']) as Path[]) {
        const ms = await importOf(path, round);
        times[path].push(ms);
        say(`round ${round + 1}, ${path}: ${ROWS} rows in ${Math.round(ms)} ms`);
      }
    }
    const rate = (p: Path) => (ROWS * times[p].length) / (times[p].reduce((a, b) => a + b, 0) / 1000);
    process.stdout.write(
      `\nThe worker's run of a ${ROWS}-row import (all new clients, half invited), ${ROUNDS} round(s) each, alternating:\n\n` +
        table(
          ['path', 'rows/s', 'ms per import (mean)', 'vs one by one'],
          (['batched', 'one by one'] as Path[]).map((p) => [
            p === 'batched' ? `batched (${batch} per batch)` : p,
            Math.round(rate(p)),
            Math.round(times[p].reduce((a, b) => a + b, 0) / times[p].length),
            `${(rate(p) / rate('one by one')).toFixed(1)}×`,
          ]),
          [0],
        ) +
        `\n${machineLine()}\n`,
    );
  } finally {
    await cleanups.run();
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
