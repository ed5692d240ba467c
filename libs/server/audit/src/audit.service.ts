import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, DomainError, DomainErrorCode, SECURITY_ACTION_PREFIXES } from '@second-look/domain';
import { PAGED_LISTS, RequestMeta, requestMetaOf } from '@second-look/server-platform';
import { DataSource, EntityManager } from 'typeorm';
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
   * Where the request came from is bound to the actor (bindRequestMeta); pass `meta` only
   * when there is no actor yet (a failed sign-in).
   */
  async record(actor: Pick<Actor, 'userId' | 'organizationId'> | null, entries: AuditEntry | AuditEntry[], manager?: EntityManager, meta: RequestMeta = requestMetaOf(actor)): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    if (list.length === 0) return;
    // One statement for any number of entries, as plain SQL: the board audits a row per
    // request it lists, and building that insert through the query builder cost more than
    // running it. Without an actor (a job's own entry) the row belongs to the organization the
    // work runs for, if any (row-level security: TenantContext).
    await (manager ?? this.dataSource.manager).query(
      `INSERT INTO audit_event (organization_id, actor_user_id, action, entity_type, entity_id, case_id, detail, ip, user_agent)
       SELECT coalesce($1::uuid, app_organization_id()), $2, x.action, x.entity_type, x.entity_id, x.case_id, x.detail, $3, $4
       FROM unnest($5::varchar[], $6::varchar[], $7::varchar[], $8::uuid[], $9::jsonb[]) AS x(action, entity_type, entity_id, case_id, detail)`,
      [
        actor?.organizationId ?? null,
        actor?.userId ?? null,
        meta.ip,
        meta.userAgent?.slice(0, 300) ?? null,
        list.map((e) => e.action),
        list.map((e) => e.entityType),
        list.map((e) => e.entityId ?? null),
        list.map((e) => e.caseId ?? null),
        list.map((e) => (e.detail ? JSON.stringify(e.detail) : null)),
      ],
    );
  }

  /** Newest first, keyset-paginated by id, always within the caller's organization. */
  async list(
    actor: Actor,
    filter: { caseId?: string | null; actorId?: string | null; securityOnly?: boolean | null; deniedOnly?: boolean | null },
    first: number,
    after?: string | null,
  ): Promise<AuditPage> {
    const take = Math.min(Math.max(first, 1), PAGED_LISTS['Query.auditEvents'].max);
    const q = this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('a')
      .where('a.organization_id = :org', { org: actor.organizationId })
      .orderBy('a.id', 'DESC')
      .take(take + 1);
    if (filter.caseId) q.andWhere('a.case_id = :caseId', { caseId: filter.caseId });
    if (filter.actorId) q.andWhere('a.actor_user_id = :actorId', { actorId: filter.actorId });
    if (filter.securityOnly) {
      // Exact actions and prefixes ("auth." …), as LIKE patterns with their own wildcards escaped.
      const patterns = SECURITY_ACTION_PREFIXES.map((p) => p.replace(/[\\%_]/g, (c) => `\\${c}`) + (p.endsWith('.') ? '%' : ''));
      q.andWhere('a.action LIKE ANY(:patterns)', { patterns });
    }
    if (filter.deniedOnly) q.andWhere(`(a.action = 'access.denied' OR a.action LIKE 'access.denied.%')`);
    if (after) {
      if (!/^\d+$/.test(after)) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The cursor is not valid.', { field: 'after' });
      q.andWhere('a.id < :after', { after });
    }
    const rows = await q.getMany();
    const nodes = rows.slice(0, take);
    return { nodes, hasNextPage: rows.length > take, endCursor: nodes.at(-1)?.id ?? null };
  }
}
