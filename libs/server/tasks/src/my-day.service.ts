import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  CalendarDate,
  CaseStage,
  DomainError,
  DomainErrorCode,
  dueUrgency,
  InsuranceOutcome,
  isStaffRole,
  MyDayItemKind,
  MyDayUrgency,
  recordRequestDue,
  Role,
  sortMyDay,
  visitThisWeek,
} from '@second-look/domain';
import { Appointment, CaseQuestion, orgTodayOf, orgZone, visitDateOf } from '@second-look/server-appointments';
import { AuditService } from '@second-look/server-audit';
import { PatientCase } from '@second-look/server-cases';
import { UserAccount } from '@second-look/server-identity';
import { InsuranceCall } from '@second-look/server-insurance';
import { Clock, isUuid } from '@second-look/server-platform';
import { RecordHolder, RecordRequest, RecordRequestItem } from '@second-look/server-records';
import { Brackets, DataSource, EntityManager, In, IsNull, SelectQueryBuilder } from 'typeorm';
import { CaseTask } from './case-task.entity';
import { MyDayItemModel, MyDayModel } from './my-day.model';

/** A mention notification (the notifications library owns the entity and depends on this one, so it is read by name). */
interface MentionRow {
  id: string;
  caseId: string | null;
  createdAt: Date;
}
const MENTION_KIND = 'comment.MENTION';

const blank = (): Omit<MyDayItemModel, 'key' | 'kind' | 'urgency' | 'on' | 'caseId' | 'patientName' | 'leadAdvocateName'> => ({
  taskId: null,
  taskTitle: null,
  recordRequestId: null,
  holderName: null,
  recordClock: null,
  outstandingItemIds: [],
  appointmentId: null,
  notificationId: null,
});

/**
 * My day (docs/domain.md, "My day"): what is overdue or due today across the cases a staff
 * member leads (and the tasks given to them anywhere), with what each item's action needs.
 * Coordinators and admins see the whole organization, or one advocate's day.
 */
