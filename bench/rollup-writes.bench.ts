/**
 * Benchmark (not a test): what the rollups cost a record-request write.
 *
 *   node --enable-source-maps --require ./bench/register.cjs bench/rollup-writes.bench.ts   (BENCH_WRITES=400)
 *
 * A private PostgreSQL, the migrated schema and the demo data. One transaction completes an open
 * request and reopens it (two UPDATE statements), timed in alternating rounds under four setups:
 *   all      the board's and the dashboards' statement-level triggers (as shipped);
 *   no board the dashboards' statement triggers only;
 *   row      the dashboards' former row trigger (migration DashboardRollup) instead, no board;
 *   none     no rollup trigger on record_request.
 */
import { ALL_ENTITIES, createTestDatabase, dataSourceOptions } from '@second-look/server-database';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { DEMO, seedDemo } from '../apps/api/src/seed/demo-seed';
import { Cleanups, machineLine, num, root, services } from './support/bench-env';
import { percentile, table } from './support/measure';

const WRITES = num('BENCH_WRITES', 400);
const BOARD = ['record_board_request_insert', 'record_board_request_update', 'record_board_request_delete'];
const DASHBOARD = ['dashboard_request_insert', 'dashboard_request_update', 'dashboard_request_delete'];
type Setup = 'all' | 'no board' | 'row' | 'none';

async function main(): Promise<void> {
  const cleanups = new Cleanups();
  try {
    const pg = await services.startPostgres({ dataDir: join(root, 'tmp', 'bench', `rollup-writes-${process.pid}`), persistent: false, quiet: true });
    cleanups.push(() => pg.stop());
    process.env.DATABASE_URL = pg.url;
    const db = await createTestDatabase('rollup_writes');
    cleanups.push(() => db.drop());
    const ds = new DataSource(dataSourceOptions(db.url, ALL_ENTITIES, { poolSize: 2 }));
    await ds.initialize();
    cleanups.push(() => ds.destroy());
    await ds.runMigrations({ transaction: 'each' });
    await seedDemo(ds);
    // The former row trigger, created disabled, to compare.
    await ds.query(
      `CREATE TRIGGER dashboard_request AFTER INSERT OR DELETE OR UPDATE OF holder_id, sent_on, plan_target_on, legal_due_on, original_legal_due_on, extension_recorded_on, completed_on
       ON record_request FOR EACH ROW EXECUTE FUNCTION dashboard_on_request()`,
    );
    const set = async (names: string[], on: boolean) => {
      for (const n of names) await ds.query(`ALTER TABLE record_request ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${n}`);
    };
    const setup = async (s: Setup) => {
      await set(BOARD, s === 'all');
      await set(DASHBOARD, s === 'all' || s === 'no board');
      await set(['dashboard_request'], s === 'row');
    };
    // One open request of Harbor's to write to (the first case, a holder of its own).
    await ds.query(`INSERT INTO record_holder (organization_id, name) VALUES ($1, 'Write Bench Hospital')`, [DEMO.orgs.harbor]);
    await ds.query(
      `INSERT INTO record_request (organization_id, case_id, holder_id, method, sent_on, plan_target_on, legal_due_on, original_legal_due_on, created_by_id, version)
       SELECT c.organization_id, c.id, h.id, 'FAX', current_date, current_date + 14, current_date + 30, current_date + 30, c.created_by_id, 1
       FROM patient_case c JOIN record_holder h ON h.organization_id = c.organization_id WHERE c.organization_id = $1 LIMIT 1`,
      [DEMO.orgs.harbor],
    );
    const id = (await ds.query(`SELECT id FROM record_request WHERE organization_id = $1 AND completed_on IS NULL LIMIT 1`, [DEMO.orgs.harbor]))[0].id as string;
    const times: Record<Setup, number[]> = { all: [], 'no board': [], row: [], none: [] };
    const order: Setup[] = ['all', 'no board', 'row', 'none'];
    for (let round = 0; round < 8; round++) {
      for (const s of round % 2 ? [...order].reverse() : order) {
        await setup(s);
        for (let i = 0; i < WRITES / 8; i++) {
          const started = performance.now();
          await ds.transaction(async (m) => {
            await m.query(`UPDATE record_request SET completed_on = current_date WHERE id = $1`, [id]);
            await m.query(`UPDATE record_request SET completed_on = NULL WHERE id = $1`, [id]);
          });
          times[s].push(performance.now() - started);
        }
      }
    }
    const none = percentile(times.none, 50);
    process.stdout.write(
      `\nA request completed and reopened in one transaction (two UPDATEs), ${WRITES} times per setup, alternating rounds:\n\n` +
        table(
          ['setup', 'p50 ms', 'p95 ms', 'p50 vs none'],
          order.map((s) => [s, percentile(times[s], 50).toFixed(2), percentile(times[s], 95).toFixed(2), `${((percentile(times[s], 50) / none - 1) * 100).toFixed(0)}%`]),
          [0],
        ) +
        `\n${machineLine()}\n`,
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
