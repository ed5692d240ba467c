import { CalendarDate } from '../dates/calendar-date';
import { DomainErrorCode } from '../errors/domain-error';
import { allRecordRequestReminders, DEFAULT_RECORD_REMINDER_SETTINGS, RecordReminderKind as K, recordRequestReminders, reminderStillApplies, validateRecordReminderSettings } from './record-reminders';

const d = (s: string) => s as CalendarDate;

describe('record request reminders', () => {
  // Sent 2026-11-01, plan target +14, legal +30.
  const dates = { sentOn: d('2026-11-01'), planTargetOn: d('2026-11-15'), legalDueOn: d('2026-12-01') };

  it('chases on days 7, 14, 25, 30 after sending and before and at both dates, escalating the day after the legal date', () => {
    const all = recordRequestReminders(dates, d('2026-11-01'));
    expect(all.map((r) => `${r.kind}@${r.on}`)).toEqual([
      'SENT_DAY@2026-11-08',
      'TARGET_SOON@2026-11-13',
      'TARGET_DUE@2026-11-15',
      'LEGAL_SOON@2026-11-26',
      'LEGAL_DUE@2026-12-01',
      'LEGAL_OVERDUE@2026-12-02',
    ]);
    expect(all.find((r) => r.kind === K.LEGAL_OVERDUE)?.escalate).toBe(true);
    expect(all.filter((r) => r.escalate)).toHaveLength(1);
  });

  it('never has two reminders on one day', () => {
    const s = { daysAfterSent: [1, 2, 3, 13, 14, 15, 25, 26, 30, 31], targetSoonDays: 1, legalSoonDays: 5 };
    const all = allRecordRequestReminders(dates, s);
    expect(new Set(all.map((r) => r.on)).size).toBe(all.length);
  });

  it('drops day-N reminders after the legal date (the escalation takes over) but keeps those before it', () => {
    const all = allRecordRequestReminders(dates, { daysAfterSent: [3, 29, 45], targetSoonDays: 0, legalSoonDays: 0 });
    expect(all.map((r) => `${r.kind}@${r.on}`)).toEqual(['SENT_DAY@2026-11-04', 'TARGET_DUE@2026-11-15', 'SENT_DAY@2026-11-30', 'LEGAL_DUE@2026-12-01', 'LEGAL_OVERDUE@2026-12-02']);
  });

  it('a "soon" of 0 days means none, not a second reminder on the due day', () => {
    const all = allRecordRequestReminders(dates, { daysAfterSent: [], targetSoonDays: 0, legalSoonDays: 0 });
    expect(all.map((r) => r.kind)).toEqual([K.TARGET_DUE, K.LEGAL_DUE, K.LEGAL_OVERDUE]);
  });

  it('moves a "soon" that falls on a day off back to the working day before, so it never comes with the date it warns of', () => {
    // Sent Monday 2026-11-02: the plan target is Monday 11-16, the legal date Tuesday 12-01.
    const monday = { sentOn: d('2026-11-02'), planTargetOn: d('2026-11-16'), legalDueOn: d('2026-12-01') };
    const s = { daysAfterSent: [], targetSoonDays: 2, legalSoonDays: 3 };
    // Saturday 11-14 and Saturday 11-28 go on the Fridays before (moved on, they would come on Monday).
    expect(allRecordRequestReminders(monday, s).map((r) => `${r.kind}@${r.on}`)).toEqual([
      'TARGET_SOON@2026-11-13',
      'TARGET_DUE@2026-11-16',
      'LEGAL_SOON@2026-11-27',
      'LEGAL_DUE@2026-12-01',
      'LEGAL_OVERDUE@2026-12-02',
    ]);
    // An organization working Sunday to Thursday gets its Saturday "soon" on the Thursday.
    const sundayToThursday = [7, 1, 2, 3, 4] as const;
    expect(allRecordRequestReminders(monday, s, sundayToThursday).find((r) => r.kind === K.TARGET_SOON)?.on).toBe('2026-11-12');
    // A job queued for the Saturday (before this rule) finds it no longer applies; the Friday one does.
    expect(reminderStillApplies(K.TARGET_SOON, d('2026-11-14'), monday, s)).toBe(false);
    expect(reminderStillApplies(K.TARGET_SOON, d('2026-11-13'), monday, s)).toBe(true);
  });

  it('leaves out reminders on days already past but keeps today', () => {
    expect(recordRequestReminders(dates, d('2026-11-15')).map((r) => r.kind)).toEqual([K.TARGET_DUE, K.LEGAL_SOON, K.LEGAL_DUE, K.LEGAL_OVERDUE]);
    expect(recordRequestReminders(dates, d('2026-12-03'))).toEqual([]);
  });

  it('counts days across month and year ends and leap days', () => {
    const r = allRecordRequestReminders({ sentOn: d('2028-02-20'), planTargetOn: d('2028-03-05'), legalDueOn: d('2028-03-21') }, { daysAfterSent: [9, 10], targetSoonDays: 0, legalSoonDays: 0 });
    expect(r.filter((x) => x.kind === K.SENT_DAY).map((x) => x.on)).toEqual(['2028-02-29', '2028-03-01']);
    const y = allRecordRequestReminders({ sentOn: d('2026-12-28'), planTargetOn: d('2027-01-11'), legalDueOn: d('2027-01-27') }, { daysAfterSent: [7], targetSoonDays: 0, legalSoonDays: 0 });
    expect(y[0]).toEqual({ kind: K.SENT_DAY, on: '2027-01-04', escalate: false, day: 7 });
  });

  it('knows whether a scheduled reminder still applies (an extension or new settings make old ones no-ops)', () => {
    expect(reminderStillApplies(K.LEGAL_DUE, d('2026-12-01'), dates)).toBe(true);
    const extended = { ...dates, legalDueOn: d('2026-12-31') };
    expect(reminderStillApplies(K.LEGAL_DUE, d('2026-12-01'), extended)).toBe(false);
    expect(reminderStillApplies(K.LEGAL_OVERDUE, d('2027-01-01'), extended)).toBe(true);
    expect(reminderStillApplies(K.SENT_DAY, d('2026-11-08'), dates)).toBe(true);
    expect(reminderStillApplies(K.SENT_DAY, d('2026-11-08'), dates, { ...DEFAULT_RECORD_REMINDER_SETTINGS, daysAfterSent: [10] })).toBe(false);
    expect(reminderStillApplies(K.SENT_DAY, d('2026-11-11'), dates, { ...DEFAULT_RECORD_REMINDER_SETTINGS, daysAfterSent: [10] })).toBe(true);
  });
});

