import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, REDIS } from '@second-look/server-platform';
import Redis from 'ioredis';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { EffectLedger } from '../ledger/effect-ledger';
import { JobSourceRegistry } from './job-sources';

/** How far back reconcile still re-creates work whose moment passed while Redis was gone. */
export const RECONCILE_LOOKBACK_DAYS = 3;
const PAGE = 1000;

export interface ReconcileReport {
  /** Distinct job ids the outbox says should exist (added, not cancelled, not yet done). */
  expected: number;
  /** Of those, re-created in Redis because Redis did not have them. */
  recreated: number;
  /** Jobs Redis still had although an undo cancelled them. */
  removed: number;
  /** Skipped because the ledger says their effect already happened. */
  alreadyDone: number;
}

interface Latest {
  queue: string;
  job_id: string;
  job_name: string;
  payload: Record<string, unknown>;
  available_at: Date;
  action: 'add' | 'remove';
}

/**
 * Rebuilds Redis from PostgreSQL. The outbox remembers every job decided in a transaction
 * (and every cancellation); for each job id, its latest row says whether the job should exist.
 * Reconcile walks those, skips work whose effect the ledger already has (ledger key = job id),
 * adds what Redis lacks under the same deterministic id (so running it twice, or alongside the
 * relay, adds nothing twice), and removes jobs Redis kept although they were cancelled.
 * Safe to run at any time, from any number of processes; the worker runs it at start, and
 * `cli.js reconcile-jobs` runs it by hand (e.g. after Redis lost its data).
 *
 * `rescanOrganization` is the other half: the job sources re-derive from the domain tables
 * what should be scheduled, for work the outbox never heard of (see JobSource).
 */
@Injectable()
export class JobReconciler {
  private readonly logger = new Logger(JobReconciler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly clock: Clock,
    private readonly ledger: EffectLedger,
    private readonly sources: JobSourceRegistry,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  private queue(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  async reconcile(): Promise<ReconcileReport> {
    const report: ReconcileReport = { expected: 0, recreated: 0, removed: 0, alreadyDone: 0 };
    const since = new Date(this.clock.now().getTime() - RECONCILE_LOOKBACK_DAYS * 86_400_000);
    let after: [string, string] = ['', ''];
    for (;;) {
      const rows: Latest[] = await this.dataSource.query(
        `SELECT DISTINCT ON (queue, job_id) queue, job_id, job_name, payload, available_at, action
           FROM outbox_message
          WHERE (queue, job_id) > ($1, $2) AND (available_at > $3 OR action = 'remove')
          ORDER BY queue, job_id, id DESC
          LIMIT $4`,
        [after[0], after[1], since, PAGE],
      );
      const last = rows.at(-1);
      if (!last) break;
      after = [last.queue, last.job_id];
      await this.reconcilePage(rows, report);
      if (rows.length < PAGE) break;
    }
    this.logger.log(`reconcile: ${report.expected} expected, ${report.recreated} re-created, ${report.removed} removed, ${report.alreadyDone} already done`);
    return report;
  }

  private async reconcilePage(rows: Latest[], report: ReconcileReport): Promise<void> {
    const done = await this.ledger.existing(rows.filter((r) => r.action === 'add').map((r) => r.job_id));
    const byQueue = new Map<string, Latest[]>();
    // A cancellation counts whenever it was written; only old additions are left behind.
    for (const r of rows) byQueue.set(r.queue, [...(byQueue.get(r.queue) ?? []), r]);
    const now = this.clock.now().getTime();
    for (const [name, list] of byQueue) {
      const queue = this.queue(name);
      const pipeline = this.redis.pipeline();
      for (const r of list) pipeline.exists(queue.toKey(r.job_id));
      const present = ((await pipeline.exec()) ?? []).map(([, v]) => v === 1);
      const toAdd: Latest[] = [];
      for (const [i, r] of list.entries()) {
        if (r.action === 'remove') {
          if (present[i] && (await queue.remove(r.job_id).catch(() => 0))) report.removed++;
          continue;
        }
        if (done.has(r.job_id)) {
          report.alreadyDone++;
          continue;
        }
        report.expected++;
        if (!present[i]) toAdd.push(r);
      }
      if (toAdd.length) {
        await queue.addBulk(toAdd.map((r) => ({ name: r.job_name, data: r.payload, opts: { jobId: r.job_id, delay: Math.max(0, new Date(r.available_at).getTime() - now), timestamp: now } })));
        report.recreated += toAdd.length;
      }
    }
  }

  /** rescanOrganization for every organization, one after the other; answers the rows written. */
  async rescanAll(): Promise<number> {
    const orgs: { id: string }[] = await this.dataSource.query(`SELECT id FROM organization ORDER BY id`);
    let written = 0;
    for (const o of orgs) written += await this.rescanOrganization(o.id);
    this.logger.log(`re-scan: ${written} job(s) filled in across ${orgs.length} organization(s)`);
    return written;
  }

  /** Every job source fills the organization's gaps into the outbox (the relay then enqueues). */
  async rescanOrganization(organizationId: string): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      let written = 0;
      for (const source of this.sources.all()) written += await source.rescan(m, organizationId);
      return written;
    });
  }
}
