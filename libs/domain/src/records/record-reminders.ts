import { addDays, CalendarDate, isAfter, isBefore } from '../dates/calendar-date';
import { DEFAULT_WORKING_HOURS, IsoWeekday } from '../dates/working-hours';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { scheduledReminders, subjectKinds, type SubjectReminderSpec } from '../notifications/notification-kind';

/**
 * The moments a record request is chased (docs/domain.md, "The clock"): on set days after
 * sending (SENT_DAY), before and at the plan target (TARGET_SOON, TARGET_DUE) and the legal date
 * (LEGAL_SOON, LEGAL_DUE), and the day after the legal date, when the coordinators are alerted
 * and a follow-up letter is due (LEGAL_OVERDUE). Each is declared in REMINDER_KINDS, its day in REMINDER_DAYS.
 */
export type RecordReminderKind = SubjectReminderSpec<'record_request'>['kind'];
export const RecordReminderKind = subjectKinds('record_request');

/** An organization's choice of when requests are chased. */
export interface RecordReminderSettings {
  /** Days after the sent date that get a reminder (day 7, 14, 25, 30 by default). */
  daysAfterSent: readonly number[];
  /** How many days before the plan target the "soon" reminder goes (0 = none; a weekend day moves it back to the working day before). */
  targetSoonDays: number;
  /** How many days before the legal due date the "soon" reminder goes (0 = none; moved back like the target's). */
  legalSoonDays: number;
}

export const DEFAULT_RECORD_REMINDER_SETTINGS: RecordReminderSettings = { daysAfterSent: [7, 14, 25, 30], targetSoonDays: 2, legalSoonDays: 5 };

export const MAX_REMINDER_DAY = 60;
export const MAX_REMINDER_DAYS = 10;

const invalid = (field: string, message: string, value?: unknown) => new DomainError(DomainErrorCode.VALIDATION_FAILED, message, { field, ...(value !== undefined ? { value } : {}) });

/** Checks what an admin entered; returns the days sorted and without repeats. */
export function validateRecordReminderSettings(s: RecordReminderSettings): RecordReminderSettings {
  if (!Array.isArray(s.daysAfterSent)) throw invalid('daysAfterSent', 'Reminder days must be a list of numbers');
  if (s.daysAfterSent.some((d) => !Number.isInteger(d) || d < 1 || d > MAX_REMINDER_DAY)) {
    throw invalid('daysAfterSent', `Each reminder day must be a whole number from 1 to ${MAX_REMINDER_DAY}`, s.daysAfterSent);
  }
  const days = [...new Set(s.daysAfterSent)].sort((a, b) => a - b);
  if (days.length > MAX_REMINDER_DAYS) throw invalid('daysAfterSent', `At most ${MAX_REMINDER_DAYS} reminder days`, days.length);
  if (!Number.isInteger(s.targetSoonDays) || s.targetSoonDays < 0 || s.targetSoonDays > 14)
    throw invalid('targetSoonDays', 'The reminder before the plan target must be 0 to 14 days before it', s.targetSoonDays);
  if (!Number.isInteger(s.legalSoonDays) || s.legalSoonDays < 0 || s.legalSoonDays > 30)
    throw invalid('legalSoonDays', 'The reminder before the legal due date must be 0 to 30 days before it', s.legalSoonDays);
  return { daysAfterSent: days, targetSoonDays: s.targetSoonDays, legalSoonDays: s.legalSoonDays };
}

export interface RecordReminder {
  kind: RecordReminderKind;
  on: CalendarDate;
  /** Only the coordinator escalation (its audience in REMINDER_KINDS) goes to the coordinators; the rest to the request's people. */
  escalate: boolean;
  /** For SENT_DAY: which day after sending. */
  day?: number;
}

export interface RecordReminderDates {
  sentOn: CalendarDate;
  planTargetOn: CalendarDate;
  legalDueOn: CalendarDate;
}

/**
 * Every reminder a request should have, from its dates, in date order: each kind on the day its
 * entry in REMINDER_DAYS says. A "day N" reminder that falls on the day of a target or legal
 * reminder, or after the legal date, is left out: one nudge a day is enough, and past the legal
 * date the escalation takes over.
 */
export function allRecordRequestReminders(
  dates: RecordReminderDates,
  settings: RecordReminderSettings = DEFAULT_RECORD_REMINDER_SETTINGS,
  workingDays: readonly IsoWeekday[] = DEFAULT_WORKING_HOURS.days,
): RecordReminder[] {
  const kinds = scheduledReminders('record_request');
  const fixed: RecordReminder[] = [];
  for (const { spec, day } of kinds) {
    const on = day === 'DAYS_AFTER_SENT' ? null : day(dates, settings, workingDays);
    if (on) fixed.push({ kind: spec.kind, on, escalate: spec.audience === 'STAFF_AND_COORDINATORS' });
  }
  const taken = new Set<string>(fixed.map((r) => r.on));
  const byDay: RecordReminder[] = [];
  for (const { spec } of kinds.filter((k) => k.day === 'DAYS_AFTER_SENT')) {
    for (const day of settings.daysAfterSent) {
      const on = addDays(dates.sentOn, day);
      if (taken.has(on) || isAfter(on, dates.legalDueOn)) continue;
      taken.add(on);
      byDay.push({ kind: spec.kind, on, escalate: false, day });
    }
  }
  // Stable: on a shared date the fixed reminder comes first (a "soon" can coincide with a due).
  return [...byDay, ...fixed].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

/**
 * The reminders still to come: those on a day already past are left out, except that
 * today's still count (they fire at once if the working day has begun).
 */
export function recordRequestReminders(
  dates: RecordReminderDates,
  today: CalendarDate,
  settings: RecordReminderSettings = DEFAULT_RECORD_REMINDER_SETTINGS,
  workingDays: readonly IsoWeekday[] = DEFAULT_WORKING_HOURS.days,
): RecordReminder[] {
  return allRecordRequestReminders(dates, settings, workingDays).filter((r) => !isBefore(r.on, today));
}

/** The job's "does this still apply?": the request as it is now, under the settings as they are now, still has this reminder on this day. */
export function reminderStillApplies(
  kind: RecordReminderKind,
  on: CalendarDate,
  dates: RecordReminderDates,
  settings: RecordReminderSettings = DEFAULT_RECORD_REMINDER_SETTINGS,
  workingDays: readonly IsoWeekday[] = DEFAULT_WORKING_HOURS.days,
): boolean {
  return allRecordRequestReminders(dates, settings, workingDays).some((r) => r.kind === kind && r.on === on);
}
