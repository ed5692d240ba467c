import { addDays, CalendarDate, isBefore } from '../dates/calendar-date';
import { IsoWeekday, isoWeekday } from '../dates/working-hours';
import { DomainError, DomainErrorCode } from '../errors/domain-error';

/**
 * The moments an appointment is remembered (issue 4): the patient a few days and one working
 * day before, with what to bring; staff to verify coverage about a week ahead; and after the
 * visit, a nudge to write the opinion down and then to book the follow-up with the current
 * doctor. Two more are flags rather than dates: a pre-authorization that ends before the visit,
 * and a visit that moved (coverage should be checked again for the new date).
 */
export enum AppointmentReminderKind {
  /** A few days before: time to gather the packet and read the questions again. */
  SOON = 'SOON',
  /** The last working day before the visit. */
  DAY_BEFORE = 'DAY_BEFORE',
  /** Staff: the insurance check is not verified yet, a working week before. */
  VERIFY_COVERAGE = 'VERIFY_COVERAGE',
  /** The first working day after the visit: write down what the doctor said. */
  RECORD_OPINION = 'RECORD_OPINION',
  /** About a week after: book the follow-up with the current doctor. */
  BOOK_FOLLOW_UP = 'BOOK_FOLLOW_UP',
  /** Flag (at once): the pre-authorization on file ends before the visit. */
  PRE_AUTH_EXPIRES = 'PRE_AUTH_EXPIRES',
  /** Flag (at once): the visit moved, so coverage should be checked for the new date. */
  REVERIFY_COVERAGE = 'REVERIFY_COVERAGE',
}

/** Who a reminder is for. */
export enum AppointmentReminderAudience {
  /** The patient and the caregivers who follow the case. */
  PATIENT = 'PATIENT',
  /** The patient's side and the lead advocate. */
  PATIENT_AND_ADVOCATE = 'PATIENT_AND_ADVOCATE',
  /** The lead advocate (the coordinators when the case has none). */
  STAFF = 'STAFF',
}

export const APPOINTMENT_REMINDER_AUDIENCE: Record<AppointmentReminderKind, AppointmentReminderAudience> = {
  [AppointmentReminderKind.SOON]: AppointmentReminderAudience.PATIENT,
  [AppointmentReminderKind.DAY_BEFORE]: AppointmentReminderAudience.PATIENT,
  [AppointmentReminderKind.VERIFY_COVERAGE]: AppointmentReminderAudience.STAFF,
  [AppointmentReminderKind.RECORD_OPINION]: AppointmentReminderAudience.PATIENT_AND_ADVOCATE,
  [AppointmentReminderKind.BOOK_FOLLOW_UP]: AppointmentReminderAudience.PATIENT_AND_ADVOCATE,
  [AppointmentReminderKind.PRE_AUTH_EXPIRES]: AppointmentReminderAudience.STAFF,
  [AppointmentReminderKind.REVERIFY_COVERAGE]: AppointmentReminderAudience.STAFF,
};

/** Reminders that only make sense while the visit is still to come. */
export const BEFORE_VISIT_KINDS: ReadonlySet<AppointmentReminderKind> = new Set([AppointmentReminderKind.SOON, AppointmentReminderKind.DAY_BEFORE, AppointmentReminderKind.VERIFY_COVERAGE]);

/** Flags raised when something changes, not on a calendar day. */
export const FLAG_KINDS: ReadonlySet<AppointmentReminderKind> = new Set([AppointmentReminderKind.PRE_AUTH_EXPIRES, AppointmentReminderKind.REVERIFY_COVERAGE]);

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

const isWorking = (d: CalendarDate, days: readonly IsoWeekday[]) => days.includes(isoWeekday(d));

/** The working day on or before `date` (a Sunday reminder goes on the Friday before). */
export function workingDayOnOrBefore(date: CalendarDate, days: readonly IsoWeekday[]): CalendarDate {
  let d = date;
  for (let i = 0; i < 7 && !isWorking(d, days); i++) d = addDays(d, -1);
  return d;
}

/** The working day on or after `date` (a Saturday reminder waits for Monday). */
export function workingDayOnOrAfter(date: CalendarDate, days: readonly IsoWeekday[]): CalendarDate {
  let d = date;
  for (let i = 0; i < 7 && !isWorking(d, days); i++) d = addDays(d, 1);
  return d;
}

/** `n` working days before `date` (not counting `date` itself). */
export function workingDaysBefore(date: CalendarDate, n: number, days: readonly IsoWeekday[]): CalendarDate {
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, -1);
    if (isWorking(d, days)) left--;
  }
  return d;
}

/**
 * Every dated reminder of a visit on `appointmentOn` (a calendar date in the organization's
 * zone), each on a working day of the organization, in date order. The "coming up" reminder
 * is left out when it would fall on the same day as the day-before one (or is set to none),
 * and the follow-up one goes a working day after the opinion one at the earliest: one nudge a day.
 */
export function allAppointmentReminders(
  appointmentOn: CalendarDate,
  workingDays: readonly IsoWeekday[],
  settings: AppointmentReminderSettings = DEFAULT_APPOINTMENT_REMINDER_SETTINGS,
): AppointmentReminder[] {
  const dayBefore = workingDayOnOrBefore(addDays(appointmentOn, -1), workingDays);
  const soon = settings.soonDays > 0 ? workingDayOnOrBefore(addDays(appointmentOn, -settings.soonDays), workingDays) : null;
  const recordOpinion = workingDayOnOrAfter(addDays(appointmentOn, Math.max(1, settings.recordOpinionDays)), workingDays);
  const followUpDay = workingDayOnOrAfter(addDays(appointmentOn, settings.followUpDays), workingDays);
  // One nudge a day: a follow-up that a weekend pushed onto the opinion one's day goes the working day after.
  const followUp = followUpDay > recordOpinion ? followUpDay : workingDayOnOrAfter(addDays(recordOpinion, 1), workingDays);
  const list: AppointmentReminder[] = [
    { kind: AppointmentReminderKind.VERIFY_COVERAGE, on: workingDaysBefore(appointmentOn, settings.verifyWorkingDays, workingDays) },
    ...(soon && soon < dayBefore ? [{ kind: AppointmentReminderKind.SOON, on: soon }] : []),
    { kind: AppointmentReminderKind.DAY_BEFORE, on: dayBefore },
    { kind: AppointmentReminderKind.RECORD_OPINION, on: recordOpinion },
    { kind: AppointmentReminderKind.BOOK_FOLLOW_UP, on: followUp },
  ];
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
 * Flags are checked by what they flag (the pre-authorization, the new date), not here.
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
