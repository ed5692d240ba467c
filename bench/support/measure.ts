import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';

export interface Sample {
  latencies: number[];
  wallMs: number;
}

/**
 * `iterations` calls of `fn`, `concurrency` at a time (each client starts the next when one
 * ends); no new call starts after `maxMs`, so a slow or busy machine cannot stretch the run.
 */
export async function runClosedLoop(fn: () => Promise<unknown>, concurrency: number, iterations: number, maxMs = Infinity): Promise<Sample> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < iterations && performance.now() - started < maxMs) {
      next++;
      const t0 = performance.now();
      await fn();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, iterations) }, client));
  return { latencies, wallMs: performance.now() - started };
}

export function merge(samples: Sample[]): Sample {
  return { latencies: samples.flatMap((s) => s.latencies), wallMs: samples.reduce((t, s) => t + s.wallMs, 0) };
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSecond: number;
}

export function summarise(s: Sample): Summary {
  const l = s.latencies;
  return { n: l.length, p50: percentile(l, 50), p95: percentile(l, 95), p99: percentile(l, 99), max: Math.max(...l), perSecond: (l.length / s.wallMs) * 1000 };
}

/** A plain text table; numbers get one decimal; the first column and any in `left` align left. */
export function table(head: string[], rows: (string | number)[][], left: number[] = []): string {
  const cells = [head, ...rows].map((r) => r.map((c) => (typeof c === 'number' ? c.toFixed(1) : c)));
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 0 || left.includes(i) ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export interface Statement {
  sql: string;
  params: unknown[];
  /** When the SQL was handed to the driver, and how long until its result (statements of loaders overlap). */
  startedAt?: number;
  ms?: number;
  /** How many rows the driver returned, when it returned rows. */
  rows?: number;
}

/** How long at least one of the statements was in flight (the union of their intervals). */
export function inFlightMs(statements: Statement[]): number {
  const spans = statements
    .filter((s) => s.startedAt !== undefined && s.ms !== undefined)
    .map((s) => [s.startedAt as number, (s.startedAt as number) + (s.ms as number)])
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of spans) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}

/**
 * Every statement the API sends while `fn` runs, caught where TypeORM hands SQL to the
 * driver (the same wrap as records.int-spec.ts). Run it with nothing else in flight.
 */
export async function captureStatements(ds: DataSource, fn: () => Promise<unknown>): Promise<Statement[]> {
  const seen: Statement[] = [];
  const driver = ds.driver;
  const original = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode: 'master' | 'slave') => {
    const qr = original(mode);
    const query = qr.query.bind(qr);
    qr.query = (async (sql: string, params?: unknown[], ...rest: unknown[]) => {
      const st: Statement = { sql, params: params ?? [] };
      seen.push(st);
      const started = (st.startedAt = performance.now());
      try {
        const result = await (query as (...a: unknown[]) => Promise<unknown>)(sql, params, ...rest);
        if (Array.isArray(result)) st.rows = result.length;
        return result;
      } finally {
        st.ms = performance.now() - started;
      }
    }) as typeof qr.query;
    return qr;
  };
  try {
    await fn();
  } finally {
    driver.createQueryRunner = original;
  }
  return seen;
}

