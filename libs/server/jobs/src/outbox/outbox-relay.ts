import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

export const OUTBOX_RELAY_SETTINGS = {
  batchSize: 200,
  /** How often an idle relay looks for new messages. */
  pollMs: 250,
} as const;

interface Row {
  id: string;
  queue: string;
  job_name: string;
  job_id: string;
  payload: Record<string, unknown>;
  delay_ms: number;
}

/**
 * Moves committed outbox rows into BullMQ. Several relays (worker replicas) can run at once:
 * each claims a batch with FOR UPDATE SKIP LOCKED, adds the jobs with their deterministic ids
 * (BullMQ ignores an id it already has), and marks the rows dispatched in the same
 * transaction. If the process dies after adding but before committing, the next pass adds
 * the same ids again, which changes nothing.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    if (process.env.OUTBOX_RELAY === 'off') return;
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(async () => {
      let moved = 0;
      try {
        moved = await this.drainOnce();
      } catch (e) {
        this.logger.error(`relay pass failed: ${(e as Error).message}`);
      }
      // Busy: go again at once; idle: poll.
      this.schedule(moved >= OUTBOX_RELAY_SETTINGS.batchSize ? 0 : OUTBOX_RELAY_SETTINGS.pollMs);
    }, ms);
  }

  /** One pass; returns how many messages it handed to BullMQ. Public for tests and reconcile. */
  drainOnce(): Promise<number> {
    this.running = this.dataSource.transaction(async (m) => {
      const rows: Row[] = await m.query(
        `SELECT id, queue, job_name, job_id, payload, GREATEST(0, EXTRACT(EPOCH FROM (available_at - now())) * 1000)::bigint AS delay_ms
           FROM outbox_message WHERE dispatched_at IS NULL
           ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [OUTBOX_RELAY_SETTINGS.batchSize],
      );
      if (!rows.length) return 0;
      const byQueue = new Map<string, Row[]>();
      for (const r of rows) byQueue.set(r.queue, [...(byQueue.get(r.queue) ?? []), r]);
      for (const [queueName, list] of byQueue) {
        const queue = this.moduleRef.get<Queue>(getQueueToken(queueName), { strict: false });
        await queue.addBulk(list.map((r) => ({ name: r.job_name, data: r.payload, opts: { jobId: r.job_id, delay: Number(r.delay_ms) } })));
      }
      await m.query(`UPDATE outbox_message SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
    return this.running;
  }
}
