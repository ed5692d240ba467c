import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, CaseEventKind, DomainError, DomainErrorCode, isStaffRole } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { CaseEventsPublisher } from '@second-look/server-collaboration';
import { DomainEvents, domainEvent, GqlContext, perRequest } from '@second-look/server-platform';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import type { PatientCase } from '../case/patient-case.entity';
import { CaseAccessService } from '../case/case-access.service';
import { CaseComment } from './case-comment.entity';

/** A comment was added; its handlers run inside that transaction (e.g. notifications for @mentions). */
export const CommentAddedEvent = domainEvent<{ actor: Actor; comment: CaseComment; kase: PatientCase }>('comment.added');

@Injectable()
export class CommentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly events: CaseEventsPublisher,
    private readonly domainEvents: DomainEvents,
  ) {}

  /** One comment of a case the caller already read through the case scope; internal ones for staff only. */
  async findVisible(actor: Actor, caseId: string, id: string): Promise<CaseComment | null> {
    const q = this.dataSource
      .getRepository(CaseComment)
      .createQueryBuilder('cm')
      .where('cm.id = :id AND cm.case_id = :caseId AND cm.organization_id = :org', { id, caseId, org: actor.organizationId });
    if (!isStaffRole(actor.role)) q.andWhere('cm.internal = false');
    return q.getOne();
  }

  /**
   * Comments of many cases in one query. Internal comments are filtered out in SQL for
   * anyone who is not staff, so they never leave the database for a patient or caregiver.
   * Callers pass only case ids they already read through the case scope.
   */
  loader(ctx: GqlContext, actor: Actor): DataLoader<string, CaseComment[]> {
    return perRequest(
      ctx,
      'comments',
      () =>
        new DataLoader<string, CaseComment[]>(async (caseIds) => {
          const q = this.dataSource
            .getRepository(CaseComment)
            .createQueryBuilder('cm')
            .where('cm.case_id IN (:...caseIds) AND cm.organization_id = :org', { caseIds: [...caseIds], org: actor.organizationId })
            .orderBy('cm.created_at', 'ASC')
            .addOrderBy('cm.id', 'ASC');
          if (!isStaffRole(actor.role)) q.andWhere('cm.internal = false');
          const rows = await q.getMany();
          return caseIds.map((id) => rows.filter((r) => r.caseId === id));
        }),
    );
  }

  async add(actor: Actor, caseId: string, body: string, internal: boolean): Promise<CaseComment> {
    return this.dataSource.transaction(async (m) => {
      const { kase, can } = await this.access.require(actor, caseId, 'comment', m);
      if (internal && !can.internal) {
        throw new DomainError(DomainErrorCode.FORBIDDEN, 'Only staff can write internal notes.', { field: 'internal' });
      }
      const comment = await m.save(m.create(CaseComment, { caseId: kase.id, organizationId: kase.organizationId, authorId: actor.userId, body: body.trim(), internal }));
      await this.audit.record(actor, { action: 'comment.create', entityType: 'comment', entityId: comment.id, caseId: kase.id, detail: { internal } }, m);
      await this.domainEvents.emit(m, CommentAddedEvent, { actor, comment, kase });
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.COMMENT_ADDED, entityId: comment.id, staffOnly: internal });
      return comment;
    });
  }
}
