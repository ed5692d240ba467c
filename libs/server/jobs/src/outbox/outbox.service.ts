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
}
