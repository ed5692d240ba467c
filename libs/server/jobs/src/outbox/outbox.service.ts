import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { OutboxMessage } from './outbox-message.entity';

export interface OutboxEntry {
  queue: string;
  jobName: string;
  jobId: string;
  payload: Record<string, unknown>;
  /** Run no earlier than this (default: at once). */
  runAt?: Date;
}

/** Writes background work into the caller's transaction (see OutboxMessage). */
@Injectable()
export class OutboxService {
  async add(manager: EntityManager, entries: OutboxEntry | OutboxEntry[]): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    if (!list.length) return;
    await manager.insert(
      OutboxMessage,
      list.map((e) => ({ queue: e.queue, jobName: e.jobName, jobId: e.jobId, payload: e.payload, ...(e.runAt ? { availableAt: e.runAt } : {}) })) as QueryDeepPartialEntity<OutboxMessage>[],
    );
  }

  /**
   * Cancels pending jobs by their deterministic ids, in the caller's transaction: the relay
   * removes them from BullMQ after the commit (a rolled-back undo cancels nothing). Jobs must
   * still re-read state, since one may already be running when the removal arrives.
   */
  async remove(manager: EntityManager, jobs: { queue: string; jobId: string }[]): Promise<void> {
    if (!jobs.length) return;
    await manager.insert(
      OutboxMessage,
      jobs.map((j) => ({ queue: j.queue, jobName: 'remove', jobId: j.jobId, payload: {}, action: 'remove' as const })) as QueryDeepPartialEntity<OutboxMessage>[],
    );
  }
}
