import { CalendarDate } from '../dates/calendar-date';
import { IsoWeekday } from '../dates/working-hours';
import {
  allAppointmentReminders,
  APPOINTMENT_REMINDER_AUDIENCE,
  AppointmentReminderAudience,
  AppointmentReminderKind as K,
  appointmentReminders,
  appointmentReminderStillApplies,
  BEFORE_VISIT_KINDS,
  FLAG_KINDS,
  DEFAULT_APPOINTMENT_REMINDER_SETTINGS,
  validateAppointmentReminderSettings,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  workingDaysBefore,
} from './appointment-reminders';

const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5];
const d = (s: string) => s as CalendarDate;
const kinds = (list: { kind: K; on: string }[]) => list.map((r) => `${r.kind} ${r.on}`);

describe('working-day helpers', () => {
  it('move a weekend day back to Friday or on to Monday', () => {
    expect(workingDayOnOrBefore(d('2026-12-13'), WEEKDAYS)).toBe('2026-12-11'); // Sun -> Fri
    expect(workingDayOnOrBefore(d('2026-12-10'), WEEKDAYS)).toBe('2026-12-10');
    expect(workingDayOnOrAfter(d('2026-12-12'), WEEKDAYS)).toBe('2026-12-14'); // Sat -> Mon
    expect(workingDayOnOrAfter(d('2026-12-14'), WEEKDAYS)).toBe('2026-12-14');
  });
  it('count working days back, skipping the weekend, not counting the day itself', () => {
    expect(workingDaysBefore(d('2026-12-10'), 5, WEEKDAYS)).toBe('2026-12-03'); // Thu -> Thu a week before
    expect(workingDaysBefore(d('2026-12-14'), 5, WEEKDAYS)).toBe('2026-12-07'); // Mon -> Mon
    expect(workingDaysBefore(d('2026-12-14'), 1, WEEKDAYS)).toBe('2026-12-11'); // Mon -> Fri
    expect(workingDaysBefore(d('2026-12-14'), 0, WEEKDAYS)).toBe('2026-12-14');
  });
  it('follow the organization’s own working days (Sunday to Thursday)', () => {
    const sunThu: IsoWeekday[] = [7, 1, 2, 3, 4];
    expect(workingDayOnOrBefore(d('2026-12-12'), sunThu)).toBe('2026-12-10'); // Sat -> Thu
    expect(workingDayOnOrAfter(d('2026-12-11'), sunThu)).toBe('2026-12-13'); // Fri -> Sun
  });
});

