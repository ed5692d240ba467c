import { CalendarDate, isBefore } from '../dates/calendar-date';
import type { IsoWeekday } from '../dates/working-hours';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { scheduledReminders, subjectKinds, type AppointmentReminderDay, type SubjectReminderSpec } from '../notifications/notification-kind';

export { workingDayOnOrAfter, workingDayOnOrBefore, workingDaysBefore } from '../dates/working-days';

/**
 * The moments an appointment is remembered (issue 4): the patient a few days and one working
 * day before, with what to bring (SOON, DAY_BEFORE); staff to verify coverage about a week ahead
 * (VERIFY_COVERAGE); and after the visit, a nudge to write the opinion down (RECORD_OPINION) and
 * then to book the follow-up with the current doctor (BOOK_FOLLOW_UP). Two more are flags rather
 * than dates: a prior authorization that ends before the visit (PRE_AUTH_EXPIRES), and a visit that
 * moved, so coverage should be checked again for the new date (REVERIFY_COVERAGE). Each is
 * declared, with its audience, in REMINDER_KINDS, and its day in REMINDER_DAYS.
 */
export type AppointmentReminderKind = SubjectReminderSpec<'appointment'>['kind'];
export const AppointmentReminderKind = subjectKinds('appointment');

/** Who a reminder is for. */
export enum AppointmentReminderAudience {
  /** The patient and the caregivers who follow the case. */
  PATIENT = 'PATIENT',
  /** The patient's side and the lead advocate. */
  PATIENT_AND_ADVOCATE = 'PATIENT_AND_ADVOCATE',
  /** The lead advocate (the coordinators when the case has none). */
  STAFF = 'STAFF',
}

const SCHEDULED = scheduledReminders('appointment');
const kindsWhere = (p: (day: AppointmentReminderDay) => boolean): ReadonlySet<AppointmentReminderKind> => new Set(SCHEDULED.filter((r) => p(r.day)).map((r) => r.spec.kind));

/** Who each reminder is for, as REMINDER_KINDS declares. */
export const APPOINTMENT_REMINDER_AUDIENCE = Object.freeze(Object.fromEntries(SCHEDULED.map(({ spec }) => [spec.kind, spec.audience]))) as Readonly<
  Record<AppointmentReminderKind, AppointmentReminderAudience>
>;

/** Reminders that only make sense while the visit is still to come. */
export const BEFORE_VISIT_KINDS = kindsWhere((day) => day !== 'FLAG' && day.timing === 'BEFORE_VISIT');

/** Flags raised when something changes, not on a calendar day. */
export const FLAG_KINDS = kindsWhere((day) => day === 'FLAG');

/** An organization's choice of when appointments are remembered (admins set it with the record reminder days). */
export interface AppointmentReminderSettings {
  /** Calendar days before the visit for the "coming up" reminder (moved back to a working day; 0 = none). */
  soonDays: number;
  /** Working days before the visit for staff to verify coverage. */
  verifyWorkingDays: number;
  /** Calendar days after the visit for the nudge to write the opinion down (moved on to a working day). */
  recordOpinionDays: number;
  /** Calendar days after the visit for the nudge to book the follow-up (moved on to a working day). */
  followUpDays: number;
}

export const DEFAULT_APPOINTMENT_REMINDER_SETTINGS: AppointmentReminderSettings = { soonDays: 3, verifyWorkingDays: 5, recordOpinionDays: 1, followUpDays: 7 };

/** The ranges an admin may choose from (what the settings screen offers, and the API accepts). */
export const APPOINTMENT_REMINDER_LIMITS = {
  /** 0 = no "coming up" reminder; 1 would be the day-before one, which always goes. */
  soonDays: { min: 2, max: 21 },
  verifyWorkingDays: { min: 1, max: 20 },
  recordOpinionDays: { min: 1, max: 14 },
  followUpDays: { min: 2, max: 60 },
} as const;

const invalid = (field: string, message: string, value?: unknown) => new DomainError(DomainErrorCode.VALIDATION_FAILED, message, { field, ...(value !== undefined ? { value } : {}) });
const within = (v: number, r: { min: number; max: number }) => Number.isInteger(v) && v >= r.min && v <= r.max;

/**
 * Checks what an admin entered: whole days in range, and the follow-up nudge after the one to
 * write the opinion down (it asks about the decision the opinion leads to).
 */
