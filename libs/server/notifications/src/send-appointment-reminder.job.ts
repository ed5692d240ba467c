import { Injectable, Logger } from '@nestjs/common';
import { JobName, jobIds, SendAppointmentReminderPayload } from '@second-look/contracts';
import {
  AppointmentReminderAudience,
  AppointmentReminderKind,
  appointmentReminderSpec,
  appointmentReminderStillApplies,
  CalendarDate,
  InsuranceOutcome,
  preAuthorisationFit,
  PreAuthorisationFit,
  Role,
} from '@second-look/domain';
import { Appointment, visitDateOf } from '@second-look/server-appointments';
import { CaseParticipant, PatientCase } from '@second-look/server-cases';
import { UserAccount } from '@second-look/server-identity';
import { InsuranceCall, InsurancePlan } from '@second-look/server-insurance';
import { EffectLedger, EffectNoLongerApplies, JobOutcome } from '@second-look/server-jobs';
import { CaseDecision, CaseOpinion } from '@second-look/server-opinions';
import { Clock } from '@second-look/server-platform';
import { organizationTiming } from '@second-look/server-records';
import { EntityManager, In, IsNull, MoreThanOrEqual, Not } from 'typeorm';
import { NotificationDispatcher } from './notification-dispatcher';

/** The latest call that carries a prior authorization (the same one the insurance check shows). */
async function latestPreAuthorisation(tx: EntityManager, caseId: string): Promise<InsuranceCall | null> {
  return tx.findOne(InsuranceCall, { where: [{ caseId, preAuthNumber: Not('') }], order: { calledOn: 'DESC', createdAt: 'DESC', id: 'DESC' } });
}

/**
 * One reminder (or coverage flag) of one appointment, like SendRecordRequestReminderJob: it
 * claims its ledger key, re-reads the appointment, its case and what the reminder is about,
 * and does nothing when it no longer applies: the visit moved or its case closed; the opinion
 * is already written down; the follow-up is already booked; the coverage is verified; the
 * prior authorization now covers the visit. The notifications (and their e-mail jobs) commit
 * with the key, so a retried, duplicated or re-created job adds nothing.
 */
@Injectable()
export class SendAppointmentReminderJob {
  private readonly logger = new Logger(SendAppointmentReminderJob.name);

  constructor(
    private readonly ledger: EffectLedger,
    private readonly notifications: NotificationDispatcher,
    private readonly clock: Clock,
  ) {}

