import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@second-look/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CaseActivity } from './case-activity.entity';
import { caseChannel, CaseEventMessage, PublishCaseEvent } from './case-event';
import { RedisPubSub } from './redis-pubsub';
import { RecentWrites } from '@second-look/server-platform';

type CaseRef = { id: string; organizationId: string } | { caseId: string; organizationId: string };

/**
 * The one way a service tells everyone on a case that something changed.
 *
 *   await this.events.publish(m, actor, kase, { kind: CaseEventKind.COMMENT_ADDED, entityId: comment.id, staffOnly: comment.internal });
 *
 * Inside a transaction (pass its manager) the activity line is written in that transaction
 * and the live event goes out only after COMMIT (a TypeORM transaction subscriber), so nobody
 * is told about a change that was rolled back, and a receiver who re-reads finds it.
 * Without a transaction both happen at once.
 */
@Injectable()
export class CaseEventsPublisher implements EntitySubscriberInterface {
  private readonly log = new Logger('CaseEventsPublisher');
  private readonly afterCommit = new WeakMap<QueryRunner, CaseEventMessage[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pubsub: RedisPubSub,
    @Optional() private readonly recent?: RecentWrites,
  ) {
    // Registered at runtime (not in the data source options) so the worker and CLI, which never publish, stay as they are.
    this.dataSource.subscribers.push(this);
  }

  async publish(manager: EntityManager | null, actor: Pick<Actor, 'userId'> | null, kase: CaseRef, event: PublishCaseEvent): Promise<CaseEventMessage> {
    const [message] = await this.publishMany(manager, actor, [{ kase, event }]);
    return message!;
  }

  /**
   * publish for many cases at once (a client import's new cases): one INSERT for every activity
   * line, the live events after COMMIT as one by one.
   */
  async publishMany(manager: EntityManager | null, actor: Pick<Actor, 'userId'> | null, items: readonly { kase: CaseRef; event: PublishCaseEvent }[]): Promise<CaseEventMessage[]> {
    const at = new Date().toISOString();
    const messages = items.map(({ kase, event }): CaseEventMessage & { activity: boolean } => ({
      id: randomUUID(),
      caseId: 'caseId' in kase ? kase.caseId : kase.id,
      organizationId: kase.organizationId,
      kind: event.kind,
      entityId: event.entityId ?? null,
      staffOnly: event.staffOnly ?? false,
      removed: event.removed ?? false,
      actorId: actor?.userId ?? null,
      at,
      detail: event.detail ?? null,
      activity: event.activity !== false,
    }));
    // Before COMMIT: colleagues who re-read on this event read the primary, not a replica behind it.
    for (const organizationId of new Set(messages.map((mm) => mm.organizationId))) await this.recent?.mark(organizationId).catch(() => undefined);
    const m = manager ?? this.dataSource.manager;
    const lines = messages.filter((mm) => mm.activity);
    if (lines.length) {
      await m.insert(
        CaseActivity,
        lines.map((message) => ({
          id: message.id,
          organizationId: message.organizationId,
          caseId: message.caseId,
          actorUserId: message.actorId,
          kind: message.kind,
          entityId: message.entityId,
          staffOnly: message.staffOnly,
          detail: message.detail as QueryDeepPartialEntity<CaseActivity>['detail'],
        })),
      );
    }
    const sent = messages.map(({ activity: _activity, ...message }): CaseEventMessage => message);
    const runner = manager?.queryRunner;
    if (runner?.isTransactionActive) {
      const list = this.afterCommit.get(runner) ?? [];
      list.push(...sent);
      this.afterCommit.set(runner, list);
    } else {
      for (const message of sent) await this.send(message);
    }
    return sent;
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A nested transaction (savepoint) also "commits": wait for the outermost COMMIT.
    if (event.queryRunner.isTransactionActive) return;
    const list = this.afterCommit.get(event.queryRunner);
    if (!list) return;
    this.afterCommit.delete(event.queryRunner);
    // Not awaited: the caller's answer should not wait on Redis; a failure is logged, and every
    // client re-syncs on its next (re)subscribe anyway.
    for (const m of list) void this.send(m);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (event.queryRunner.isTransactionActive) return; // only a savepoint rolled back; the outer work may still commit
    this.afterCommit.delete(event.queryRunner);
  }

  private async send(message: CaseEventMessage): Promise<void> {
    try {
      await this.pubsub.publish(caseChannel(message.caseId), message);
    } catch (e) {
      this.log.warn(`could not publish ${message.kind} for case ${message.caseId}: ${String(e)}`);
    }
  }
}
