import { CalendarDate } from '../dates/calendar-date';
import { RecordReminderKind, recordRequestReminders, reminderDateFor } from './record-reminders';

const d = (s: string) => s as CalendarDate;

describe('record request reminders', () => {
  const dates = { planTargetOn: d('2026-11-15'), legalDueOn: d('2026-12-01') };

  it('chases before and at the plan target and the legal date, and escalates the day after', () => {
    expect(recordRequestReminders(dates, d('2026-11-01'))).toEqual([
      { kind: RecordReminderKind.TARGET_SOON, on: '2026-11-13', escalate: false },
      { kind: RecordReminderKind.TARGET_DUE, on: '2026-11-15', escalate: false },
      { kind: RecordReminderKind.LEGAL_SOON, on: '2026-11-26', escalate: false },
      { kind: RecordReminderKind.LEGAL_DUE, on: '2026-12-01', escalate: false },
      { kind: RecordReminderKind.LEGAL_OVERDUE, on: '2026-12-02', escalate: true },
    ]);
  });

  it('leaves out reminders on days already past but keeps today', () => {
    expect(recordRequestReminders(dates, d('2026-11-15')).map((r) => r.kind)).toEqual([
      RecordReminderKind.TARGET_DUE,
      RecordReminderKind.LEGAL_SOON,
      RecordReminderKind.LEGAL_DUE,
      RecordReminderKind.LEGAL_OVERDUE,
    ]);
    expect(recordRequestReminders(dates, d('2026-12-03'))).toEqual([]);
  });

  it('tells which date a reminder belongs to on the request as it is now (an extension moves the legal ones)', () => {
    const extended = { ...dates, legalDueOn: d('2026-12-31') };
    expect(reminderDateFor(RecordReminderKind.LEGAL_DUE, extended)).toBe('2026-12-31');
    expect(reminderDateFor(RecordReminderKind.LEGAL_OVERDUE, extended)).toBe('2027-01-01');
    expect(reminderDateFor(RecordReminderKind.TARGET_SOON, extended)).toBe('2026-11-13');
  });
});