  async run(p: SendAppointmentReminderPayload): Promise<JobOutcome> {
    const jobId = jobIds.appointmentReminder(p.appointmentId, p.kind, p.on, p.ref);
    const spec = appointmentReminderSpec(p.kind);
    if (!spec) return 'no-longer-applies';
    const kind: AppointmentReminderKind = spec.kind;
    const outcome = await this.ledger.once(jobId, { jobName: JobName.SEND_APPOINTMENT_REMINDER }, async (tx) => {
      const a = await tx.findOneBy(Appointment, { id: p.appointmentId });
      if (!a || a.cancelledAt) throw new EffectNoLongerApplies('appointment canceled or gone');
      const kase = await tx.findOneBy(PatientCase, { id: a.caseId });
      if (!kase || kase.closedAt) throw new EffectNoLongerApplies('case closed or gone');
      const timing = await organizationTiming(tx, a.organizationId);
      const visit = { on: visitDateOf(a, timing.workingHours.timeZone), startsAt: a.startsAt };
      if (!appointmentReminderStillApplies({ kind, on: p.on as CalendarDate }, visit, this.clock.now(), timing.workingHours.days, timing.appointments)) {
        throw new EffectNoLongerApplies('the visit moved, or the organization chose other reminder days');
      }
      await tx.query(`UPDATE job_effect SET organization_id = $2 WHERE key = $1`, [jobId, kase.organizationId]);

      let preAuthEnd: string | null = null;
      // A prior authorization flag is one per visit date and prior authorization end, whichever change raised it.
      let keyBase = jobId;
      switch (kind) {
        case AppointmentReminderKind.RECORD_OPINION:
          if (await tx.existsBy(CaseOpinion, { caseId: kase.id, givenOn: MoreThanOrEqual(visit.on) })) throw new EffectNoLongerApplies('opinion already recorded');
          break;
        case AppointmentReminderKind.BOOK_FOLLOW_UP:
          if (await tx.existsBy(CaseDecision, { caseId: kase.id, followUpOn: Not(IsNull()) })) throw new EffectNoLongerApplies('follow-up already booked');
          break;
        case AppointmentReminderKind.VERIFY_COVERAGE: {
          if (!(await tx.existsBy(InsurancePlan, { caseId: kase.id }))) throw new EffectNoLongerApplies('no insurance plan on the case');
          const latest = await tx.findOne(InsuranceCall, { where: { caseId: kase.id }, order: { calledOn: 'DESC', createdAt: 'DESC', id: 'DESC' } });
          if (latest?.outcome === InsuranceOutcome.VERIFIED) throw new EffectNoLongerApplies('coverage verified');
          break;
        }
        case AppointmentReminderKind.PRE_AUTH_EXPIRES: {
          const preAuth = await latestPreAuthorisation(tx, kase.id);
          const window = { validFrom: (preAuth?.preAuthValidFrom ?? null) as CalendarDate | null, validTo: (preAuth?.preAuthValidTo ?? null) as CalendarDate | null };
          if (!preAuth || preAuthorisationFit(window, visit.on).fit !== PreAuthorisationFit.AFTER_END) throw new EffectNoLongerApplies('the prior authorization covers the visit');
          preAuthEnd = preAuth.preAuthValidTo;
          keyBase = `insurance.PRE_AUTH_EXPIRES:${a.id}:${visit.on}:${preAuth.preAuthValidTo}`;
          break;
        }
        case AppointmentReminderKind.REVERIFY_COVERAGE:
          if (!(await tx.existsBy(InsurancePlan, { caseId: kase.id }))) throw new EffectNoLongerApplies('no insurance plan on the case');
          break;
        default:
          break;
      }

      // The date the notification says, as REMINDER_KINDS declares for this kind.
      const dueOn = { VISIT: visit.on, PRE_AUTH_END: preAuthEnd }[spec.dueOn];
      const recipients = await this.recipients(tx, kase, spec.audience);
      if (!recipients.length) return 0;
      return this.notifications.create(
        tx,
        recipients.map((userId) => ({ key: `${keyBase}:${userId}`, organizationId: kase.organizationId, userId, kind: spec.id, caseId: kase.id, recordRequestId: null, dueOn })),
      );
    });
    if (!outcome.done) return outcome.reason === 'already-done' ? 'already-sent' : 'no-longer-applies';
    this.logger.log(`appointment ${p.appointmentId}: ${kind} reminder, ${outcome.result} notification(s)`);
    return 'sent';
  }

  /** The patient and the caregivers who follow the case; and/or the lead advocate (the coordinators when there is none). */
  private async recipients(tx: EntityManager, kase: PatientCase, audience: `${AppointmentReminderAudience}`): Promise<string[]> {
    const ids = new Set<string>();
    if (audience !== 'STAFF') {
      const rows = await tx
        .getRepository(CaseParticipant)
        .createQueryBuilder('p')
        .innerJoin(UserAccount, 'u', 'u.id = p.user_id AND u.role = p.role')
        .where('p.case_id = :caseId AND p.role IN (:...roles) AND u.organization_id = :org AND u.deactivated_at IS NULL', {
          caseId: kase.id,
          roles: [Role.PATIENT, Role.CAREGIVER],
          org: kase.organizationId,
        })
        .select('p.user_id', 'userId')
        .getRawMany<{ userId: string }>();
      rows.forEach((r) => ids.add(r.userId));
    }
    if (audience !== 'PATIENT') {
      if (kase.leadAdvocateId) ids.add(kase.leadAdvocateId);
      else {
        const coordinators = await tx.find(UserAccount, { where: { organizationId: kase.organizationId, role: In([Role.COORDINATOR]), deactivatedAt: IsNull() }, select: { id: true } });
        coordinators.forEach((c) => ids.add(c.id));
      }
    }
    return [...ids];
  }
}