describe('appointment reminders', () => {
  it('a Thursday visit: verify a working week before, coming up three days before, the day before, then after', () => {
    expect(kinds(allAppointmentReminders(d('2026-12-10'), WEEKDAYS))).toEqual([
      'VERIFY_COVERAGE 2026-12-03',
      'SOON 2026-12-07',
      'DAY_BEFORE 2026-12-09',
      'RECORD_OPINION 2026-12-11',
      'BOOK_FOLLOW_UP 2026-12-17',
    ]);
  });
  it('a Monday visit: the day before is the Friday, and the coming-up reminder on that same day is left out', () => {
    expect(kinds(allAppointmentReminders(d('2026-12-14'), WEEKDAYS))).toEqual(['VERIFY_COVERAGE 2026-12-07', 'DAY_BEFORE 2026-12-11', 'RECORD_OPINION 2026-12-15', 'BOOK_FOLLOW_UP 2026-12-21']);
  });
  it('a Saturday visit: the nudges after it wait for Monday', () => {
    expect(kinds(allAppointmentReminders(d('2026-12-12'), WEEKDAYS))).toEqual([
      'VERIFY_COVERAGE 2026-12-07',
      'SOON 2026-12-09',
      'DAY_BEFORE 2026-12-11',
      'RECORD_OPINION 2026-12-14',
      'BOOK_FOLLOW_UP 2026-12-21',
    ]);
  });
  it('every reminder falls on a working day, for any visit date', () => {
    for (let i = 0; i < 14; i++) {
      const on = new Date(Date.UTC(2026, 11, 1 + i)).toISOString().slice(0, 10) as CalendarDate;
      for (const r of allAppointmentReminders(on, WEEKDAYS)) {
        const wd = new Date(`${r.on}T12:00:00Z`).getUTCDay();
        expect(wd === 0 || wd === 6).toBe(false);
        if (r.kind === K.SOON || r.kind === K.DAY_BEFORE || r.kind === K.VERIFY_COVERAGE) expect(r.on < on).toBe(true);
        else expect(r.on > on).toBe(true);
      }
    }
  });
  it('a visit booked at short notice keeps only what is still to come (today counts), and its coverage check, due at once, until the visit', () => {
    expect(kinds(appointmentReminders(d('2026-12-10'), d('2026-12-09'), WEEKDAYS))).toEqual([
      'VERIFY_COVERAGE 2026-12-03',
      'DAY_BEFORE 2026-12-09',
      'RECORD_OPINION 2026-12-11',
      'BOOK_FOLLOW_UP 2026-12-17',
    ]);
    expect(kinds(appointmentReminders(d('2026-12-10'), d('2026-12-10'), WEEKDAYS))).toEqual(['VERIFY_COVERAGE 2026-12-03', 'RECORD_OPINION 2026-12-11', 'BOOK_FOLLOW_UP 2026-12-17']);
    expect(kinds(appointmentReminders(d('2026-12-10'), d('2026-12-12'), WEEKDAYS))).toEqual(['BOOK_FOLLOW_UP 2026-12-17']);
    expect(appointmentReminders(d('2026-12-10'), d('2026-12-18'), WEEKDAYS)).toEqual([]);
  });
  it('settings change the distances', () => {
    expect(kinds(allAppointmentReminders(d('2026-12-10'), WEEKDAYS, { soonDays: 7, verifyWorkingDays: 10, recordOpinionDays: 1, followUpDays: 14 }))).toEqual([
      'VERIFY_COVERAGE 2026-11-26',
      'SOON 2026-12-03',
      'DAY_BEFORE 2026-12-09',
      'RECORD_OPINION 2026-12-11',
      'BOOK_FOLLOW_UP 2026-12-24',
    ]);
    // The opinion nudge later (Thursday + 4 = Monday), the "coming up" one switched off.
    expect(kinds(allAppointmentReminders(d('2026-12-10'), WEEKDAYS, { soonDays: 0, verifyWorkingDays: 2, recordOpinionDays: 4, followUpDays: 10 }))).toEqual([
      'VERIFY_COVERAGE 2026-12-08',
      'DAY_BEFORE 2026-12-09',
      'RECORD_OPINION 2026-12-14',
      'BOOK_FOLLOW_UP 2026-12-21',
    ]);
  });
  it('never puts the follow-up nudge on the opinion one’s day, even when a weekend moves both to Monday', () => {
    // Thursday visit: +2 = Saturday and +3 = Sunday both move on to Monday; the follow-up goes on Tuesday.
    expect(kinds(allAppointmentReminders(d('2026-12-10'), WEEKDAYS, { ...DEFAULT_APPOINTMENT_REMINDER_SETTINGS, recordOpinionDays: 2, followUpDays: 3 }).filter((r) => r.on > '2026-12-10'))).toEqual([
      'RECORD_OPINION 2026-12-14',
      'BOOK_FOLLOW_UP 2026-12-15',
    ]);
  });
  it('on a day the coverage check shares with another reminder, the coverage check comes first', () => {
    // Thursday visit: 7 days before and 5 working days before are both the Thursday before; 1 working day before is the day before.
    expect(kinds(allAppointmentReminders(d('2026-12-10'), WEEKDAYS, { ...DEFAULT_APPOINTMENT_REMINDER_SETTINGS, soonDays: 7 })).slice(0, 2)).toEqual(['VERIFY_COVERAGE 2026-12-03', 'SOON 2026-12-03']);
    expect(kinds(allAppointmentReminders(d('2026-12-10'), WEEKDAYS, { ...DEFAULT_APPOINTMENT_REMINDER_SETTINGS, verifyWorkingDays: 1 })).slice(1, 3)).toEqual([
      'VERIFY_COVERAGE 2026-12-09',
      'DAY_BEFORE 2026-12-09',
    ]);
  });
  it('the before-visit reminders are dropped once the visit began, and the flags have no calendar day', () => {
    expect([...BEFORE_VISIT_KINDS].sort()).toEqual([K.DAY_BEFORE, K.SOON, K.VERIFY_COVERAGE]);
    expect([...FLAG_KINDS].sort()).toEqual([K.PRE_AUTH_EXPIRES, K.REVERIFY_COVERAGE]);
    expect(allAppointmentReminders(d('2026-12-10'), WEEKDAYS).filter((r) => FLAG_KINDS.has(r.kind))).toEqual([]);
  });
  it('patients get the before-visit reminders, staff the coverage ones, both the after-visit ones', () => {
    expect(APPOINTMENT_REMINDER_AUDIENCE[K.DAY_BEFORE]).toBe(AppointmentReminderAudience.PATIENT);
    expect(APPOINTMENT_REMINDER_AUDIENCE[K.VERIFY_COVERAGE]).toBe(AppointmentReminderAudience.STAFF);
    expect(APPOINTMENT_REMINDER_AUDIENCE[K.PRE_AUTH_EXPIRES]).toBe(AppointmentReminderAudience.STAFF);
    expect(APPOINTMENT_REMINDER_AUDIENCE[K.RECORD_OPINION]).toBe(AppointmentReminderAudience.PATIENT_AND_ADVOCATE);
    for (const k of Object.values(K)) expect(APPOINTMENT_REMINDER_AUDIENCE[k]).toBeDefined();
  });
});

