/**
 * Benchmark (not a test): what the dashboards' rollup costs a stage move (issue 19: at most 10%).
 *
 *   npm run bench:stage-writes   (BENCH_WRITES=400 BENCH_HTTP_WRITES=400 BENCH_ROUNDS=8)
 *
 * Private PostgreSQL and Redis, the real API in this process (migrated, demo seed), and three
 * setups of the two triggers a move fires (dashboard_case on patient_case, dashboard_move on
 * case_stage_change), switched between alternating rounds in one run:
 *   now     as shipped (migration DashboardStageMoveWriteCost: one upsert per trigger);
 *   former  before that migration (one upsert per rollup row): its `down`, run by the bench,
 *           and its `up` to come back;
 *   none    both triggers off.
 * Every write moves a case of its own, so no case's history grows over the run. The cases are
 * bench cases in Harbor, each with the moves a case makes to reach "Choose provider". Paths:
 *   SQL   one transaction moves a case from "Choose provider" to "Verify insurance" as the API
 *         writes it (the case's stage, then its history row), as the database owner: the
 *         triggers' cost with nothing else around it;
 *   HTTP  moveCaseStage as the coordinator, the same move (it finishes no phase, like most
 *         moves), then that case on into "Prepare" (it finishes the records phase, so the move's
 *         trigger reads the case's earlier moves).
 * Per setup and path it prints each write's median wall time and the CPU per write of this
 * private PostgreSQL (every process of it, from /proc; Linux only) and of this process: on a
 * machine shared with other work, wall time swings with the load while CPU time mostly does not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO } from '../apps/api/src/seed/demo-seed';
import { DashboardStageMoveWriteCost1795790000000 } from '../libs/server/database/src/migrations/1795790000000-DashboardStageMoveWriteCost';
import { Cleanups, machineLine, num, startDemoApi } from './support/bench-env';
import { postgresCpuMs, writeCostTables, type WriteSetup } from './support/measure';

const WRITES = num('BENCH_WRITES', 400);
const HTTP_WRITES = num('BENCH_HTTP_WRITES', 400);
const ROUNDS = num('BENCH_ROUNDS', 8);
// Untimed moves after each switch: a replaced trigger function is compiled and planned again in
// every pooled connection, which would otherwise land on the first timed writes.
const WARM_UP = num('BENCH_WARM_UP', 12);
const ORG = DEMO.orgs.harbor;
type Setup = WriteSetup;
const SETUPS: Setup[] = ['now', 'former', 'none'];
const PATHS = ['SQL: into Verify insurance', 'HTTP: into Verify insurance', 'HTTP: into Prepare (finishes a phase)'] as const;
type Path = (typeof PATHS)[number];
const TRIGGERS = ['patient_case:dashboard_case', 'case_stage_change:dashboard_move'];
const MOVE = `mutation($id: ID!, $to: CaseStage!) { moveCaseStage(input: { caseId: $id, to: $to }) { id stage } }`;

async function main(): Promise<void> {
  const cleanups = new Cleanups();
  try {
    const { svc, ds, gql } = await startDemoApi('stage-writes', 'sw', cleanups);
    const move = async (id: string, to: string) => {
      const moved = await gql<{ moveCaseStage: { stage: string } }>(MOVE, { id, to });
      if (moved.moveCaseStage.stage !== to) throw new Error(`the case moved to ${moved.moveCaseStage.stage}, not ${to}`);
    };

    // One case per write, in "Choose provider", with the moves that brought it there a few weeks back.
    const per = (n: number) => Math.round(n / ROUNDS) * ROUNDS;
    const needed = SETUPS.length * (per(WRITES) + per(HTTP_WRITES) + 2 * WARM_UP * (ROUNDS + 1) + 4);
    const user = DEMO.users.harborCoordinator;
    const cases: string[] = (
      await ds.query(
        `INSERT INTO patient_case (organization_id, patient_name, question, diagnosis_in_doubt, triggers, urgency, stage, summary, lead_advocate_id, created_by_id, version, created_at, updated_at)
         SELECT $1, 'Stage Bench ' || g, 'Is the plan right?', 'To be confirmed', '{MAJOR_DIAGNOSIS}',
                (CASE WHEN g % 5 = 0 THEN 'URGENT' ELSE 'ROUTINE' END)::case_urgency, 'CHOOSE_PROVIDER', '', $2, $3, 1, now() - interval '30 days', now()
         FROM generate_series(1, $4) g RETURNING id`,
        [ORG, DEMO.users.harborAdvocate, user, needed],
      )
    ).map((r: { id: string }) => r.id);
    await ds.query(
      `INSERT INTO case_stage_change (organization_id, case_id, from_stage, to_stage, by_user_id, at)
       SELECT $1, c, m.f::case_stage, m.t::case_stage, $3, now() - (m.ago || ' days')::interval
       FROM unnest($2::uuid[]) c,
            (VALUES (NULL, 'DECIDE', 30), ('DECIDE', 'TALK_TO_DOCTOR', 27), ('TALK_TO_DOCTOR', 'GATHER_RECORDS', 24), ('GATHER_RECORDS', 'CHOOSE_PROVIDER', 10)) m(f, t, ago)`,
      [ORG, cases, user],
    );
    await ds.query(`VACUUM ANALYZE patient_case, case_stage_change, dashboard_rollup`);
    let nextCase = 0;
    const takeCases = (n: number) => {
      const out = cases.slice(nextCase, nextCase + n);
      if (out.length < n) throw new Error('the bench ran out of cases');
      nextCase += n;
      return out;
    };

    // Switching setups: the migration's down and up between `now` and `former`; `none` turns both triggers off.
    const migration = new DashboardStageMoveWriteCost1795790000000();
    let shape: Exclude<Setup, 'none'> = 'now';
    const setup = async (s: Setup) => {
      if (s !== 'none' && s !== shape) {
        const qr = ds.createQueryRunner();
        await qr.connect();
        try {
          await (s === 'former' ? migration.down(qr) : migration.up(qr));
        } finally {
          await qr.release();
        }
        shape = s;
      }
      for (const t of TRIGGERS) {
        const [tbl, name] = t.split(':');
        await ds.query(`ALTER TABLE ${tbl} ${s === 'none' ? 'DISABLE' : 'ENABLE'} TRIGGER ${name}`);
      }
    };

    const times = Object.fromEntries(SETUPS.map((s) => [s, Object.fromEntries(PATHS.map((p) => [p, [] as number[]]))])) as Record<Setup, Record<Path, number[]>>;
    const cpu = Object.fromEntries(SETUPS.map((s) => [s, Object.fromEntries(PATHS.map((p) => [p, 0]))])) as Record<Setup, Record<Path, number>>;
    const postmaster = Number(readFileSync(join(svc.work, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const batch = async (s: Setup, p: Path, ids: string[], fn: (id: string) => Promise<unknown>) => {
      const [pg0, node0] = [postgresCpuMs(postmaster), process.cpuUsage()];
      for (const id of ids) {
        const started = performance.now();
        await fn(id);
        times[s][p].push(performance.now() - started);
      }
      const node = process.cpuUsage(node0);
      cpu[s][p] += postgresCpuMs(postmaster) - pg0 + (node.user + node.system) / 1000;
    };
    const sqlMove = (id: string) =>
      ds.transaction(async (m) => {
        await m.query(`UPDATE patient_case SET stage = 'VERIFY_INSURANCE', closed_at = NULL, version = version + 1, updated_at = now() WHERE id = $1`, [id]);
        await m.query(`INSERT INTO case_stage_change (organization_id, case_id, from_stage, to_stage, by_user_id) VALUES ($1, $2, 'CHOOSE_PROVIDER', 'VERIFY_INSURANCE', $3)`, [ORG, id, user]);
      });
    const round = async (s: Setup, sqlWrites: number, httpWrites: number) => {
      await setup(s);
      for (const id of takeCases(WARM_UP)) await sqlMove(id);
      for (const id of takeCases(WARM_UP)) await move(id, 'VERIFY_INSURANCE').then(() => move(id, 'PREPARE'));
      await batch(s, 'SQL: into Verify insurance', takeCases(sqlWrites), sqlMove);
      const ids = takeCases(httpWrites);
      await batch(s, 'HTTP: into Verify insurance', ids, (id) => move(id, 'VERIFY_INSURANCE'));
      await batch(s, 'HTTP: into Prepare (finishes a phase)', ids, (id) => move(id, 'PREPARE'));
    };

    // A first pass to warm the pools and caches, then alternating rounds.
    for (const s of SETUPS) await round(s, 2, 2);
    for (const s of SETUPS) for (const p of PATHS) [times[s][p].length, cpu[s][p]] = [0, 0];
    for (let r = 0; r < ROUNDS; r++) {
      for (const s of r % 2 ? [...SETUPS].reverse() : SETUPS) await round(s, per(WRITES) / ROUNDS, per(HTTP_WRITES) / ROUNDS);
    }
    await setup('now');

    process.stdout.write(
      `\nStage moves, ${per(WRITES)} (SQL) and ${per(HTTP_WRITES)} (HTTP, each path) per setup, ${ROUNDS} alternating rounds; a case of its own per move.\n` +
        writeCostTables(PATHS, times, cpu) +
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
