import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, activityGroupOf, CaseEventKind, CaseStage, DomainError, DomainErrorCode, isStaffRole, kindsOfGroups } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { CaseActivity } from '@second-look/server-collaboration';
import { isUuid, PAGED_LISTS } from '@second-look/server-platform';
import { DataSource } from 'typeorm';
import { CaseActivityConnection, CaseActivityFilter, CaseActivityModel } from './case-live.model';

const cursorOf = (a: CaseActivity): string => Buffer.from(`${a.createdAt.toISOString()}|${a.id}`).toString('base64url');

export function toActivityModel(a: CaseActivity): CaseActivityModel {
  const d = a.detail ?? {};
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  return {
    id: a.id,
    kind: a.kind,
    group: activityGroupOf(a.kind),
    at: a.createdAt,
    actorId: a.actorUserId,
    entityId: a.entityId,
    staffOnly: a.staffOnly,
    fields: Array.isArray(d['fields']) ? (d['fields'] as unknown[]).filter((f): f is string => typeof f === 'string') : [],
    fromStage: (str(d['from']) as CaseStage | null) ?? null,
    toStage: (str(d['to']) as CaseStage | null) ?? null,
    itemKind: str(d['itemKind']),
    change: str(d['change']),
  };
}

/** A case's activity feed. Callers pass a case already read through the case scope. */
@Injectable()
export class CaseActivityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async page(actor: Actor, caseId: string, filter: CaseActivityFilter | null, first: number, after: string | null): Promise<CaseActivityConnection> {
    const take = Math.min(Math.max(first, 1), PAGED_LISTS['Case.activity'].max);
    const q = this.dataSource
      .getRepository(CaseActivity)
      .createQueryBuilder('a')
      .where('a.case_id = :caseId AND a.organization_id = :org', { caseId, org: actor.organizationId })
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(take + 1);
    // Staff-only lines never leave the database for a patient or caregiver.
    if (!isStaffRole(actor.role)) q.andWhere('a.staff_only = false');
    if (filter?.groups?.length) q.andWhere('a.kind IN (:...kinds)', { kinds: kindsOfGroups(filter.groups) as CaseEventKind[] });
    if (filter?.actorId) q.andWhere('a.actor_user_id = :who', { who: filter.actorId });
    if (after) {
      const [at, id] = Buffer.from(after, 'base64url').toString('utf8').split('|');
      if (!at || !isUuid(id) || Number.isNaN(Date.parse(at))) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The page cursor is not valid.', { field: 'after' });
      q.andWhere('(a.created_at, a.id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))', { at, id });
    }
    const rows = await q.getMany();
    const nodes = rows.slice(0, take);
    const last = nodes.at(-1);
    await this.audit.record(actor, { action: 'case.activity.read', entityType: 'case', entityId: caseId, caseId, detail: { lines: nodes.length } });
    return {
      nodes: nodes.map(toActivityModel),
      pageInfo: { hasNextPage: rows.length > take, endCursor: last ? cursorOf(last) : null },
    };
  }
}
