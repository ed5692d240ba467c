import { Injectable, OnModuleInit } from '@nestjs/common';
import { Actor, findMentions, STAFF_ROLES } from '@second-look/domain';
import { CaseComment, CaseParticipant, CommentAddedEvent, PatientCase } from '@second-look/server-cases';
import { DomainEvents } from '@second-look/server-platform';
import { UserAccount } from '@second-look/server-identity';
import { EntityManager, In, IsNull } from 'typeorm';
import { Notification } from './notification.entity';

export const MENTION_KIND = 'comment.MENTION';

/**
 * "@Sam" in a comment notifies Sam, in the transaction that adds the comment. Only people who
 * can read that comment can be mentioned: the organization's staff always, the case's patient
 * and caregivers only in a shared comment, so an internal note never notifies (or reveals
 * itself to) a patient. One notification per person per comment (unique key).
 */
@Injectable()
export class MentionNotifier implements OnModuleInit {
  constructor(private readonly domainEvents: DomainEvents) {}

  onModuleInit(): void {
    this.domainEvents.on(CommentAddedEvent, async (m, { actor, comment, kase }) => {
      await this.notify(m, actor, comment, kase);
    });
  }

  async notify(m: EntityManager, actor: Actor, comment: CaseComment, kase: PatientCase): Promise<string[]> {
    if (!comment.body.includes('@')) return [];
    const staff = await m.getRepository(UserAccount).find({
      where: { organizationId: kase.organizationId, role: In([...STAFF_ROLES]), deactivatedAt: IsNull() },
      select: { id: true, displayName: true },
    });
    const sharedWith = comment.internal
      ? []
      : await m
          .getRepository(UserAccount)
          .createQueryBuilder('u')
          .innerJoin(CaseParticipant, 'p', 'p.user_id = u.id AND p.role = u.role')
          .where('p.case_id = :caseId AND u.organization_id = :org AND u.deactivated_at IS NULL', { caseId: kase.id, org: kase.organizationId })
          .select(['u.id', 'u.displayName'])
          .getMany();
    const ids = findMentions(comment.body, [...staff, ...sharedWith], actor.userId);
    if (!ids.length) return [];
    await m
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .orIgnore()
      .values(ids.map((userId) => ({ key: `${MENTION_KIND}:${comment.id}:${userId}`, organizationId: kase.organizationId, userId, kind: MENTION_KIND, caseId: kase.id })))
      .execute();
    return ids;
  }
}
