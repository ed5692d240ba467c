import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { CalendarDate, calendarDate } from './calendar-date';

// Building a formatter is costly and the zones in play are few (one per organization).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // gregory + latn pin the calendar and digits, so no locale default can change the reading.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the platform knows the IANA zone (e.g. "America/Chicago"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date on the wall in `timeZone` at `instant`. Deadlines are counted in
 * the organization's zone, so "today" must be too: the same instant is already
 * tomorrow in Auckland while it is still today in Los Angeles.
 */
export function todayInZone(instant: Date, timeZone: string): CalendarDate {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError('todayInZone needs a valid Date instant');
  }
  if (!isValidTimeZone(timeZone)) {
    throw new DomainError(DomainErrorCode.VALIDATION_FAILED, `Unknown time zone: ${String(timeZone)}`, {
      field: 'timeZone',
      value: timeZone,
    });
  }
  const parts = formatterFor(timeZone).formatToParts(instant);
  const read = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    if (!part) throw new RangeError(`Intl gave no ${type} for ${timeZone}`);
    return Number(part.value);
  };
  return calendarDate(read('year'), read('month'), read('day'));
}
