import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  appointmentInstant,
  assertAppointmentPlace,
  assertFeltVisitStaysInPast,
  assertNewBookingInFuture,
  assertVisitFeelingsCanBeRecorded,
  CaseEventKind,
  DomainError,
  CaseStage,
  DomainErrorCode,
  isStaffRole,
  normaliseVisitFeelings,
  notFound,
} from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { CaseAccessService, CaseStageMovedEvent, PatientCase } from '@second-look/server-cases';
import { CaseEventsPublisher, splitStaffFields } from '@second-look/server-collaboration';
import { ProviderCandidate } from '@second-look/server-providers';
import { assertFreshVersion, Clock, DomainEvents, GqlContext, isUuid, perRequest } from '@second-look/server-platform';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { BookAppointmentInput, CancelAppointmentInput, RecordAppointmentAnswerInput, RecordVisitFeelingsInput, UpdateAppointmentInput } from '../appointments.model';
import { assertJourneyId, assertStaffOnlyField, orgZone, requireJourneyCase } from '../case-scope';
import { CaseQuestion } from '../question/case-question.entity';
import { AppointmentReminderScheduler, visitDateOf } from '../reminders/appointment-reminder.scheduler';
import { AppointmentAnswer } from './appointment-answer.entity';
import { Appointment } from './appointment.entity';

const WHAT = 'Appointment';

/** The provider's name is what the patient reads on the day: required, and trimmed. */
function providerNameOf(value: string): string {
  const name = value.trim();
  if (!name) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'Please say who the appointment is with.', { field: 'providerName' });
  return name;
}

