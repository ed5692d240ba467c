import { Injectable } from '@nestjs/common';
import { JobName, jobIds, QueueName, SendAppointmentReminderPayload } from '@second-look/contracts';
import { AppointmentReminderKind, appointmentReminders, BEFORE_VISIT_KINDS, CalendarDate, reminderFireAt, todayInZone } from '@second-look/domain';
import { PatientCase } from '@second-look/server-cases';
import { OutboxEntry, OutboxService } from '@second-look/server-jobs';
import { Clock } from '@second-look/server-platform';
import { organizationTiming, OrganizationTiming } from '@second-look/server-records';
import { EntityManager } from 'typeorm';
import { Appointment } from '../appointment/appointment.entity';

/** The calendar date of a visit in the organization's zone. */
export const visitDateOf = (a: Pick<Appointment, 'startsAt'>, timeZone: string): CalendarDate => todayInZone(a.startsAt, timeZone);

/**
 * Writes an appointment's reminders to the outbox in the caller's transaction, the same way
 * record-request reminders are (RecordReminderScheduler): each a delayed job at the start of
 * the organization's working day on its date, with the appointment as the outbox subject, so
 * moving the visit, closing the case or canceling takes the pending ones out of Redis, and
 * reconcile and the nightly re-scan can rebuild them. A before-visit reminder that could only
 * go out once the visit has begun (booked late in the evening for the next morning) is left
 * out. Booking and moving also raise a coverage check at once: the job flags a
 * prior authorization that ends before the visit, and a moved visit asks staff to check again.
 */
@Injectable()
export class AppointmentReminderScheduler {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  private entry(a: Appointment, kind: AppointmentReminderKind, on: CalendarDate, runAt: Date, ref?: string): OutboxEntry {
    const payload: SendAppointmentReminderPayload = { appointmentId: a.id, kind, on, ...(ref ? { ref } : {}) };
    return { queue: QueueName.REMINDERS, jobName: JobName.SEND_APPOINTMENT_REMINDER, jobId: jobIds.appointmentReminder(a.id, kind, on, ref), payload: { ...payload }, runAt, subjectId: a.id };
  }

  /** The jobs an appointment should have from now on (nothing once it is cancelled or its case closed). */
  async plan(m: EntityManager, a: Appointment, timing?: OrganizationTiming): Promise<OutboxEntry[]> {
    if (a.cancelledAt) return [];
    const kase = await m.findOne(PatientCase, { where: { id: a.caseId }, select: { id: true, closedAt: true } });
    if (!kase || kase.closedAt) return [];
    const t = timing ?? (await organizationTiming(m, a.organizationId));
    const now = this.clock.now();
    const on = visitDateOf(a, t.workingHours.timeZone);
    const today = todayInZone(now, t.workingHours.timeZone);
    const dated = appointmentReminders(on, today, t.workingHours.days, t.appointments)
      .map((r) => this.entry(a, r.kind, r.on, reminderFireAt(r.on, now, t.workingHours)))
      .filter((e) => !(BEFORE_VISIT_KINDS.has(e.payload.kind as AppointmentReminderKind) && e.runAt! >= a.startsAt));
    const coverage = a.startsAt > now ? [this.entry(a, AppointmentReminderKind.PRE_AUTH_EXPIRES, on, now)] : [];
    return [...dated, ...coverage];
  }

  async schedule(m: EntityManager, a: Appointment, timing?: OrganizationTiming): Promise<number> {
    const entries = await this.plan(m, a, timing);
    await this.outbox.add(m, entries);
    return entries.length;
  }

  /**
   * The visit moved (or its case reopened): cancels what was pending, schedules what the new
   * date says and, when the date itself changed, asks staff to check coverage again.
   */
  async reschedule(m: EntityManager, a: Appointment, movedFrom?: CalendarDate): Promise<number> {
    await this.cancel(m, [a.id]);
    const timing = await organizationTiming(m, a.organizationId);
    const entries = await this.plan(m, a, timing);
    const on = visitDateOf(a, timing.workingHours.timeZone);
    if (entries.length && movedFrom && movedFrom !== on && a.startsAt > this.clock.now()) {
      entries.push(this.entry(a, AppointmentReminderKind.REVERIFY_COVERAGE, on, this.clock.now(), movedFrom));
    }
    await this.outbox.add(m, entries);
    return entries.length;
  }

  /** A prior authorization was logged: check it against each visit still to come. */
  async checkPreAuthorisation(m: EntityManager, appointments: Appointment[], callId: string): Promise<number> {
    const now = this.clock.now();
    const upcoming = appointments.filter((a) => a.startsAt > now && !a.cancelledAt);
    const [first] = upcoming;
    if (!first) return 0;
    const { timeZone } = (await organizationTiming(m, first.organizationId)).workingHours;
    await this.outbox.add(
      m,
      upcoming.map((a) => this.entry(a, AppointmentReminderKind.PRE_AUTH_EXPIRES, visitDateOf(a, timeZone), now, callId)),
    );
    return upcoming.length;
  }

  /** Cancels every pending reminder of these appointments (visit cancelled, case closed). */
  cancel(m: EntityManager, appointmentIds: string[]): Promise<number> {
    return this.outbox.cancelPending(m, QueueName.REMINDERS, appointmentIds);
  }
}
