import { CalendarDate } from '../dates/calendar-date';
import { IsoWeekday } from '../dates/working-hours';
import {
  allAppointmentReminders,
  APPOINTMENT_REMINDER_AUDIENCE,
  AppointmentReminderAudience,
  AppointmentReminderKind as K,
  appointmentReminders,
  appointmentReminderStillApplies,
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
  it('follow the organisation’s own working days (Sunday to Thursday)', () => {
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
  it('a visit booked at short notice keeps only what is still to come (today counts)', () => {
    expect(kinds(appointmentReminders(d('2026-12-10'), d('2026-12-09'), WEEKDAYS))).toEqual(['DAY_BEFORE 2026-12-09', 'RECORD_OPINION 2026-12-11', 'BOOK_FOLLOW_UP 2026-12-17']);
    expect(kinds(appointmentReminders(d('2026-12-10'), d('2026-12-12'), WEEKDAYS))).toEqual(['BOOK_FOLLOW_UP 2026-12-17']);
    expect(appointmentReminders(d('2026-12-10'), d('2026-12-18'), WEEKDAYS)).toEqual([]);
  });
  it('settings change the distances', () => {
    expect(kinds(allAppointmentReminders(d('2026-12-10'), WEEKDAYS, { soonDays: 7, verifyWorkingDays: 10, followUpDays: 14 }))).toEqual([
      'VERIFY_COVERAGE 2026-11-26',
      'SOON 2026-12-03',
      'DAY_BEFORE 2026-12-09',
      'RECORD_OPINION 2026-12-11',
      'BOOK_FOLLOW_UP 2026-12-24',
    ]);
  });
  it('patients get the before-visit reminders, staff the coverage ones, both the after-visit ones', () => {
    expect(APPOINTMENT_REMINDER_AUDIENCE[K.DAY_BEFORE]).toBe(AppointmentReminderAudience.PATIENT);
    expect(APPOINTMENT_REMINDER_AUDIENCE[K.VERIFY_COVERAGE]).toBe(AppointmentReminderAudience.STAFF);
    expect(APPOINTMENT_REMINDER_AUDIENCE[K.PRE_AUTH_EXPIRES]).toBe(AppointmentReminderAudience.STAFF);
    expect(APPOINTMENT_REMINDER_AUDIENCE[K.RECORD_OPINION]).toBe(AppointmentReminderAudience.PATIENT_AND_ADVOCATE);
    for (const k of Object.values(K)) expect(APPOINTMENT_REMINDER_AUDIENCE[k]).toBeDefined();
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
});