describe('validateRecordReminderSettings', () => {
  it('sorts and de-duplicates the days', () => {
    expect(validateRecordReminderSettings({ daysAfterSent: [25, 7, 14, 7], targetSoonDays: 2, legalSoonDays: 5 })).toEqual({ daysAfterSent: [7, 14, 25], targetSoonDays: 2, legalSoonDays: 5 });
    expect(validateRecordReminderSettings({ daysAfterSent: [], targetSoonDays: 0, legalSoonDays: 0 }).daysAfterSent).toEqual([]);
  });

  it.each([
    [{ daysAfterSent: [0] }, 'daysAfterSent'],
    [{ daysAfterSent: [61] }, 'daysAfterSent'],
    [{ daysAfterSent: [1.5] }, 'daysAfterSent'],
    [{ daysAfterSent: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }, 'daysAfterSent'],
    [{ targetSoonDays: -1 }, 'targetSoonDays'],
    [{ targetSoonDays: 15 }, 'targetSoonDays'],
    [{ legalSoonDays: 31 }, 'legalSoonDays'],
    [{ legalSoonDays: Number.NaN }, 'legalSoonDays'],
  ])('refuses %j naming %s', (bad, field) => {
    expect(() => validateRecordReminderSettings({ ...DEFAULT_RECORD_REMINDER_SETTINGS, ...bad })).toThrow(
      expect.objectContaining({ code: DomainErrorCode.VALIDATION_FAILED, details: expect.objectContaining({ field }) }),
    );
  });
});
