import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { CalendarDate, addDays, calendarDateParts } from './calendar-date';
import { isValidTimeZone, todayInZone } from './time-zone';
import { zonedDateTimeToInstant } from './zoned-time';

/** Minutes since local midnight, 0–1439 (a wall-clock time of day such as 08:30 = 510). */
export type MinuteOfDay = number;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "HH:MM" (24-hour) to minutes since midnight; anything else is a validation failure on `field`. */
export function parseTimeOfDay(text: string, field = 'time'): MinuteOfDay {
  const m = typeof text === 'string' ? TIME.exec(text) : null;
  if (!m) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, `${field} must be a time of day written as HH:MM (00:00 to 23:59)`, { field, value: text });
  return Number(m[1]) * 60 + Number(m[2]);
}

export const formatTimeOfDay = (minutes: MinuteOfDay): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The weekday of a calendar date (no zone involved: a date is a day on the wall calendar). */
export function isoWeekday(date: CalendarDate): IsoWeekday {
  const { year, month, day } = calendarDateParts(date);
  const utcDay = new Date(Date.UTC(year, month - 1, day)).getUTCDay(); // 0 = Sunday
  return (utcDay === 0 ? 7 : utcDay) as IsoWeekday;
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock minute of day in `timeZone` at `instant`. */
export function minuteOfDayInZone(instant: Date, timeZone: string): MinuteOfDay {
  let f = clockFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
    clockFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return get('hour') * 60 + get('minute');
}

/** When work is done: a daily window on some weekdays, in one zone. */
export interface WorkingHours {
  start: MinuteOfDay;
  end: MinuteOfDay;
  days: readonly IsoWeekday[];
  timeZone: string;
}

export const DEFAULT_WORKING_HOURS: Omit<WorkingHours, 'timeZone'> = { start: 9 * 60, end: 17 * 60, days: [1, 2, 3, 4, 5] };

const invalid = (field: string, message: string, value?: unknown) => new DomainError(DomainErrorCode.VALIDATION_FAILED, message, { field, ...(value !== undefined ? { value } : {}) });

/** Checks working hours a person entered: a real zone, a window of at least an hour that does not cross midnight, and at least one day. */
export function validateWorkingHours(w: WorkingHours): WorkingHours {
  if (!isValidTimeZone(w.timeZone)) throw invalid('timeZone', `Unknown time zone: ${String(w.timeZone)}`, w.timeZone);
  for (const [field, v] of [
    ['workStart', w.start],
    ['workEnd', w.end],
  ] as const) {
    if (!Number.isInteger(v) || v < 0 || v > 24 * 60) throw invalid(field, `${field} must be a time of day`, v);
  }
  if (w.end - w.start < 60) throw invalid('workEnd', 'Working hours must end at least an hour after they start, on the same day', { start: w.start, end: w.end });
  const days = [...new Set(w.days)].sort();
  if (!days.length) throw invalid('workingDays', 'Choose at least one working day');
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) throw invalid('workingDays', 'Working days are 1 (Monday) to 7 (Sunday)', w.days);
  return { ...w, days };
}

/**
 * The first instant at or after `from` that lies inside working hours. A reminder due on a
 * Saturday, or at 18:00, waits for the next working morning. DST-safe: each day's window is
 * built from its own wall-clock times.
 */
export function nextWorkingInstant(from: Date, w: WorkingHours): Date {
  let date = todayInZone(from, w.timeZone);
  for (let i = 0; i < 8; i++, date = addDays(date, 1)) {
    if (!w.days.includes(isoWeekday(date))) continue;
    const open = zonedDateTimeToInstant(date, Math.floor(w.start / 60), w.start % 60, w.timeZone);
    const close = zonedDateTimeToInstant(date, Math.floor(w.end / 60), w.end % 60, w.timeZone);
    if (from < open) return open;
    if (from < close) return from;
  }
  throw new RangeError('Working hours have no working day'); // validateWorkingHours prevents this
}

/** When a reminder for calendar date `on` goes out: the start of work that day, or the next working time; never before `now`. */
export function reminderFireAt(on: CalendarDate, now: Date, w: WorkingHours): Date {
  const open = zonedDateTimeToInstant(on, Math.floor(w.start / 60), w.start % 60, w.timeZone);
  return nextWorkingInstant(open > now ? open : now, w);
}