export function validateAppointmentReminderSettings(s: AppointmentReminderSettings): AppointmentReminderSettings {
  const L = APPOINTMENT_REMINDER_LIMITS;
  if (!(s.soonDays === 0 || within(s.soonDays, L.soonDays))) {
    throw invalid('appointmentSoonDays', `The "coming up" reminder must be ${L.soonDays.min} to ${L.soonDays.max} days before the appointment, or 0 for none`, s.soonDays);
  }
  if (!within(s.verifyWorkingDays, L.verifyWorkingDays)) {
    throw invalid('verifyCoverageWorkingDays', `The coverage check must be ${L.verifyWorkingDays.min} to ${L.verifyWorkingDays.max} working days before the appointment`, s.verifyWorkingDays);
  }
  if (!within(s.recordOpinionDays, L.recordOpinionDays)) {
    throw invalid('recordOpinionDays', `The reminder to write the opinion down must be ${L.recordOpinionDays.min} to ${L.recordOpinionDays.max} days after the appointment`, s.recordOpinionDays);
  }
  if (!within(s.followUpDays, L.followUpDays)) {
    throw invalid('bookFollowUpDays', `The reminder to book the follow-up must be ${L.followUpDays.min} to ${L.followUpDays.max} days after the appointment`, s.followUpDays);
  }
  if (s.followUpDays <= s.recordOpinionDays) {
    throw invalid('bookFollowUpDays', 'The reminder to book the follow-up must come after the one to write the opinion down', s.followUpDays);
  }
  return { soonDays: s.soonDays, verifyWorkingDays: s.verifyWorkingDays, recordOpinionDays: s.recordOpinionDays, followUpDays: s.followUpDays };
}

export interface AppointmentReminder {
  kind: AppointmentReminderKind;
  on: CalendarDate;
}

/**
 * Every dated reminder of a visit on `appointmentOn` (a calendar date in the organization's
 * zone), each on the working day of the organization its entry in REMINDER_DAYS says, in date
 * order. The "coming up" reminder is left out when it would fall on the same day as the
 * day-before one (or is set to none), and the follow-up one goes a working day after the opinion
 * one at the earliest: one nudge a day.
 */
export function allAppointmentReminders(
  appointmentOn: CalendarDate,
  workingDays: readonly IsoWeekday[],
  settings: AppointmentReminderSettings = DEFAULT_APPOINTMENT_REMINDER_SETTINGS,
): AppointmentReminder[] {
  const context = { visitOn: appointmentOn, workingDays, settings };
  const list: AppointmentReminder[] = [];
  for (const { spec, day } of SCHEDULED) {
    const on = day === 'FLAG' ? null : day.on(context);
    if (on) list.push({ kind: spec.kind, on });
  }
  return list.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

/**
 * The reminders still to come from `today` (today's count: they go at once in working hours).
 * A coverage check whose day had already passed when the visit was booked (booked at short
 * notice) is still due while the visit is ahead: it keeps its own date, so it stays one job and
 * one notification however often it is planned, and goes at the next working moment.
 */
export function appointmentReminders(
  appointmentOn: CalendarDate,
  today: CalendarDate,
  workingDays: readonly IsoWeekday[],
  settings: AppointmentReminderSettings = DEFAULT_APPOINTMENT_REMINDER_SETTINGS,
): AppointmentReminder[] {
  return allAppointmentReminders(appointmentOn, workingDays, settings).filter((r) => !isBefore(r.on, today) || (r.kind === AppointmentReminderKind.VERIFY_COVERAGE && !isBefore(appointmentOn, today)));
}

/**
 * The job's "does this still apply?" for a dated reminder: the visit as it is now still has
 * this reminder on this day, and a before-visit reminder is not running after the visit began.
 * Flags are checked by what they flag (the prior authorization, the new date), not here.
 */
export function appointmentReminderStillApplies(
  r: AppointmentReminder,
  visit: { on: CalendarDate; startsAt: Date },
  now: Date,
  workingDays: readonly IsoWeekday[],
  settings: AppointmentReminderSettings = DEFAULT_APPOINTMENT_REMINDER_SETTINGS,
): boolean {
  if (FLAG_KINDS.has(r.kind)) return r.on === visit.on;
  if (BEFORE_VISIT_KINDS.has(r.kind) && now.getTime() >= visit.startsAt.getTime()) return false;
  return allAppointmentReminders(visit.on, workingDays, settings).some((x) => x.kind === r.kind && x.on === r.on);
}
