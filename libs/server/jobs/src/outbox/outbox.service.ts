import { Injectable } from '@nestjs/common';
import { Clock } from '@second-look/server-platform';
import { EntityManager } from 'typeorm';

export interface OutboxEntry {
  queue: string;
  jobName: string;
  jobId: string;
  payload: Record<string, unknown>;
  /** Run no earlier than this (default: at once). */
  runAt?: Date;
  /**
   * What the job is about (a record request's id for its reminders). Give it for delayed work
   * that an undo must cancel; `cancelPending` finds the jobs by it.
   */
  subjectId?: string;
}

/**
 * Writes background work into the caller's transaction (see OutboxMessage). The outbox also
 * remembers every delayed job still to come (rows are pruned only once their moment is past),
 * which is what JobReconciler rebuilds Redis from.
 */
@Injectable()
export class OutboxService {
  constructor(private readonly clock: Clock) {}

  async add(manager: EntityManager, entries: OutboxEntry | OutboxEntry[]): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    await this.write(
      manager,
      list.map((e) => ({ ...e, action: 'add' as const })),
    );
  }

  /**
   * Cancels pending jobs by their deterministic ids, in the caller's transaction: the relay
   * removes them from BullMQ after the commit (a rolled-back undo cancels nothing). Jobs must
   * still re-read state, since one may already be running when the removal arrives.
   */
  async remove(manager: EntityManager, jobs: { queue: string; jobId: string; subjectId?: string }[]): Promise<void> {
    const now = this.clock.now();
    await this.write(
      manager,
      jobs.map((j) => ({ queue: j.queue, jobName: 'remove', jobId: j.jobId, payload: {}, subjectId: j.subjectId, runAt: now, action: 'remove' as const })),
    );
  }

  /**
   * One statement with array parameters: a burst of work (a settings change rescheduling every
   * open request) costs one round trip and no per-row ORM work. Each message's id also goes
   * into outbox_pending, the relay's work queue.
   */
  private async write(manager: EntityManager, list: (OutboxEntry & { action: 'add' | 'remove' })[]): Promise<void> {
    if (!list.length) return;
    await manager.query(
      `WITH written AS (
         INSERT INTO outbox_message (queue, job_name, job_id, payload, subject_id, available_at, action)
         SELECT q, n, j, p, s, COALESCE(a, now()), x
           FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::jsonb[], $5::varchar[], $6::timestamptz[], $7::varchar[]) AS t(q, n, j, p, s, a, x)
         RETURNING id)
       INSERT INTO outbox_pending (id) SELECT id FROM written`,
      [
        list.map((e) => e.queue),
        list.map((e) => e.jobName),
        list.map((e) => e.jobId),
        list.map((e) => JSON.stringify(e.payload)),
        list.map((e) => e.subjectId ?? null),
        list.map((e) => e.runAt ?? null),
        list.map((e) => e.action),
      ],
    );
  }

  /**
   * Cancels every job still to come for these subjects on a queue (request received, case
   * closed, dates moved before rescheduling). Returns how many removals it wrote. Call it
   * before scheduling the replacements in the same transaction: rows apply in order, so a
   * job id that is both cancelled and re-added stays.
   */
  async cancelPending(manager: EntityManager, queue: string, subjectIds: string[]): Promise<number> {
    if (!subjectIds.length) return 0;
    const rows: { job_id: string; subject_id: string }[] = await manager
      .query(
        `SELECT DISTINCT ON (job_id) job_id, subject_id, action FROM outbox_message
        WHERE queue = $1 AND subject_id = ANY($2::varchar[]) AND available_at > $3::timestamptz - interval '1 day'
        ORDER BY job_id, id DESC`,
        [queue, subjectIds, this.clock.now()],
      )
      .then((r: { job_id: string; subject_id: string; action: string }[]) => r.filter((x) => x.action === 'add'));
    await this.remove(
      manager,
      rows.map((r) => ({ queue, jobId: r.job_id, subjectId: r.subject_id })),
    );
    return rows.length;
  }
}
