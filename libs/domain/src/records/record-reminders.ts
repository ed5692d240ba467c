import { addDays, CalendarDate, isBefore } from '../dates/calendar-date';

/** The moments a record request is chased (DOMAIN.md "The clock"): before and at both dates. */
export enum RecordReminderKind {
  /** A couple of days before the plan target: time to nudge the holder. */
  TARGET_SOON = 'TARGET_SOON',
  TARGET_DUE = 'TARGET_DUE',
  /** As the legal date nears: the last chance to chase before it is a breach. */
  LEGAL_SOON = 'LEGAL_SOON',
  LEGAL_DUE = 'LEGAL_DUE',
  /** The day after the legal date: the coordinator is alerted; a follow-up letter is due. */
  LEGAL_OVERDUE = 'LEGAL_OVERDUE',
}

export interface RecordReminderSettings {
  targetSoonDays: number;
  legalSoonDays: number;
  /** Local time of day reminders go out (working hours in the organisation's zone). */
  hour: number;
}

export const DEFAULT_RECORD_REMINDER_SETTINGS: RecordReminderSettings = { targetSoonDays: 2, legalSoonDays: 5, hour: 9 };

export interface RecordReminder {
  kind: RecordReminderKind;
  on: CalendarDate;
  /** Only the coordinator escalation goes to the coordinators; the rest to the request's people. */
  escalate: boolean;
}

/**
 * The reminders a request should have, from its dates. Reminders on a day already past are
 * left out, except that today's still count (they fire at once if the hour has passed).
 */
export function recordRequestReminders(
  dates: { planTargetOn: CalendarDate; legalDueOn: CalendarDate },
  today: CalendarDate,
  settings: RecordReminderSettings = DEFAULT_RECORD_REMINDER_SETTINGS,
): RecordReminder[] {
  const all: RecordReminder[] = [
    { kind: RecordReminderKind.TARGET_SOON, on: addDays(dates.planTargetOn, -settings.targetSoonDays), escalate: false },
    { kind: RecordReminderKind.TARGET_DUE, on: dates.planTargetOn, escalate: false },
    { kind: RecordReminderKind.LEGAL_SOON, on: addDays(dates.legalDueOn, -settings.legalSoonDays), escalate: false },
    { kind: RecordReminderKind.LEGAL_DUE, on: dates.legalDueOn, escalate: false },
    { kind: RecordReminderKind.LEGAL_OVERDUE, on: addDays(dates.legalDueOn, 1), escalate: true },
  ];
  return all.filter((r) => !isBefore(r.on, today));
}

/** The date a reminder kind belongs to, on the request as it is now (for the job's "still applies?" check). */
export function reminderDateFor(kind: RecordReminderKind, dates: { planTargetOn: CalendarDate; legalDueOn: CalendarDate }, settings = DEFAULT_RECORD_REMINDER_SETTINGS): CalendarDate {
  switch (kind) {
    case RecordReminderKind.TARGET_SOON:
      return addDays(dates.planTargetOn, -settings.targetSoonDays);
    case RecordReminderKind.TARGET_DUE:
      return dates.planTargetOn;
    case RecordReminderKind.LEGAL_SOON:
      return addDays(dates.legalDueOn, -settings.legalSoonDays);
    case RecordReminderKind.LEGAL_DUE:
      return dates.legalDueOn;
    case RecordReminderKind.LEGAL_OVERDUE:
      return addDays(dates.legalDueOn, 1);
  }
}
