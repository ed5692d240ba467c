/**
 * The staff case views of bench/board-scale.bench.ts (issue 20): the case list (support/case-list.ts),
 * the header's name search and a case page's first load (support/case-page.ts), each over
 * GraphQL against raw SQL in the same run, at the size the bench has just seeded.
 *
 * The GraphQL clients run on a worker thread (support/http-load.worker.cjs, as `npm run bench`
 * does it), so the API has the main thread's event loop to itself; the raw-SQL side runs on
 * the main thread while the API idles. Sides alternate first in each round.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { differences, BaselineActor } from './board-baseline';
import { baselineCaseList, caseListBody, caseListViews, CaseListData, CaseListView } from './case-list';
import { captureWaves, casePageWaves, post, replay, replayDifferences, Request, searchWaves } from './case-page';
import { captureStatements, explain, percentile, runClosedLoop, Sample, Statement, table } from './measure';

export interface ViewFigures {
  name: string;
  /** How the raw-SQL side is made: written by hand and checked, or the API's own statements replayed. */
  baseline: 'hand-written' | 'replayed';
  /** Statements per request (the whole page for a case page), at two page sizes where the view has one. */
  statements: number[];
  serial: { gql: number[]; sql: number[] };
  loaded: { gql: number[]; sql: number[] };
  plans: { sql: string; params: unknown[]; ms: number; scans: string[]; unindexed: string[]; tree: string }[];
}

export interface CaseViewsOptions {
  url: string;
  cookie: string;
  ds: DataSource;
  pool: Pool;
  /** A pool as the API's connections are: role sl_app, the coordinator's scope, so EXPLAIN plans with the row-level policies. */
  apiRolePool: Pool;
  actor: BaselineActor;
  /** A lead advocate of the organization with cases, for the advocate filter. */
  advocateId: string;
  /** Cases whose page is measured, by label. */
  cases: { name: string; id: string }[];
  /** A name to search for. */
  searchFor: string;
  concurrency: number;
  /** Time for each view's measured rounds, both sides together (ms). */
  viewMs: number;
  rounds: number;
  say: (msg: string) => void;
}

const LIST_PAGE = 20; // the list page's PAGE_SIZE (libs/web/cases/src/case-list-page.tsx)

/** The GraphQL clients' thread; each run sends `waves` (see the worker) `iterations` times. */
function httpLoad(url: string, cookie: string) {
  const worker = new Worker(join(__dirname, 'http-load.worker.cjs'), { workerData: { url, cookie, body: '{}' } });
  const run = (waves: string[][], concurrency: number, iterations: number, maxMs = Infinity) =>
    new Promise<Sample>((done, fail) => {
      worker.once('message', (m: Sample & { error?: string }) => (m.error ? fail(new Error(m.error)) : done(m)));
      worker.postMessage({ concurrency, iterations, maxMs, waves });
    });
  return { run, stop: () => worker.terminate() };
}

const bodies = (waves: Request[][]) => waves.map((w) => w.map((r) => r.body));
const isRead = (st: Statement) => /^\s*(SELECT|WITH)\b/i.test(st.sql);

