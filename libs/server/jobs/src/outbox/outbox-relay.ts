import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, describeSafely } from '@second-look/server-platform';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

export const OUTBOX_RELAY_SETTINGS = {
  batchSize: 500,
  /** How often an idle relay looks for new messages. */
  pollMs: 250,
  /**
   * Concurrent drain loops per worker. SKIP LOCKED gives each its own batch, so while one
   * waits on PostgreSQL another is pushing to Redis: under a burst the relay keeps up with
   * plain addBulk instead of alternating between the two.
   */
  lanes: 2,
} as const;

interface Row {
  id: string;
  queue: string;
  job_name: string;
  job_id: string;
  payload: Record<string, unknown>;
  available_at: Date;
  action: 'add' | 'remove';
}

/**
 * Moves committed outbox rows into BullMQ. Several relays (worker replicas) can run at once:
 * each claims a batch from outbox_pending with FOR UPDATE SKIP LOCKED, adds the jobs with
 * their deterministic ids (BullMQ ignores an id it already has), and commits the claim, which
 * also marks the rows dispatched, only after Redis has them. If the process dies after adding
 * but before committing, the next pass adds the same ids again, which changes nothing.
 *
 * Rows are applied in id order within a batch, so "add, then remove" leaves no job and
 * "remove, then add" (a reminder rescheduled under the same id) leaves one. Across batches
 * (two lanes, two replicas) the order is best effort: a removal may overtake its addition.
 * That is safe because every job re-reads state and no-ops, and reconcile removes a job whose
 * latest outbox row is a removal. A delayed job's timestamp is the
 * injectable clock's now, so its due moment in Redis is exactly `available_at` on that clock
 * (which the dev/test clock relies on; in production the clock is the wall clock).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<number>>();
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (process.env.OUTBOX_RELAY === 'off') return;
    for (let lane = 0; lane < OUTBOX_RELAY_SETTINGS.lanes; lane++) this.schedule(lane * 50);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    await Promise.allSettled([...this.running]);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    const timer: NodeJS.Timeout = setTimeout(async () => {
      this.timers.delete(timer);
      let moved = 0;
      try {
        moved = await this.drainOnce();
      } catch (e) {
        this.logger.error(`relay pass failed: ${describeSafely(e)}`);
      }
      // Busy: go again at once; idle: poll.
      this.schedule(moved >= OUTBOX_RELAY_SETTINGS.batchSize ? 0 : OUTBOX_RELAY_SETTINGS.pollMs);
    }, ms);
    this.timers.add(timer);
  }

  private queue(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  /** One pass; returns how many messages it handed to BullMQ. Public for tests and reconcile. */
  drainOnce(batchSize: number = OUTBOX_RELAY_SETTINGS.batchSize): Promise<number> {
    const pass = this.dataSource.transaction(async (m) => {
      // Claim a batch by taking its ids off the pending queue; the deletions hold it until the
      // commit (other relays skip it) and a failed add to Redis rolls back, leaving it pending.
      // Marking the messages dispatched touches no indexed column: an in-place (HOT) update.
      const [claimed]: [Row[], number] = await m.query(
        `WITH claimed AS (
           DELETE FROM outbox_pending WHERE id IN (
             SELECT id FROM outbox_pending ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
           RETURNING id)
         UPDATE outbox_message o SET dispatched_at = now() FROM claimed WHERE o.id = claimed.id
         RETURNING o.id, o.queue, o.job_name, o.job_id, o.payload, o.available_at, o.action`,
        [batchSize],
      );
      const rows = claimed.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
      if (!rows.length) return 0;
      const now = this.clock.now().getTime();
      // Consecutive rows with the same queue and action go to Redis together, in id order.
      const runs: Array<{ queue: string; action: Row['action']; rows: Row[] }> = [];
      for (const r of rows) {
        const last = runs.at(-1);
        if (last && last.queue === r.queue && last.action === r.action) last.rows.push(r);
        else runs.push({ queue: r.queue, action: r.action, rows: [r] });
      }
      for (const { queue: queueName, action, rows: run } of runs) {
        const queue = this.queue(queueName);
        if (action === 'remove') {
          // 0 when the job is running (locked) or gone: a running job re-reads state and no-ops.
          for (const r of run) await queue.remove(r.job_id).catch(() => 0);
        } else {
          await queue.addBulk(
            run.map((r) => {
              const delay = Math.max(0, new Date(r.available_at).getTime() - now);
              return { name: r.job_name, data: r.payload, opts: { jobId: r.job_id, delay, timestamp: now } };
            }),
          );
        }
      }
      return rows.length;
    });
    this.running.add(pass);
    void pass.finally(() => this.running.delete(pass)).catch(() => undefined);
    return pass;
  }

  /** Drains until nothing is pending, in `lanes` concurrent loops (tests, benchmark). */
  async drainAll(lanes: number = OUTBOX_RELAY_SETTINGS.lanes): Promise<number> {
    const lane = async () => {
      let total = 0;
      for (;;) {
        const n = await this.drainOnce();
        total += n;
        if (n < OUTBOX_RELAY_SETTINGS.batchSize) return total;
      }
    };
    const totals = await Promise.all(Array.from({ length: lanes }, lane));
    return totals.reduce((a, b) => a + b, 0);
  }
}