/** A short name for a statement of the board request, for the tables. */
export function label(sql: string): string {
  const s = sql.replace(/\s+/g, ' ');
  if (/^INSERT INTO "?audit_event/i.test(s)) return 'audit insert';
  if (/FROM "?user_session/i.test(s)) return 'session';
  if (/FROM "?organization"?/i.test(s) && !/record_request/.test(s)) return 'org today';
  if (/FROM "?record_request"? "?r"?/i.test(s) && /GROUP BY/i.test(s)) return 'by holder';
  if (/FROM "?record_request"? "?r"?/i.test(s) && /FILTER/i.test(s)) return 'counts';
  if (/FROM "?record_request"? "?r"?/i.test(s) && /"distinctAlias"/.test(s)) return 'page ids (take + join)';
  if (/FROM "?record_request"? "?r"?/i.test(s) && /ORDER BY/i.test(s)) return 'page';
  if (/FROM "?patient_case/i.test(s)) return 'cases (loader)';
  if (/FROM "?app_user/i.test(s)) return 'users (loader)';
  if (/FROM "?record_holder/i.test(s)) return 'holders (loader)';
  if (/FROM "?record_request_item/i.test(s)) return 'items (loader)';
  if (/FROM "?record_follow_up/i.test(s)) return 'follow-ups (loader)';
  if (/FROM "?packet_item/i.test(s)) return 'packet items (loader)';
  return s.slice(0, 40);
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Total Time'?: number;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Heap Fetches'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Sort Method'?: string;
  Plans?: PlanNode[];
}

export interface Explained {
  planningMs: number;
  executionMs: number;
  sharedHit: number;
  sharedRead: number;
  /** Scans with their index, e.g. "Index Only Scan record_request_open_by_legal_due". */
  scans: string[];
  tree: string;
}

/** EXPLAIN (ANALYZE, BUFFERS) of one SELECT, summarised, with a compact plan tree. */
export async function explain(pool: Pick<Pool, 'query'> | PoolClient, st: Statement): Promise<Explained> {
  const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${st.sql}`, st.params);
  const root = rows[0]['QUERY PLAN'][0] as { Plan: PlanNode; 'Planning Time': number; 'Execution Time': number };
  const scans: string[] = [];
  const lines: string[] = [];
  const walk = (n: PlanNode, depth: number) => {
    if (/Scan/.test(n['Node Type'])) scans.push([n['Node Type'], n['Index Name'] ?? n['Relation Name']].filter(Boolean).join(' '));
    const on = [n['Relation Name'] && `on ${n['Relation Name']}`, n['Index Name'] && `using ${n['Index Name']}`].filter(Boolean).join(' ');
    const extra = [n['Heap Fetches'] !== undefined && `heap fetches ${n['Heap Fetches']}`, n['Sort Method']].filter(Boolean).join(', ');
    lines.push(
      `${'  '.repeat(depth)}-> ${n['Node Type']}${on ? ` ${on}` : ''}  (${(n['Actual Total Time'] ?? 0).toFixed(2)} ms, rows ${n['Actual Rows']} x${n['Actual Loops']}` +
        `, buffers hit ${n['Shared Hit Blocks'] ?? 0} read ${n['Shared Read Blocks'] ?? 0}${extra ? `, ${extra}` : ''})`,
    );
    for (const c of n.Plans ?? []) walk(c, depth + 1);
  };
  walk(root.Plan, 0);
  return {
    planningMs: root['Planning Time'],
    executionMs: root['Execution Time'],
    sharedHit: root.Plan['Shared Hit Blocks'] ?? 0,
    sharedRead: root.Plan['Shared Read Blocks'] ?? 0,
    scans: [...new Set(scans)],
    tree: lines.join('\n'),
  };
}

/** CPU time (user + system) of a PostgreSQL server so far: the postmaster and its children, from /proc. */
const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());
export function postgresCpuMs(postmaster: number): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // After "pid (name) ": state, ppid, ... utime, stime, cutime, cstime are fields 14-17 of
    // stat(5). The postmaster's cutime and cstime hold the children that have exited (an
    // autovacuum worker), so their CPU is neither lost nor counted twice.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(entry) === postmaster) ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    else if (Number(f[1]) === postmaster) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks * TICK_MS;
}

/** The three setups a write-cost bench switches between: as shipped, before its migration, no rollup trigger. */
export type WriteSetup = 'now' | 'former' | 'none';

/**
 * A write-cost bench's two tables: each path's median (and p95) wall time per setup, and its CPU
 * per write (`cpu`: ms summed over the path's batches), each against `none`.
 */
export function writeCostTables<P extends string>(paths: readonly P[], times: Record<WriteSetup, Record<P, number[]>>, cpu: Record<WriteSetup, Record<P, number>>): string {
  const setups: WriteSetup[] = ['now', 'former', 'none'];
  const med = (s: WriteSetup, p: P) => percentile(times[s][p], 50);
  const perWrite = (s: WriteSetup, p: P) => cpu[s][p] / times[s][p].length;
  const ratio = (a: number, b: number) => `${a >= b ? '+' : ''}${((a / b - 1) * 100).toFixed(0)}%`;
  const head = ['path', ...setups, 'now vs none', 'former vs none'];
  return (
    `Wall time, median ms (p95 ms):\n\n` +
    table(
      head,
      paths.map((p) => [p, ...setups.map((s) => `${med(s, p).toFixed(2)} (${percentile(times[s][p], 95).toFixed(1)})`), ratio(med('now', p), med('none', p)), ratio(med('former', p), med('none', p))]),
      [0],
    ) +
    `\n\nCPU per write, ms (PostgreSQL's processes and this one's, summed over the batches):\n\n` +
    table(
      head,
      paths.map((p) => [p, ...setups.map((s) => perWrite(s, p).toFixed(2)), ratio(perWrite('now', p), perWrite('none', p)), ratio(perWrite('former', p), perWrite('none', p))]),
      [0],
    )
  );
}