export async function measureCaseViews(o: CaseViewsOptions): Promise<ViewFigures[]> {
  const http = httpLoad(o.url, o.cookie);
  const out: ViewFigures[] = [];
  try {
    const views: {
      name: string;
      baseline: ViewFigures['baseline'];
      waves: (first: number) => string[][];
      sql: () => Promise<unknown>;
      statements: () => Promise<{ counts: number[]; reads: Statement[] }>;
    }[] = [];

    for (const view of caseListViews(o.advocateId, o.searchFor)) {
      const gql = async (first: number) => ((await post(o.url, o.cookie, caseListBody(view, first))) as { cases: CaseListData }).cases;
      const diff = differences(await gql(LIST_PAGE), await baselineCaseList(o.pool, o.actor, view, LIST_PAGE));
      if (diff.length) throw new Error(`case list "${view.name}": the raw SQL baseline does not return what the API returns:\n  ${diff.join('\n  ')}`);
      views.push({
        name: `case list, ${view.name}`,
        baseline: 'hand-written',
        waves: (first) => [[caseListBody(view, first)]],
        sql: () => baselineCaseList(o.pool, o.actor, view as CaseListView, LIST_PAGE),
        statements: async () => {
          const counts: number[] = [];
          let reads: Statement[] = [];
          for (const first of [10, 100, LIST_PAGE]) {
            const seen = await captureStatements(o.ds, () => gql(first));
            counts.push(seen.length);
            reads = seen.filter(isRead);
          }
          return { counts: counts.slice(0, 2), reads };
        },
      });
    }
    const replayed = async (name: string, waves: Request[][]) => {
      await captureWaves(o.ds, o.url, o.cookie, waves); // once first: a first read's session or cache writes are not what every load sends
      const captured = await captureWaves(o.ds, o.url, o.cookie, waves);
      const diff = await replayDifferences(o.pool, captured);
      if (diff.length) throw new Error(`${name}: the replayed statements do not read what the API read:\n  ${diff.join('\n  ')}`);
      const all = captured.flat(2);
      views.push({ name, baseline: 'replayed', waves: () => bodies(waves), sql: replay(o.pool, captured), statements: async () => ({ counts: [all.length], reads: all.filter(isRead) }) });
    };
    await replayed(`name search "${o.searchFor}"`, searchWaves(o.searchFor));
    for (const c of o.cases) await replayed(`case page, ${c.name}`, casePageWaves(c.id));

    for (const v of views) {
      const { counts, reads } = await v.statements();
      const waves = v.waves(LIST_PAGE);
      // Warm-up: both sides, a few each.
      await http.run(waves, o.concurrency, o.concurrency * 3);
      await runClosedLoop(v.sql, o.concurrency, o.concurrency * 3);
      const f: ViewFigures = { name: v.name, baseline: v.baseline, statements: counts, serial: { gql: [], sql: [] }, loaded: { gql: [], sql: [] }, plans: [] };
      const slot = o.viewMs / o.rounds / 4; // serial and loaded, per side
      for (let r = 0; r < o.rounds; r++) {
        const sides: [keyof ViewFigures['serial'], (c: number, ms: number) => Promise<Sample>][] = [
          ['gql', (c, ms) => http.run(waves, c, 10_000, ms)],
          ['sql', (c, ms) => runClosedLoop(v.sql, c, 10_000, ms)],
        ];
        for (const [side, run] of r % 2 ? sides.reverse() : sides) {
          f.serial[side].push(...(await run(1, slot)).latencies);
          f.loaded[side].push(...(await run(o.concurrency, slot)).latencies);
        }
      }
      for (const st of reads) {
        const e = await explain(o.apiRolePool, st);
        // The bench fills the records' tables only: a per-case table of a few demo rows is read
        // whole because that is cheapest, not for want of an index. Planned again with
        // sequential scans priced out, a table still read whole has no index for the statement.
        const db = await o.apiRolePool.connect();
        let unindexed: string[];
        try {
          await db.query('SET enable_seqscan = off');
          unindexed = (await explain(db, st)).scans.filter((x) => x.startsWith('Seq Scan ')).map((x) => x.slice('Seq Scan '.length));
        } finally {
          await db.query('RESET enable_seqscan');
          db.release();
        }
        f.plans.push({ sql: st.sql, params: st.params, ms: e.executionMs, scans: e.scans, unindexed, tree: e.tree });
      }
      o.say(`${v.name}: ${f.serial.gql.length} + ${f.loaded.gql.length} GraphQL, ${f.serial.sql.length} + ${f.loaded.sql.length} raw SQL; ${counts.join(' / ')} statements`);
      out.push(f);
    }
    return out;
  } finally {
    await http.stop();
  }
}

/** The report of both sizes: p50/p95 per view and side, big/small, GraphQL/raw SQL, statements. */
export function caseViewsReport(small: ViewFigures[], big: ViewFigures[], concurrency: number): string {
  const p = (xs: number[], q: number) => percentile(xs, q);
  const f = (n: number) => n.toFixed(1);
  const rows: string[][] = [];
  for (const s of small) {
    const b = big.find((x) => x.name === s.name)!;
    for (const [mode, label] of [
      ['serial', 'one at a time'],
      ['loaded', `concurrency ${concurrency}`],
    ] as const) {
      for (const side of ['gql', 'sql'] as const) {
        rows.push([
          `${s.name}, ${side === 'gql' ? 'GraphQL' : `raw SQL (${s.baseline})`}, ${label}`,
          f(p(s[mode][side], 50)),
          f(p(s[mode][side], 95)),
          f(p(b[mode][side], 50)),
          f(p(b[mode][side], 95)),
          (p(b[mode][side], 95) / p(s[mode][side], 95)).toFixed(2),
          side === 'gql' ? `${(p(s[mode].gql, 95) / p(s[mode].sql, 95)).toFixed(2)} / ${(p(b[mode].gql, 95) / p(b[mode].sql, 95)).toFixed(2)}` : '',
          side === 'gql' ? `${s.statements.join('/')} ; ${b.statements.join('/')}` : '',
        ]);
      }
    }
  }
  return table(['view (ms)', 'p50 small', 'p95 small', 'p50 big', 'p95 big', 'p95 big/small', 'GraphQL/SQL p95 small / big', 'statements small ; big'], rows);
}

/**
 * Statements that may read in proportion to the organization: a sequential scan of a table the
 * bench fills, a table no index serves (see the EXPLAIN above), or over 20 ms.
 */
export function suspectPlans(figures: ViewFigures[]): string[] {
  const out = new Set<string>();
  const short = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 140);
  for (const v of figures)
    for (const pl of v.plans) {
      if (pl.scans.some((s) => /^Seq Scan (patient_case|record_request|record_request_item|packet_item|record_follow_up|audit_event)$/.test(s)) || pl.ms > 20)
        out.add(`${v.name}: ${pl.ms.toFixed(1)} ms, ${pl.scans.join(', ')}: ${short(pl.sql)}`);
      if (pl.unindexed.length) out.add(`no index for ${pl.unindexed.join(', ')}: ${short(pl.sql)}`);
    }
  return [...out];
}

export function plansText(figures: ViewFigures[]): string {
  return figures
    .map(
      (v) =>
        `### ${v.name}\n` +
        v.plans
          .map(
            (pl) =>
              `-- ${pl.ms.toFixed(2)} ms; ${pl.scans.join(', ')}${pl.unindexed.length ? `; no index for ${pl.unindexed.join(', ')}` : ''}\n${pl.sql}\n-- params: ${JSON.stringify(pl.params).slice(0, 400)}\n${pl.tree}\n`,
          )
          .join('\n'),
    )
    .join('\n');
}
