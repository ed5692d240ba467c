import { DomainError, DomainErrorCode } from '../errors/domain-error';
import {
  CalendarDate,
  addDays,
  calendarDate,
  calendarDateParts,
  compareDates,
  daysBetween,
  daysInMonth,
  earlierOf,
  isAfter,
  isBefore,
  isCalendarDate,
  isLeapYear,
  isSameDate,
  laterOf,
  parseCalendarDate,
} from './calendar-date';

const d = (text: string): CalendarDate => parseCalendarDate(text);

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('leap years', () => {
  it.each([
    [2024, true],
    [2025, false],
    [2000, true],
    [2100, false],
    [1900, false],
    [2400, true],
    [1996, true],
  ])('%i leap = %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it('February has 29 days only in leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it('month lengths follow the calendar', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });

  it('daysInMonth refuses a month outside 1-12', () => {
    expect(() => daysInMonth(2025, 0)).toThrow(RangeError);
    expect(() => daysInMonth(2025, 13)).toThrow(RangeError);
    expect(() => daysInMonth(2025, 1.5)).toThrow(RangeError);
  });
});

describe('parseCalendarDate / isCalendarDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2025-01-31', '2025-12-31', '0001-01-01', '9999-12-31', '2025-04-30'])('accepts %s', (text) => {
    expect(isCalendarDate(text)).toBe(true);
    expect(parseCalendarDate(text)).toBe(text);
  });

  it.each([
    '2025-02-29', // not a leap year
    '2100-02-29', // century, not a leap year
    '1900-02-29',
    '2024-02-30',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-01-32',
    '2025-04-31',
    '2025-06-31',
    '2025-09-31',
    '2025-11-31',
    '0000-01-01', // no year zero
  ])('rejects the impossible day %s', (text) => {
    expect(isCalendarDate(text)).toBe(false);
    const error = caught(() => parseCalendarDate(text, 'sentOn'));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: DomainErrorCode.VALIDATION_FAILED,
      details: { field: 'sentOn', value: text },
    });
    expect((error as DomainError).message).toContain('not a real calendar date');
  });

  it.each([
    '',
    '2024-1-05',
    '2024-01-5',
    '24-01-05',
    '20240105',
    '2024/01/05',
    '05-01-2024',
    '2024-01-05T00:00:00Z',
    '2024-01-05 ',
    ' 2024-01-05',
    '+02024-01-05',
    'tomorrow',
    '２０２４-01-05', // full-width digits
  ])('rejects the malformed text %j', (text) => {
    expect(isCalendarDate(text)).toBe(false);
    const error = caught(() => parseCalendarDate(text));
    expect(error).toMatchObject({ code: DomainErrorCode.VALIDATION_FAILED, details: { field: 'date' } });
    expect((error as DomainError).message).toContain('YYYY-MM-DD');
  });

  it('isCalendarDate is false for non-strings', () => {
    expect(isCalendarDate(undefined)).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
    expect(isCalendarDate(20240105)).toBe(false);
    expect(isCalendarDate(new Date('2024-01-05'))).toBe(false);
  });
});

