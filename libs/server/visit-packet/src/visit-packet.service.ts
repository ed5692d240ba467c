import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  CalendarDate,
  composeVisitPacket,
  notFound,
  parseCalendarDate,
  starterQuestionText,
  todayInZone,
  VisitPacketAppointment,
  VisitPacketInput,
  VisitPacketInsurance,
} from '@second-look/domain';
import { Appointment, CaseQuestion, OwnTimelineEntry } from '@second-look/server-appointments';
import { AuditService } from '@second-look/server-audit';
import { CaseAccessService, PatientCase } from '@second-look/server-cases';
import { Organization } from '@second-look/server-identity';
import { InsuranceCall, InsurancePlan } from '@second-look/server-insurance';
import { CaseOpinion } from '@second-look/server-opinions';
import { Clock, isUuid } from '@second-look/server-platform';
import { ProviderCandidate } from '@second-look/server-providers';
import { PacketItem } from '@second-look/server-records';
import { DataSource, EntityManager } from 'typeorm';
import { renderVisitPacketPdf } from './visit-packet-pdf';

/** The audit action of a packet download (docs/visit-packet.md). */
export const VISIT_PACKET_AUDIT_ACTION = 'case.visit_packet_download';

/**
 * The appointment-ready packet of a case (docs/visit-packet.md): read through the caller's scope
 * (anyone who may read the case, the patient and caregivers included; anyone else gets "Case not
 * found"), written in the patient's preferred language, audited. Only fields the patient may see
 * are ever selected: the staff-only columns are `select: false` on their entities and internal
 * notes and comments are not read at all, so what staff download is what the patient would.
 */
