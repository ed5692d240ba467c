/**
 * Benchmark (not a test): what the rollups cost a record-request write (issue 19: at most 10%).
 *
 *   node --enable-source-maps --require ./bench/register.cjs bench/rollup-writes.bench.ts   (BENCH_WRITES=400 BENCH_HTTP_WRITES=80 BENCH_ROUNDS=8)
 *
 * Private PostgreSQL and Redis, the real API in this process (migrated, demo seed), and three
 * setups of the triggers on record_request that keep record_board_count and dashboard_rollup,
 * switched between alternating rounds in one run:
 *   now     as shipped (migration RecordRequestCountsWriteCost: two board levels, one row
 *           trigger on updates that change something counted);
 *   former  before that migration (four board levels, two statement triggers on every update):
 *           the migration's `down`, run by the bench, and its `up` to come back;
 *   none    no rollup trigger on record_request.
 * Two paths:
 *   SQL   one transaction completes an open request and reopens it (two bare UPDATEs), BENCH_WRITES
 *         times per setup: the triggers' cost with nothing else around it (the request's holder
 *         has no other request, so every count row it touches reaches zero and goes);
 *   HTTP  the GraphQL mutations that change a request, as staff meet them, BENCH_HTTP_WRITES times
 *         per setup: createRecordRequest (two items), markRecordsReceived for one item (partial:
 *         nothing counted changes), for the other (the request is complete), setRecordRequestFee.
 *         (No mutation reopens a request.)
 * Per setup and path it prints each write's median wall time, and the CPU per write of this
 * private PostgreSQL (every process of it, from /proc; Linux only) and of this process: on a
 * machine shared with other work, wall time swings with the load while CPU time mostly does not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO } from '../apps/api/src/seed/demo-seed';
import { RecordRequestCountsWriteCost1795770000000 } from '../libs/server/database/src/migrations/1795770000000-RecordRequestCountsWriteCost';
import { Cleanups, machineLine, num, startDemoApi } from './support/bench-env';
import { postgresCpuMs, writeCostTables, type WriteSetup } from './support/measure';

const WRITES = num('BENCH_WRITES', 400);
const HTTP_WRITES = num('BENCH_HTTP_WRITES', 80);
const ROUNDS = num('BENCH_ROUNDS', 8);
const ORG = DEMO.orgs.harbor;
type Setup = WriteSetup;
const SETUPS: Setup[] = ['now', 'former', 'none'];
const PATHS = ['SQL: complete + reopen', 'HTTP createRecordRequest', 'HTTP markRecordsReceived, partial', 'HTTP markRecordsReceived, complete', 'HTTP setRecordRequestFee'] as const;
type Path = (typeof PATHS)[number];

const CREATE = `mutation($i: CreateRecordRequestInput!) { createRecordRequest(input: $i) { id version } }`;
const RECEIVE = `mutation($i: MarkRecordsReceivedInput!) { markRecordsReceived(input: $i) { id version completedOn } }`;
const FEE = `mutation($i: RecordRequestFeeInput!) { setRecordRequestFee(input: $i) { id version } }`;

async function main(): Promise<void> {
  const cleanups = new Cleanups();
  try {
    const { svc, ds, gql: call } = await startDemoApi('rollup-writes', 'rw', cleanups);
    const gql = <T>(query: string, i: Record<string, unknown>) => call<T>(query, { i });

    // A holder of its own, two packet items on Maria's case, and one open request for the SQL path.
    const [holder] = await ds.query(`INSERT INTO record_holder (organization_id, name) VALUES ($1, 'Write Bench Hospital') RETURNING id`, [ORG]);
    const items = (
      await ds.query(
        `INSERT INTO packet_item (organization_id, case_id, kind, title, version) SELECT $1, $2, (enum_range(NULL::packet_item_kind))[1], 'Write bench ' || g, 1 FROM generate_series(1, 2) g RETURNING id`,
        [ORG, DEMO.cases.maria],
      )
    ).map((r: { id: string }) => r.id) as string[];
    const [{ today }] = await ds.query(`SELECT (now() AT TIME ZONE time_zone)::date::text AS today FROM organization WHERE id = $1`, [ORG]);
    const create = () => gql<{ createRecordRequest: { id: string } }>(CREATE, { caseId: DEMO.cases.maria, holderId: holder.id, packetItemIds: items, method: 'FAX', sentOn: today });
    const sqlRequest = (await create()).createRecordRequest.id;

    // Switching setups: the migration's down and up between `now` and `former`; `none` turns
    // every rollup trigger on record_request off (whichever shape is in place).
    const migration = new RecordRequestCountsWriteCost1795770000000();
    let shape: Exclude<Setup, 'none'> = 'now';
    const reshape = async (want: Exclude<Setup, 'none'>) => {
      if (want === shape) return;
      const qr = ds.createQueryRunner();
      await qr.connect();
      await qr.startTransaction();
      try {
        await (want === 'former' ? migration.down(qr) : migration.up(qr));
        await qr.commitTransaction();
      } catch (e) {
        await qr.rollbackTransaction();
        throw e;
      } finally {
        await qr.release();
      }
      shape = want;
    };
    const setup = async (s: Setup) => {
      if (s !== 'none') await reshape(s);
      const triggers = await ds.query(
        `SELECT tgname FROM pg_trigger WHERE tgrelid = 'record_request'::regclass AND NOT tgisinternal AND (tgname LIKE 'record\\_board\\_%' OR tgname LIKE 'dashboard\\_%' OR tgname LIKE 'record\\_request\\_counts\\_%')`,
      );
      for (const t of triggers) await ds.query(`ALTER TABLE record_request ${s === 'none' ? 'DISABLE' : 'ENABLE'} TRIGGER ${t.tgname}`);
    };

    // Per setup and path: each write's wall time, and the CPU the batch took in PostgreSQL (every
    // process of this private server) and in this process (the API and the client), which other
    // work on the machine does not inflate the way it inflates wall time.
    const times = Object.fromEntries(SETUPS.map((s) => [s, Object.fromEntries(PATHS.map((p) => [p, [] as number[]]))])) as Record<Setup, Record<Path, number[]>>;
    const cpu = Object.fromEntries(SETUPS.map((s) => [s, Object.fromEntries(PATHS.map((p) => [p, 0]))])) as Record<Setup, Record<Path, number>>;
    const postmaster = Number(readFileSync(join(svc.work, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const batch = async <T>(s: Setup, p: Path, n: number, fn: (i: number) => Promise<T>): Promise<T[]> => {
      const out: T[] = [];
      const [pg0, node0] = [postgresCpuMs(postmaster), process.cpuUsage()];
      for (let i = 0; i < n; i++) {
        const started = performance.now();
        out.push(await fn(i));
        times[s][p].push(performance.now() - started);
      }
      const node = process.cpuUsage(node0);
      cpu[s][p] += postgresCpuMs(postmaster) - pg0 + (node.user + node.system) / 1000;
      return out;
    };
    const sqlWrite = () =>
      ds.transaction(async (m) => {
        await m.query(`UPDATE record_request SET completed_on = current_date WHERE id = $1`, [sqlRequest]);
        await m.query(`UPDATE record_request SET completed_on = NULL WHERE id = $1`, [sqlRequest]);
      });
    // n requests created, then each receives its first item (partial: the second is still
    // outstanding), then its second (complete), then a fee: one batch per mutation.
    const httpWrites = async (s: Setup, n: number) => {
      await ds.query(`UPDATE packet_item SET state = 'NEEDED' WHERE id = ANY($1)`, [items]);
      const ids = (await batch(s, 'HTTP createRecordRequest', n, create)).map((r) => r.createRecordRequest.id);
      await batch(s, 'HTTP markRecordsReceived, partial', n, (i) =>
        gql<{ markRecordsReceived: { completedOn: string | null } }>(RECEIVE, { requestId: ids[i], packetItemIds: [items[0]] }).then((r) => {
          if (r.markRecordsReceived.completedOn) throw new Error('the first receipt completed the request');
        }),
      );
      const done = await batch(s, 'HTTP markRecordsReceived, complete', n, (i) =>
        gql<{ markRecordsReceived: { version: number; completedOn: string | null } }>(RECEIVE, { requestId: ids[i], packetItemIds: [items[1]] }),
      );
      if (done.some((d) => !d.markRecordsReceived.completedOn)) throw new Error('a request did not complete');
      await batch(s, 'HTTP setRecordRequestFee', n, (i) => gql(FEE, { requestId: ids[i], feeCents: 2500, expectedVersion: done[i].markRecordsReceived.version }));
    };

    // Warm-up (plans, pools), then alternating rounds.
    for (const s of SETUPS) {
      await setup(s);
      await batch(s, 'SQL: complete + reopen', 5, sqlWrite);
      await httpWrites(s, 3);
    }
    for (const s of SETUPS) for (const p of PATHS) [times[s][p].length, cpu[s][p]] = [0, 0];
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of round % 2 ? [...SETUPS].reverse() : SETUPS) {
        await setup(s);
        await batch(s, 'SQL: complete + reopen', Math.round(WRITES / ROUNDS), sqlWrite);
        await httpWrites(s, Math.round(HTTP_WRITES / ROUNDS));
      }
    }
    await setup('now');

    process.stdout.write(`\nRecord-request writes, ${WRITES} (SQL) and ${HTTP_WRITES} (HTTP) per setup, ${ROUNDS} alternating rounds.\n` + writeCostTables(PATHS, times, cpu) + `\n${machineLine()}\n`);
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