describe('calendarDate / calendarDateParts', () => {
  it('builds zero-padded ISO text', () => {
    expect(calendarDate(2025, 3, 7)).toBe('2025-03-07');
    expect(calendarDate(987, 1, 1)).toBe('0987-01-01');
  });

  it('reads the parts back', () => {
    expect(calendarDateParts(d('2024-02-29'))).toEqual({ year: 2024, month: 2, day: 29 });
    expect(calendarDateParts(d('0987-12-01'))).toEqual({ year: 987, month: 12, day: 1 });
  });

  it('refuses impossible parts as a programming error', () => {
    expect(() => calendarDate(2025, 2, 29)).toThrow(RangeError);
    expect(() => calendarDate(2024, 13, 1)).toThrow(RangeError);
    expect(() => calendarDate(2024, 1, 0)).toThrow(RangeError);
    expect(() => calendarDate(10000, 1, 1)).toThrow(RangeError);
    expect(() => calendarDate(2024.5, 1, 1)).toThrow(RangeError);
    expect(() => calendarDate(Number.NaN, 1, 1)).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it.each([
    ['2025-01-31', 30, '2025-03-02'], // month end into a short February
    ['2024-01-31', 30, '2024-03-01'], // same in a leap year
    ['2025-01-31', 1, '2025-02-01'],
    ['2025-01-30', 30, '2025-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2100-02-28', 1, '2100-03-01'], // 2100 is not a leap year
    ['2000-02-28', 1, '2000-02-29'], // 2000 is
    ['2024-02-29', 365, '2025-02-28'],
    ['2024-02-29', 366, '2025-03-01'],
    ['2024-12-31', 1, '2025-01-01'], // year end
    ['2024-12-20', 14, '2025-01-03'],
    ['2024-12-18', 30, '2025-01-17'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2025-05-05', 0, '2025-05-05'],
    ['2025-01-01', 365, '2026-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
    ['1999-12-31', 1, '2000-01-01'],
    ['2025-06-15', 60, '2025-08-14'],
  ])('%s + %i days = %s', (from, days, expected) => {
    expect(addDays(d(from), days)).toBe(expected);
  });

  it('refuses fractional days, which would be a time not a date', () => {
    expect(() => addDays(d('2025-01-01'), 1.5)).toThrow(RangeError);
    expect(() => addDays(d('2025-01-01'), Number.NaN)).toThrow(RangeError);
  });

  it('refuses to leave years 0001-9999', () => {
    expect(() => addDays(d('9999-12-31'), 1)).toThrow(RangeError);
    expect(() => addDays(d('0001-01-01'), -1)).toThrow(RangeError);
    expect(addDays(d('0001-01-02'), -1)).toBe('0001-01-01');
  });

  it('agrees with the platform UTC calendar on every day from 1899 to 2101', () => {
    // An independent oracle: Date.UTC at midnight UTC has no zone or DST to interfere.
    let date = d('1899-01-01');
    let ms = Date.UTC(1899, 0, 1);
    const end = d('2101-12-31');
    let checked = 0;
    while (date <= end) {
      expect(date).toBe(new Date(ms).toISOString().slice(0, 10));
      date = addDays(date, 1);
      ms += 86_400_000;
      checked += 1;
    }
    expect(checked).toBe(daysBetween(d('1899-01-01'), end) + 1);
  });

  it('round-trips with daysBetween', () => {
    const start = d('2023-11-05');
    for (let n = -800; n <= 800; n += 37) {
      expect(daysBetween(start, addDays(start, n))).toBe(n);
    }
  });
});

describe('daysBetween', () => {
  it.each([
    ['2025-01-01', '2025-01-01', 0],
    ['2025-01-01', '2025-01-02', 1],
    ['2025-01-02', '2025-01-01', -1],
    ['2025-02-01', '2025-03-01', 28],
    ['2024-02-01', '2024-03-01', 29],
    ['2100-02-01', '2100-03-01', 28],
    ['2000-02-01', '2000-03-01', 29],
    ['2024-12-31', '2025-01-01', 1],
    ['2024-01-01', '2025-01-01', 366],
    ['2025-01-01', '2026-01-01', 365],
    ['2000-01-01', '2100-01-01', 36525], // 2000 is a leap year
    ['2100-01-01', '2200-01-01', 36524], // 2100 is not
    ['2000-01-01', '2400-01-01', 146097],
  ])('%s to %s is %i days', (from, to, days) => {
    expect(daysBetween(d(from), d(to))).toBe(days);
  });

  it('is not thrown off by a daylight-saving change (a wall-clock day is one day)', () => {
    expect(daysBetween(d('2025-03-08'), d('2025-03-10'))).toBe(2); // US spring forward 03-09
    expect(daysBetween(d('2025-11-01'), d('2025-11-03'))).toBe(2); // US fall back 11-02
    expect(daysBetween(d('2025-03-29'), d('2025-03-31'))).toBe(2); // EU spring forward 03-30
  });
});

describe('comparisons', () => {
  const a = d('2024-12-31');
  const b = d('2025-01-01');

  it('compares in calendar order', () => {
    expect(compareDates(a, b)).toBe(-1);
    expect(compareDates(b, a)).toBe(1);
    expect(compareDates(a, d('2024-12-31'))).toBe(0);
    expect(isBefore(a, b)).toBe(true);
    expect(isBefore(b, a)).toBe(false);
    expect(isBefore(a, a)).toBe(false);
    expect(isAfter(b, a)).toBe(true);
    expect(isAfter(a, a)).toBe(false);
    expect(isSameDate(a, d('2024-12-31'))).toBe(true);
    expect(isSameDate(a, b)).toBe(false);
  });

  it('picks the earlier and the later', () => {
    expect(earlierOf(a, b)).toBe(a);
    expect(earlierOf(b, a)).toBe(a);
    expect(laterOf(a, b)).toBe(b);
    expect(laterOf(b, a)).toBe(b);
  });

  it('sorts across months, years and centuries', () => {
    const dates = ['2025-01-10', '2024-12-31', '0999-06-01', '2025-01-09', '2100-02-28', '2025-10-01'].map(d);
    expect([...dates].sort(compareDates)).toEqual(['0999-06-01', '2024-12-31', '2025-01-09', '2025-01-10', '2025-10-01', '2100-02-28']);
  });
});
