import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface EffectMeta {
  /** The JobName doing the effect. */
  jobName: string;
  organizationId?: string | null;
}

export type EffectOutcome<T> = { done: true; result: T } | { done: false; reason: 'already-done' | 'no-longer-applies' };

/**
 * Throw from inside an effect when, re-read under the claimed key, the work no longer applies:
 * the transaction (key included) rolls back, so the same effect can still happen later.
 */
export class EffectNoLongerApplies extends Error {
  constructor(why = 'no longer applies') {
    super(why);
    this.name = 'EffectNoLongerApplies';
  }
}

/**
 * "At most once in effect" for background jobs, backed by the job_effect table.
 *
 * `once(key, meta, effect)` opens a transaction, inserts the key first and only then runs
 * `effect(tx)`; the key and everything the effect writes through `tx` commit together.
 *
 * - A database effect (in-app notifications, outbox rows for follow-up work, a state change)
 *   written through `tx` is exactly once: the key and the effect commit or roll back as one.
 * - Concurrent runs of the same key (two replicas, a stalled job handed out again) serialise
 *   on the key's unique index: the second INSERT waits for the first transaction and then
 *   sees the row (done: false) — or, if the first died or threw, takes over and runs.
 * - An external effect (SMTP) runs inside the open transaction. If the process dies or the
 *   send throws before COMMIT, the key rolls back and the retry sends: nothing is lost. The one
 *   window for a duplicate is a crash after the remote side accepted and before our COMMIT
 *   reached PostgreSQL (one round trip). So e-mail is at-least-once with at most that window
 *   for a repeat, and never "marked sent but not sent". Give such messages a Message-ID derived
 *   from the key (`messageIdFor`) so a repeat is recognisable as the same message.
 *
 * Keep external calls inside `effect` short (bounded timeouts): the transaction holds a pool
 * connection while it waits. Throw UnrecoverableError from `effect` for permanent failures.
 */
@Injectable()
export class EffectLedger {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async once<T>(key: string, meta: EffectMeta, effect: (tx: EntityManager) => Promise<T>): Promise<EffectOutcome<T>> {
    try {
      return await this.dataSource.transaction(async (tx) => {
        const claimed: unknown[] = await tx.query(
          // Without an organization of its own, the effect belongs to the job's (row-level security: TenantContext).
          `INSERT INTO job_effect (key, job_name, organization_id) VALUES ($1, $2, coalesce($3::uuid, app_organization_id())) ON CONFLICT (key) DO NOTHING RETURNING key`,
          [key, meta.jobName, meta.organizationId ?? null],
        );
        if (!claimed.length) return { done: false as const, reason: 'already-done' as const };
        return { done: true as const, result: await effect(tx) };
      });
    } catch (e) {
      if (e instanceof EffectNoLongerApplies) return { done: false, reason: 'no-longer-applies' };
      throw e;
    }
  }

  /** Whether the effect already happened (a cheap pre-check; `once` is what guarantees it). */
  async has(key: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM job_effect WHERE key = $1`, [key]);
    return rows.length > 0;
  }

  /** Which of these keys already happened, in one query (reconcile, staff view). */
  async existing(keys: string[], manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const rows: { key: string }[] = await manager.query(`SELECT key FROM job_effect WHERE key = ANY($1::varchar[])`, [keys]);
    return new Set(rows.map((r) => r.key));
  }

  /** Age-based pruning, run by the nightly maintenance job (far beyond any job's retention). */
  async prune(olderThanDays: number): Promise<number> {
    const r: [unknown[], number] = await this.dataSource.query(`DELETE FROM job_effect WHERE created_at < now() - make_interval(days => $1)`, [olderThanDays]);
    return r[1] ?? 0;
  }
}

/** A stable SMTP Message-ID for an effect key: a repeat in the crash window is the same message. */
export function messageIdFor(key: string, domain = 'second-look.local'): string {
  return `<${key.replace(/[^A-Za-z0-9._-]/g, '-')}@${domain}>`;
}
