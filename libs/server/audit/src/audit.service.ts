import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, DomainError, DomainErrorCode } from '@second-look/domain';
import { currentRequestMeta } from '@second-look/server-platform';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  caseId?: string | null;
  detail?: Record<string, unknown> | null;
}

export interface AuditPage {
  nodes: AuditEvent[];
  endCursor: string | null;
  hasNextPage: boolean;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends entries for one caller. Pass the transaction's manager when the change itself
   * is transactional, so the change and its audit row commit or roll back together.
   */
  async record(actor: Pick<Actor, 'userId' | 'organizationId'> | null, entries: AuditEntry | AuditEntry[], manager?: EntityManager): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    if (list.length === 0) return;
    const meta = currentRequestMeta();
    const rows = list.map((e) => ({
      organizationId: actor?.organizationId ?? null,
      actorUserId: actor?.userId ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      caseId: e.caseId ?? null,
      detail: e.detail ?? null,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    }));
    await (manager ?? this.dataSource.manager).insert(AuditEvent, rows as QueryDeepPartialEntity<AuditEvent>[]);
  }

  /** Newest first, keyset-paginated by id, always within the caller's organisation. */
  async list(actor: Actor, filter: { caseId?: string | null; actorId?: string | null }, first: number, after?: string | null): Promise<AuditPage> {
    const take = Math.min(Math.max(first, 1), 200);
    const q = this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('a')
      .where('a.organization_id = :org', { org: actor.organizationId })
      .orderBy('a.id', 'DESC')
      .take(take + 1);
    if (filter.caseId) q.andWhere('a.case_id = :caseId', { caseId: filter.caseId });
    if (filter.actorId) q.andWhere('a.actor_user_id = :actorId', { actorId: filter.actorId });
    if (after) {
      if (!/^\d+$/.test(after)) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The cursor is not valid.', { field: 'after' });
      q.andWhere('a.id < :after', { after });
    }
    const rows = await q.getMany();
    const nodes = rows.slice(0, take);
    return { nodes, hasNextPage: rows.length > take, endCursor: nodes.length ? nodes[nodes.length - 1].id : null };
  }
}