@Injectable()
export class AppointmentService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: CaseEventsPublisher,
    private readonly reminders: AppointmentReminderScheduler,
    private readonly domainEvents: DomainEvents,
  ) {}

  onModuleInit(): void {
    // A closed case reminds nobody: its appointments' pending reminders are cancelled in the
    // closing transaction; reopening it schedules them again from the visits' dates.
    this.domainEvents.on(CaseStageMovedEvent, async (m, { kase, from, to }) => {
      if (from !== CaseStage.CLOSED && to !== CaseStage.CLOSED) return;
      const visits = await m.find(Appointment, { where: { caseId: kase.id, organizationId: kase.organizationId } });
      if (to === CaseStage.CLOSED)
        await this.reminders.cancel(
          m,
          visits.map((a) => a.id),
        );
      else for (const a of visits) await this.reminders.reschedule(m, a);
    });
  }

  private query(m: EntityManager, actor: Actor) {
    const q = m.getRepository(Appointment).createQueryBuilder('a').where('a.organization_id = :org', { org: actor.organizationId });
    // Staff notes are selected for staff only: they never leave the database for anyone else.
    if (isStaffRole(actor.role)) q.addSelect('a.staffNotes');
    return q;
  }

  loader(ctx: GqlContext, actor: Actor): DataLoader<string, Appointment[]> {
    return perRequest(
      ctx,
      'appointments',
      () =>
        new DataLoader<string, Appointment[]>(async (caseIds) => {
          const rows = await this.query(this.dataSource.manager, actor)
            .andWhere('a.case_id IN (:...caseIds)', { caseIds: [...caseIds] })
            .orderBy('a.starts_at', 'ASC')
            .addOrderBy('a.id')
            .getMany();
          return caseIds.map((id) => rows.filter((r) => r.caseId === id));
        }),
    );
  }

  answersLoader(ctx: GqlContext, actor: Actor): DataLoader<string, AppointmentAnswer[]> {
    return perRequest(
      ctx,
      'appointmentAnswers',
      () =>
        new DataLoader<string, AppointmentAnswer[]>(async (ids) => {
          const rows = await this.dataSource.getRepository(AppointmentAnswer).find({ where: { appointmentId: In([...ids]), organizationId: actor.organizationId }, order: { createdAt: 'ASC' } });
          return ids.map((id) => rows.filter((r) => r.appointmentId === id));
        }),
    );
  }

  /** A provider candidate of the same case. */
  private async assertCandidate(m: EntityManager, kase: PatientCase, candidateId: string | null | undefined): Promise<string | null> {
    if (!candidateId) return null;
    if (!isUuid(candidateId)) throw notFound('Provider candidate');
    if (!(await m.existsBy(ProviderCandidate, { id: candidateId, caseId: kase.id, organizationId: kase.organizationId }))) throw notFound('Provider candidate');
    return candidateId;
  }

  async book(actor: Actor, input: BookAppointmentInput): Promise<PatientCase> {
    return this.dataSource.transaction(async (m) => {
      const { kase, can } = await requireJourneyCase(this.access, actor, input.caseId, 'edit', 'Case', m);
      assertStaffOnlyField(can, input.staffNotes, 'staffNotes');
      const providerName = providerNameOf(input.providerName);
      const startsAt = appointmentInstant({ date: input.date, time: input.time }, await orgZone(m, kase.organizationId));
      assertNewBookingInFuture(startsAt, this.clock.now());
      const place = { mode: input.mode, place: input.place?.trim() ?? '', videoLink: input.videoLink?.trim() ?? '' };
      assertAppointmentPlace(place);
      const candidateId = await this.assertCandidate(m, kase, input.candidateId);
      const a = await m.save(
        m.create(Appointment, {
          organizationId: kase.organizationId,
          caseId: kase.id,
          startsAt,
          ...place,
          providerName,
          candidateId,
          bringNotes: input.bringNotes?.trim() ?? '',
          staffNotes: input.staffNotes?.trim() ?? '',
          createdById: actor.userId,
        }),
      );
      // The reminders commit with the booking, or not at all.
      await this.reminders.schedule(m, a);
      await this.audit.record(actor, { action: 'appointment.create', entityType: 'appointment', entityId: a.id, caseId: kase.id }, m);
      // The booking itself is shared; its staff notes are read per receiver, so patients never get them.
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.APPOINTMENT_CHANGED, entityId: a.id, detail: { change: 'booked' } });
      return kase;
    });
  }

  private async find(m: EntityManager, actor: Actor, id: string) {
    assertJourneyId(id, WHAT);
    const a = await this.query(m, actor).andWhere('a.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!a) throw notFound(WHAT);
    const loaded = await requireJourneyCase(this.access, actor, a.caseId, 'edit', WHAT, m);
    return { a, ...loaded };
  }

  async update(actor: Actor, input: UpdateAppointmentInput): Promise<Appointment> {
    return this.dataSource.transaction(async (m) => {
      const { a, kase, can } = await this.find(m, actor, input.id);
      assertStaffOnlyField(can, input.staffNotes, 'staffNotes');
      if (a.cancelledAt && (input.date || input.time)) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'This appointment was canceled. Please book a new one instead.', { field: 'date' });
      assertFreshVersion(a, input.expectedVersion, 'appointment', {
        startsAt: a.startsAt,
        mode: a.mode,
        place: a.place,
        videoLink: a.videoLink,
        providerName: a.providerName,
        bringNotes: a.bringNotes,
      });
      const fields: string[] = [];
      const before = a.startsAt;
      const zone = await orgZone(m, kase.organizationId);
      if (input.date || input.time) {
        const wall = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(
          a.startsAt,
        );
        const part = (t: string) => wall.find((p) => p.type === t)?.value ?? '';
        a.startsAt = appointmentInstant({ date: input.date ?? `${part('year')}-${part('month')}-${part('day')}`, time: input.time ?? `${part('hour')}:${part('minute')}` }, zone);
        if (a.startsAt.getTime() !== before.getTime()) assertFeltVisitStaysInPast(a, a.startsAt, this.clock.now());
        fields.push('startsAt');
      }
      const set = <K extends 'mode' | 'place' | 'videoLink' | 'providerName' | 'bringNotes' | 'staffNotes'>(k: K, v: Appointment[K] | null | undefined) => {
        if (v === undefined || v === null) return;
        a[k] = v;
        fields.push(k);
      };
      set('mode', input.mode);
      set('place', input.place?.trim());
      set('videoLink', input.videoLink?.trim());
      set('providerName', input.providerName === undefined || input.providerName === null ? null : providerNameOf(input.providerName));
      set('bringNotes', input.bringNotes?.trim());
      set('staffNotes', input.staffNotes?.trim());
      assertAppointmentPlace(a);
      const saved = await m.save(a);
      // Moved: the old reminders are cancelled and new ones scheduled in the same transaction.
      if (saved.startsAt.getTime() !== before.getTime()) await this.reminders.reschedule(m, saved, visitDateOf({ startsAt: before }, zone));
      await this.audit.record(actor, { action: 'appointment.update', entityType: 'appointment', entityId: a.id, caseId: a.caseId, detail: { fields } }, m);
      const change = fields.includes('startsAt') ? 'moved' : 'edited';
      for (const e of splitStaffFields({ kind: CaseEventKind.APPOINTMENT_CHANGED, entityId: a.id, detail: { change } }, fields)) await this.events.publish(m, actor, kase, e);
      return saved;
    });
  }

  /** Calls the visit off: it stays on the case as history; its pending reminders are cancelled with it. */
  async cancel(actor: Actor, input: CancelAppointmentInput): Promise<Appointment> {
    return this.dataSource.transaction(async (m) => {
      const { a, kase } = await this.find(m, actor, input.id);
      assertFreshVersion(a, input.expectedVersion, 'appointment', { startsAt: a.startsAt, cancelledAt: a.cancelledAt });
      if (a.cancelledAt) return a;
      a.cancelledAt = this.clock.now();
      const saved = await m.save(a);
      await this.reminders.cancel(m, [a.id]);
      await this.audit.record(actor, { action: 'appointment.cancel', entityType: 'appointment', entityId: a.id, caseId: a.caseId }, m);
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.APPOINTMENT_CHANGED, entityId: a.id, detail: { change: 'cancelled' } });
      return saved;
    });
  }

  /** An answer against one question of the case's list; an empty answer removes it. */
  async recordAnswer(actor: Actor, input: RecordAppointmentAnswerInput): Promise<Appointment> {
    return this.dataSource.transaction(async (m) => {
      const { a, kase } = await this.find(m, actor, input.appointmentId);
      if (!isUuid(input.questionId)) throw notFound('Question');
      const question = await m.findOne(CaseQuestion, { where: { id: input.questionId, caseId: a.caseId, organizationId: actor.organizationId }, select: { id: true } });
      if (!question) throw notFound('Question');
      const existing = await m.findOne(AppointmentAnswer, { where: { appointmentId: a.id, questionId: question.id }, lock: { mode: 'pessimistic_write' } });
      const text = input.answer.trim();
      const change = !text ? 'removed' : existing ? 'edited' : 'added';
      if (existing) {
        assertFreshVersion(existing, input.expectedVersion ?? 0, 'answer', { answer: existing.answer });
        if (text) await m.save(Object.assign(existing, { answer: text, updatedById: actor.userId }));
        else await m.delete(AppointmentAnswer, { id: existing.id });
      } else if (text) {
        // Written against an answer that someone else has cleared since: theirs is "no answer", not nothing to compare.
        if (input.expectedVersion) assertFreshVersion({ version: 0 }, input.expectedVersion, 'answer', { answer: '' });
        await m.insert(AppointmentAnswer, { organizationId: a.organizationId, caseId: a.caseId, appointmentId: a.id, questionId: question.id, answer: text, updatedById: actor.userId });
      }
      await this.audit.record(actor, { action: 'appointment.answer', entityType: 'appointment', entityId: a.id, caseId: a.caseId, detail: { questionId: question.id } }, m);
      if (existing || text) await this.events.publish(m, actor, kase, { kind: CaseEventKind.ANSWER_CHANGED, entityId: a.id, detail: { change, questionId: question.id } });
      return a;
    });
  }

  async recordFeelings(actor: Actor, input: RecordVisitFeelingsInput): Promise<Appointment> {
    return this.dataSource.transaction(async (m) => {
      const { a, kase } = await this.find(m, actor, input.appointmentId);
      assertFreshVersion(a, input.expectedVersion, 'appointment', { feelings: a.feelings, worries: a.worries });
      const feelings = normaliseVisitFeelings(input.feelings);
      assertVisitFeelingsCanBeRecorded(a, this.clock.now(), feelings, input.worries);
      a.feelings = feelings;
      a.worries = input.worries.trim();
      a.feelingsRecordedAt = this.clock.now();
      const saved = await m.save(a);
      await this.audit.record(actor, { action: 'appointment.feelings', entityType: 'appointment', entityId: a.id, caseId: a.caseId }, m);
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.APPOINTMENT_CHANGED, entityId: a.id, detail: { change: 'feelings' } });
      return saved;
    });
  }
}