describe('an admin’s appointment reminder settings', () => {
  const ok = DEFAULT_APPOINTMENT_REMINDER_SETTINGS;
  const refused = (s: Partial<typeof ok>) => {
    try {
      validateAppointmentReminderSettings({ ...ok, ...s });
    } catch (e) {
      return { code: (e as { code?: string }).code, field: (e as { details?: { field?: string } }).details?.field, message: (e as Error).message };
    }
    return null;
  };
  it('accepts the defaults and the ends of each range, and 0 for no "coming up" reminder', () => {
    expect(validateAppointmentReminderSettings(ok)).toEqual(ok);
    expect(validateAppointmentReminderSettings({ soonDays: 0, verifyWorkingDays: 1, recordOpinionDays: 1, followUpDays: 2 })).toEqual({
      soonDays: 0,
      verifyWorkingDays: 1,
      recordOpinionDays: 1,
      followUpDays: 2,
    });
    expect(validateAppointmentReminderSettings({ soonDays: 21, verifyWorkingDays: 20, recordOpinionDays: 14, followUpDays: 60 })).toBeTruthy();
  });
  it('refuses out-of-range or fractional days, naming the field', () => {
    expect(refused({ soonDays: 1 })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'appointmentSoonDays' });
    expect(refused({ soonDays: 22 })).toMatchObject({ field: 'appointmentSoonDays' });
    expect(refused({ soonDays: -1 })).toMatchObject({ field: 'appointmentSoonDays' });
    expect(refused({ verifyWorkingDays: 0 })).toMatchObject({ field: 'verifyCoverageWorkingDays' });
    expect(refused({ verifyWorkingDays: 21 })).toMatchObject({ field: 'verifyCoverageWorkingDays' });
    expect(refused({ recordOpinionDays: 0 })).toMatchObject({ field: 'recordOpinionDays' });
    expect(refused({ recordOpinionDays: 1.5 })).toMatchObject({ field: 'recordOpinionDays' });
    expect(refused({ followUpDays: 61 })).toMatchObject({ field: 'bookFollowUpDays' });
  });
  it('wants the follow-up nudge after the opinion one', () => {
    expect(refused({ recordOpinionDays: 7, followUpDays: 7 })).toMatchObject({ field: 'bookFollowUpDays', message: expect.stringMatching(/after the one to write the opinion down/) });
  });
});

describe('does a reminder still apply?', () => {
  const visit = { on: d('2026-12-10'), startsAt: new Date('2026-12-10T16:00:00Z') };
  const before = new Date('2026-12-09T15:00:00Z');
  it('yes while the visit keeps its date', () => {
    expect(appointmentReminderStillApplies({ kind: K.DAY_BEFORE, on: d('2026-12-09') }, visit, before, WEEKDAYS)).toBe(true);
    expect(appointmentReminderStillApplies({ kind: K.RECORD_OPINION, on: d('2026-12-11') }, visit, new Date('2026-12-11T15:00:00Z'), WEEKDAYS)).toBe(true);
  });
  it('no once the visit moved', () => {
    const moved = { on: d('2026-12-17'), startsAt: new Date('2026-12-17T16:00:00Z') };
    expect(appointmentReminderStillApplies({ kind: K.DAY_BEFORE, on: d('2026-12-09') }, moved, before, WEEKDAYS)).toBe(false);
    expect(appointmentReminderStillApplies({ kind: K.REVERIFY_COVERAGE, on: d('2026-12-10') }, moved, before, WEEKDAYS)).toBe(false);
    expect(appointmentReminderStillApplies({ kind: K.REVERIFY_COVERAGE, on: d('2026-12-17') }, moved, before, WEEKDAYS)).toBe(true);
  });
  it('no for a before-visit reminder running after the visit began', () => {
    expect(appointmentReminderStillApplies({ kind: K.DAY_BEFORE, on: d('2026-12-09') }, visit, new Date('2026-12-10T16:00:00Z'), WEEKDAYS)).toBe(false);
    expect(appointmentReminderStillApplies({ kind: K.VERIFY_COVERAGE, on: d('2026-12-03') }, visit, new Date('2026-12-10T17:00:00Z'), WEEKDAYS)).toBe(false);
  });
  it('no for a kind on a day the visit never had', () => {
    expect(appointmentReminderStillApplies({ kind: K.SOON, on: d('2026-12-08') }, visit, before, WEEKDAYS)).toBe(false);
  });
  it('no once the organization chose other distances (the re-planned job carries the new day)', () => {
    const later = { ...DEFAULT_APPOINTMENT_REMINDER_SETTINGS, recordOpinionDays: 4, followUpDays: 14 };
    const after = new Date('2026-12-11T15:00:00Z');
    expect(appointmentReminderStillApplies({ kind: K.RECORD_OPINION, on: d('2026-12-11') }, visit, after, WEEKDAYS, later)).toBe(false);
    expect(appointmentReminderStillApplies({ kind: K.RECORD_OPINION, on: d('2026-12-14') }, visit, after, WEEKDAYS, later)).toBe(true);
  });
});
