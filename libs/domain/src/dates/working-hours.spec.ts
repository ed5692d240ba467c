import { CalendarDate } from './calendar-date';
import { DomainErrorCode } from '../errors/domain-error';
import { formatTimeOfDay, isoWeekday, minuteOfDayInZone, nextWorkingInstant, parseTimeOfDay, reminderFireAt, validateWorkingHours, WorkingHours } from './working-hours';

const d = (s: string) => s as CalendarDate;
const at = (iso: string) => new Date(iso);
const CHICAGO: WorkingHours = { start: 9 * 60, end: 17 * 60, days: [1, 2, 3, 4, 5], timeZone: 'America/Chicago' };

describe('times of day', () => {
  it.each([
    ['00:00', 0],
    ['08:30', 510],
    ['23:59', 1439],
    ['12:05', 725],
  ])('reads %s', (t, m) => {
    expect(parseTimeOfDay(t)).toBe(m);
    expect(formatTimeOfDay(m)).toBe(t);
  });
  it.each(['24:00', '8:30', '08:60', '', '08:30:00', 'noon', ' 08:30'])('refuses %j', (t) => {
    expect(() => parseTimeOfDay(t, 'workStart')).toThrow(expect.objectContaining({ code: DomainErrorCode.VALIDATION_FAILED, details: expect.objectContaining({ field: 'workStart' }) }));
  });
  it('knows weekdays', () => {
    expect(isoWeekday(d('2026-12-02'))).toBe(3); // Wednesday
    expect(isoWeekday(d('2026-12-06'))).toBe(7);
    expect(isoWeekday(d('2026-12-07'))).toBe(1);
    expect(isoWeekday(d('2024-02-29'))).toBe(4);
  });
  it('reads the wall clock in a zone', () => {
    expect(minuteOfDayInZone(at('2026-01-15T15:30:00Z'), 'America/Chicago')).toBe(9 * 60 + 30);
    expect(minuteOfDayInZone(at('2026-07-15T15:30:00Z'), 'America/Chicago')).toBe(10 * 60 + 30);
    expect(minuteOfDayInZone(at('2026-01-15T00:00:00Z'), 'Asia/Kolkata')).toBe(5 * 60 + 30);
  });
});

describe('nextWorkingInstant', () => {
  it('keeps an instant inside working hours', () => {
    expect(nextWorkingInstant(at('2026-12-02T16:00:00Z'), CHICAGO).toISOString()).toBe('2026-12-02T16:00:00.000Z'); // Wed 10:00 CST
  });
  it('moves an early morning to 09:00 the same day', () => {
    expect(nextWorkingInstant(at('2026-12-02T12:00:00Z'), CHICAGO).toISOString()).toBe('2026-12-02T15:00:00.000Z');
  });
  it('moves an evening to the next working morning', () => {
    expect(nextWorkingInstant(at('2026-12-02T23:30:00Z'), CHICAGO).toISOString()).toBe('2026-12-03T15:00:00.000Z'); // Wed 17:30 -> Thu 09:00
  });
  it('moves Friday evening and the weekend to Monday 09:00', () => {
    expect(nextWorkingInstant(at('2026-12-04T23:00:00Z'), CHICAGO).toISOString()).toBe('2026-12-07T15:00:00.000Z');
    expect(nextWorkingInstant(at('2026-12-05T18:00:00Z'), CHICAGO).toISOString()).toBe('2026-12-07T15:00:00.000Z');
  });
  it('the end of the window is outside it', () => {
    expect(nextWorkingInstant(at('2026-12-02T23:00:00Z'), CHICAGO).toISOString()).toBe('2026-12-03T15:00:00.000Z'); // exactly 17:00
  });
  it('follows the clock change: 09:00 is 15:00 UTC before it and 14:00 UTC after (US spring forward 2026-03-08)', () => {
    expect(nextWorkingInstant(at('2026-03-06T23:30:00Z'), CHICAGO).toISOString()).toBe('2026-03-09T14:00:00.000Z');
    const sunday = { ...CHICAGO, days: [7] as const, start: 2 * 60 + 30, end: 5 * 60 };
    // 02:30 does not exist on 2026-03-08 in Chicago: it reads as 03:30 CDT.
    expect(nextWorkingInstant(at('2026-03-08T06:00:00Z'), sunday).toISOString()).toBe('2026-03-08T08:30:00.000Z');
  });
  it('fall back (2026-11-01): 09:00 CST', () => {
    expect(nextWorkingInstant(at('2026-10-31T23:00:00Z'), { ...CHICAGO, days: [7] }).toISOString()).toBe('2026-11-01T15:00:00.000Z');
  });
  it('works for a weekend-only office in Auckland', () => {
    const nz: WorkingHours = { start: 10 * 60, end: 14 * 60, days: [6, 7], timeZone: 'Pacific/Auckland' };
    expect(nextWorkingInstant(at('2026-12-02T00:00:00Z'), nz).toISOString()).toBe('2026-12-04T21:00:00.000Z'); // Sat 10:00 NZDT
  });
});

describe('reminderFireAt', () => {
  it('fires at the start of work on the reminder day', () => {
    expect(reminderFireAt(d('2026-12-09'), at('2026-12-02T16:00:00Z'), CHICAGO).toISOString()).toBe('2026-12-09T15:00:00.000Z');
  });
  it('a reminder due on a Sunday waits for Monday', () => {
    expect(reminderFireAt(d('2026-12-13'), at('2026-12-02T16:00:00Z'), CHICAGO).toISOString()).toBe('2026-12-14T15:00:00.000Z');
  });
  it("today's reminder fires now if work has begun, or next working time if the day is over", () => {
    expect(reminderFireAt(d('2026-12-02'), at('2026-12-02T16:00:00Z'), CHICAGO).toISOString()).toBe('2026-12-02T16:00:00.000Z');
    expect(reminderFireAt(d('2026-12-02'), at('2026-12-03T00:00:00Z'), CHICAGO).toISOString()).toBe('2026-12-03T15:00:00.000Z');
  });
});

describe('validateWorkingHours', () => {
  it('sorts and de-duplicates days', () => {
    expect(validateWorkingHours({ ...CHICAGO, days: [5, 1, 1, 3] }).days).toEqual([1, 3, 5]);
  });
  it.each([
    [{ timeZone: 'Mars/Base' }, 'timeZone'],
    [{ start: 17 * 60, end: 9 * 60 }, 'workEnd'],
    [{ start: 9 * 60, end: 9 * 60 + 30 }, 'workEnd'],
    [{ days: [] }, 'workingDays'],
    [{ days: [0] }, 'workingDays'],
    [{ days: [8] }, 'workingDays'],
    [{ start: -1 }, 'workStart'],
  ])('refuses %j naming %s', (bad, field) => {
    expect(() => validateWorkingHours({ ...CHICAGO, ...(bad as Partial<WorkingHours>) })).toThrow(
      expect.objectContaining({ code: DomainErrorCode.VALIDATION_FAILED, details: expect.objectContaining({ field }) }),
    );
  });
});