@Injectable()
export class VisitPacketService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** `appointmentId`: the booked visit it is for; else the case's next visit (or its last one). */
  async pdf(actor: Actor, caseId: string, appointmentId: string | null): Promise<{ pdf: Buffer; fileName: string }> {
    const { kase } = await this.access.require(actor, caseId, 'read');
    if (appointmentId !== null && !isUuid(appointmentId)) throw notFound('Appointment');
    const input = await this.dataSource.transaction('REPEATABLE READ', (m) => this.read(m, actor, kase, appointmentId));
    const pdf = await renderVisitPacketPdf(composeVisitPacket(input.packet), { author: input.packet.organizationName });
    await this.audit.record(actor, {
      action: VISIT_PACKET_AUDIT_ACTION,
      entityType: 'case',
      entityId: kase.id,
      caseId: kase.id,
      detail: { appointmentId: input.appointmentId, language: input.packet.language },
    });
    return { pdf, fileName: `visit-packet-${input.day}.pdf` };
  }

  private async read(m: EntityManager, actor: Actor, kase: PatientCase, appointmentId: string | null): Promise<{ packet: VisitPacketInput; appointmentId: string | null; day: CalendarDate }> {
    const where = { caseId: kase.id, organizationId: actor.organizationId };
    const now = this.clock.now();
    // One after another: they share the transaction's connection, which runs one query at a time.
    const org = await m.findOneByOrFail(Organization, { id: actor.organizationId });
    const questions = await m.find(CaseQuestion, { where, order: { position: 'ASC', createdAt: 'ASC' } });
    const timeline = await m.find(OwnTimelineEntry, { where, order: { occurredOn: 'ASC', createdAt: 'ASC' } });
    const items = await m.find(PacketItem, { where, order: { createdAt: 'ASC' } });
    const itemDates = await m.query<{ id: string; requestedOn: string | null; receivedOn: string | null }[]>(
      `SELECT ri.packet_item_id AS id, min(r.sent_on)::text AS "requestedOn", max(ri.received_on)::text AS "receivedOn"
         FROM record_request_item ri JOIN record_request r ON r.id = ri.request_id
        WHERE r.case_id = $1 AND r.organization_id = $2 GROUP BY ri.packet_item_id`,
      [kase.id, actor.organizationId],
    );
    const appointment = await this.appointment(m, actor, kase, appointmentId, now);
    const plan = await m.findOneBy(InsurancePlan, where);
    const latestCall = await m.findOne(InsuranceCall, { where, order: { calledOn: 'DESC', createdAt: 'DESC', id: 'DESC' } });
    const opinion = await m.findOneBy(CaseOpinion, { ...where, number: 1 });
    const zone = org.timeZone;
    const day = (value: string | null): CalendarDate | null => (value ? parseCalendarDate(value, 'date') : null);
    const dates = new Map(itemDates.map((d) => [d.id, d]));
    const specialty = appointment?.candidateId ? ((await m.findOneBy(ProviderCandidate, { id: appointment.candidateId, ...where }))?.specialty ?? null) : null;
    const today = todayInZone(now, zone);
    const packet: VisitPacketInput = {
      language: kase.preferredLanguage,
      organizationName: org.name,
      preparedOn: today,
      // Recorded when a client is imported from a spreadsheet; otherwise the line is left out.
      patient: { name: kase.patientName, dateOfBirth: day(kase.patientDateOfBirth), preferredLanguage: kase.preferredLanguage },
      question: kase.question,
      triggers: kase.triggers,
      diagnosisInDoubt: kase.diagnosisInDoubt,
      currentOpinion: opinion ? { providerName: opinion.providerName, givenOn: parseCalendarDate(opinion.givenOn, 'givenOn'), diagnosis: opinion.diagnosis, plan: opinion.recommendedPlan } : null,
      timeline: timeline.map((e) => ({ occurredOn: parseCalendarDate(e.occurredOn, 'occurredOn'), kind: e.kind, what: e.what, severity: e.severity })),
      packet: items.map((i) => ({
        kind: i.kind,
        title: i.title,
        state: i.state,
        requestedOn: day(dates.get(i.id)?.requestedOn ?? null),
        receivedOn: day(dates.get(i.id)?.receivedOn ?? null),
        // The item records no separate day for "sent on": the day of its last change stands in.
        sentOn: todayInZone(i.updatedAt, zone),
      })),
      appointment: appointment ? visit(appointment, specialty, zone) : null,
      insurance: plan ? insurance(plan, latestCall) : null,
      questions: questions.map((q) => q.text.trim() || (q.starter ? starterQuestionText(q.starter, kase.preferredLanguage) : '')),
    };
    return { packet, appointmentId: appointment?.id ?? null, day: appointment ? todayInZone(appointment.startsAt, zone) : today };
  }

  /** The one asked for (in this case, or "Appointment not found"); else the next one not canceled, else the latest. */
  private async appointment(m: EntityManager, actor: Actor, kase: PatientCase, id: string | null, now: Date): Promise<Appointment | null> {
    if (id) {
      const one = await m.findOneBy(Appointment, { id, caseId: kase.id, organizationId: actor.organizationId });
      if (!one) throw notFound('Appointment');
      return one;
    }
    const booked = await m
      .createQueryBuilder(Appointment, 'a')
      .where('a.case_id = :c AND a.organization_id = :o AND a.cancelled_at IS NULL', { c: kase.id, o: actor.organizationId })
      .orderBy('CASE WHEN a.starts_at >= :now THEN 0 ELSE 1 END', 'ASC')
      .addOrderBy('CASE WHEN a.starts_at >= :now THEN a.starts_at END', 'ASC')
      .addOrderBy('a.starts_at', 'DESC')
      .setParameter('now', now)
      .getOne();
    return booked ?? null;
  }
}

function visit(a: Appointment, specialty: string | null, timeZone: string): VisitPacketAppointment {
  return { providerName: a.providerName, specialty, startsAt: a.startsAt, timeZone, mode: a.mode, place: a.place, videoLink: a.videoLink, bringNotes: a.bringNotes, cancelled: a.cancelledAt !== null };
}

function insurance(plan: InsurancePlan, call: InsuranceCall | null): VisitPacketInsurance {
  const day = (v: string | null): CalendarDate | null => (v ? parseCalendarDate(v, 'date') : null);
  return {
    payer: plan.payer,
    planType: plan.planType,
    memberId: plan.memberId,
    latestCall: call
      ? {
          calledOn: parseCalendarDate(call.calledOn, 'calledOn'),
          referenceNumber: call.referenceNumber,
          outcome: call.outcome,
          preAuthRequired: call.preAuthRequired,
          preAuthNumber: call.preAuthNumber,
          preAuthValidFrom: day(call.preAuthValidFrom),
          preAuthValidTo: day(call.preAuthValidTo),
          referringDoctorMustRequest: call.referringDoctorMustRequest,
        }
      : null,
  };
}