@Injectable()
export class MyDayService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Advocates always get their own day; coordinators and admins choose an advocate or the whole organization. */
  private async whose(m: EntityManager, actor: Actor, advocateId: string | null | undefined): Promise<string | null> {
    if (actor.role === Role.ADVOCATE) return actor.userId;
    if (!advocateId) return null;
    const found = isUuid(advocateId) && (await m.existsBy(UserAccount, { id: advocateId, organizationId: actor.organizationId }));
    if (!found) throw new DomainError(DomainErrorCode.NOT_FOUND, 'Person not found.');
    return advocateId;
  }

  async myDay(actor: Actor, advocateId?: string | null): Promise<MyDayModel> {
    if (!isStaffRole(actor.role)) throw new DomainError(DomainErrorCode.FORBIDDEN, 'My day is for staff.');
    const m = this.dataSource.manager;
    const who = await this.whose(m, actor, advocateId);
    const today = await orgTodayOf(m, this.clock, actor.organizationId);
    const cases = (alias: string) => {
      const q = m.getRepository(PatientCase).createQueryBuilder(alias).where(`${alias}.organization_id = :org AND ${alias}.stage <> :closed`, { org: actor.organizationId, closed: CaseStage.CLOSED });
      return who ? q.andWhere(`${alias}.lead_advocate_id = :who`, { who }) : q;
    };
    const [requests, tasks, visits, mentions] = await Promise.all([this.requests(m, cases, today), this.tasks(m, actor, who, today), this.visits(m, actor, cases, today), this.mentions(m, actor)]);
    const caseIds = [...new Set([...requests, ...tasks, ...visits, ...mentions].map((i) => i.caseId))];
    const names = await this.caseNames(m, actor, caseIds);
    const items = sortMyDay([...requests, ...tasks, ...visits, ...mentions].filter((i) => names.has(i.caseId)).map((i) => ({ ...i, ...names.get(i.caseId)! })));
    await this.audit.record(actor, { action: 'my_day.read', entityType: 'user', entityId: who ?? actor.organizationId, detail: { items: items.length, cases: names.size } });
    return { today, advocateId: who, items, overdueCount: items.filter((i) => i.urgency === MyDayUrgency.OVERDUE).length };
  }

  private async caseNames(m: EntityManager, actor: Actor, ids: string[]): Promise<Map<string, { patientName: string; leadAdvocateName: string | null }>> {
    if (!ids.length) return new Map();
    const rows = await m
      .getRepository(PatientCase)
      .createQueryBuilder('c')
      .leftJoin(UserAccount, 'u', 'u.id = c.lead_advocate_id')
      .where('c.id IN (:...ids) AND c.organization_id = :org AND c.stage <> :closed', { ids, org: actor.organizationId, closed: CaseStage.CLOSED })
      .select(['c.id AS id', 'c.patient_name AS "patientName"', 'u.display_name AS "leadAdvocateName"'])
      .getRawMany<{ id: string; patientName: string; leadAdvocateName: string | null }>();
    return new Map(rows.map((r) => [r.id, { patientName: r.patientName, leadAdvocateName: r.leadAdvocateName }]));
  }

  private async requests(m: EntityManager, cases: (alias: string) => SelectQueryBuilder<PatientCase>, today: CalendarDate) {
    const caseQ = cases('rc').select('rc.id');
    const rows = await m
      .getRepository(RecordRequest)
      .createQueryBuilder('r')
      .where(`r.case_id IN (${caseQ.getQuery()})`)
      .setParameters(caseQ.getParameters())
      .andWhere('r.completed_on IS NULL AND (r.plan_target_on <= :today OR r.legal_due_on <= :today)', { today })
      .getMany();
    if (!rows.length) return [];
    const [holders, items] = await Promise.all([
      m.findBy(RecordHolder, { id: In([...new Set(rows.map((r) => r.holderId))]) }),
      m.findBy(RecordRequestItem, { requestId: In(rows.map((r) => r.id)), receivedOn: IsNull() }),
    ]);
    return rows.flatMap((r) => {
      const due = recordRequestDue({ planTargetOn: r.planTargetOn as CalendarDate, legalDueOn: r.legalDueOn as CalendarDate, completedOn: null }, today);
      if (!due) return [];
      return [
        {
          ...blank(),
          key: `request:${r.id}`,
          kind: MyDayItemKind.RECORD_REQUEST,
          urgency: due.urgency,
          on: due.on,
          caseId: r.caseId,
          recordRequestId: r.id,
          recordClock: due.clock,
          holderName: holders.find((h) => h.id === r.holderId)?.name ?? null,
          outstandingItemIds: items.filter((i) => i.requestId === r.id).map((i) => i.packetItemId),
        },
      ];
    });
  }

  /** Open tasks due by today: given to this advocate, or on their cases and given to the patient's side or nobody. */
  private async tasks(m: EntityManager, actor: Actor, who: string | null, today: CalendarDate) {
    const q = m
      .getRepository(CaseTask)
      .createQueryBuilder('t')
      .innerJoin(PatientCase, 'c', 'c.id = t.case_id')
      .where('t.organization_id = :org AND t.done_at IS NULL AND t.due_on <= :today AND c.stage <> :closed', { org: actor.organizationId, today, closed: CaseStage.CLOSED });
    if (who) {
      q.andWhere(
        new Brackets((b) =>
          b
            .where('t.assignee_id = :who', { who })
            .orWhere('c.lead_advocate_id = :who AND (t.assignee_id IS NULL OR EXISTS (SELECT 1 FROM case_participant p WHERE p.case_id = t.case_id AND p.user_id = t.assignee_id))', { who }),
        ),
      );
    }
    const rows = await q.getMany();
    return rows.map((t) => ({
      ...blank(),
      key: `task:${t.id}`,
      kind: MyDayItemKind.TASK,
      urgency: dueUrgency(t.dueOn as CalendarDate, today) ?? MyDayUrgency.TODAY,
      on: t.dueOn!,
      caseId: t.caseId,
      taskId: t.id,
      taskTitle: t.title,
    }));
  }

  /** Visits in the next 7 days with no questions written down, or with the insurance not verified. */
  private async visits(m: EntityManager, actor: Actor, cases: (alias: string) => SelectQueryBuilder<PatientCase>, today: CalendarDate) {
    const zone = await orgZone(m, actor.organizationId);
    const caseQ = cases('ac').select('ac.id');
    const now = this.clock.now();
    const rows = await m
      .getRepository(Appointment)
      .createQueryBuilder('a')
      .where(`a.case_id IN (${caseQ.getQuery()})`)
      .setParameters(caseQ.getParameters())
      .andWhere('a.cancelled_at IS NULL AND a.starts_at BETWEEN :from AND :to', { from: new Date(now.getTime() - 36 * 3600_000), to: new Date(now.getTime() + 9 * 86400_000) })
      .getMany();
    const soon = rows.map((a) => ({ a, on: visitDateOf(a, zone) })).filter((v) => visitThisWeek(v.on, today));
    if (!soon.length) return [];
    const ids = [...new Set(soon.map((v) => v.a.caseId))];
    const [questions, calls] = await Promise.all([
      m.getRepository(CaseQuestion).createQueryBuilder('q').select('q.case_id', 'caseId').where('q.case_id IN (:...ids)', { ids }).groupBy('q.case_id').getRawMany<{ caseId: string }>(),
      m.getRepository(InsuranceCall).find({ where: { caseId: In(ids) }, order: { calledOn: 'DESC', createdAt: 'DESC', id: 'DESC' }, select: { caseId: true, outcome: true } }),
    ]);
    const withQuestions = new Set(questions.map((q) => q.caseId));
    return soon.flatMap(({ a, on }) => {
      const base = { ...blank(), urgency: on === today ? MyDayUrgency.TODAY : MyDayUrgency.THIS_WEEK, on, caseId: a.caseId, appointmentId: a.id };
      const out: MyDayItemModel[] = [];
      if (!withQuestions.has(a.caseId)) out.push({ ...base, key: `visit:${a.id}`, kind: MyDayItemKind.VISIT_UNPREPARED, patientName: '', leadAdvocateName: null });
      const latest = calls.find((c) => c.caseId === a.caseId);
      if (latest?.outcome !== InsuranceOutcome.VERIFIED) out.push({ ...base, key: `insurance:${a.id}`, kind: MyDayItemKind.INSURANCE_PENDING, patientName: '', leadAdvocateName: null });
      return out;
    });
  }

  /** My own unread mentions (a mention is personal, so a coordinator looking at an advocate's day sees their own). */
  private async mentions(m: EntityManager, actor: Actor) {
    const rows = await m.getRepository<MentionRow>('Notification').find({
      where: { userId: actor.userId, organizationId: actor.organizationId, kind: MENTION_KIND, readAt: IsNull() } as object,
      select: { id: true, caseId: true, createdAt: true },
      order: { createdAt: 'ASC' },
      take: 50,
    });
    return rows
      .filter((r): r is MentionRow & { caseId: string } => !!r.caseId)
      .map((r) => {
        const on = r.createdAt.toISOString().slice(0, 10);
        return { ...blank(), key: `mention:${r.id}`, kind: MyDayItemKind.MENTION, urgency: MyDayUrgency.TODAY, on, caseId: r.caseId, notificationId: r.id };
      });
  }
}
