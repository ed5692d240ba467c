import { DomainError, DomainErrorCode } from '../errors/domain-error';

/**
 * A calendar date in the organization's time zone, as an ISO `YYYY-MM-DD` string.
 *
 * Why a string and not a `Date`: the product's deadlines are days on a wall calendar
 * (docs/domain.md, "The clock"), not instants. A `Date` carries a time and a zone, and
 * every conversion risks sliding a deadline by one day. The ISO string is what the
 * database `date` column and the API exchange anyway, it survives JSON untouched, and
 * because it is fixed-width (years 0001–9999) it sorts and compares as plain text.
 *
 * The brand means a value can only come from `parseCalendarDate`, `calendarDate`,
 * the arithmetic below or `todayInZone`, so every `CalendarDate` is a real day.
 */
declare const calendarDateBrand: unique symbol;
export type CalendarDate = string & { readonly [calendarDateBrand]: true };

export interface CalendarDateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export const MIN_CALENDAR_YEAR = 1;
export const MAX_CALENDAR_YEAR = 9999;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in a month; `month` is 1–12. */
export function daysInMonth(year: number, month: number): number {
  const length = Number.isInteger(month) ? MONTH_LENGTHS[month - 1] : undefined;
  if (length === undefined) throw new RangeError(`month must be an integer 1-12, got ${month}`);
  return month === 2 && isLeapYear(year) ? 29 : length;
}

function partsAreValid(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_CALENDAR_YEAR &&
    year <= MAX_CALENDAR_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function format(year: number, month: number, day: number): CalendarDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as CalendarDate;
}

/** True for a real day written exactly as `YYYY-MM-DD` (no time, no zone, no 2025-02-29). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  return partsAreValid(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * Reads a date a person or client supplied. Rejection is a validation failure the user
 * can fix, so it is a DomainError naming the field rather than a crash.
 */
export function parseCalendarDate(value: string, field = 'date'): CalendarDate {
  if (isCalendarDate(value)) return value;
  const shapeOk = typeof value === 'string' && ISO_DATE.test(value);
  throw new DomainError(DomainErrorCode.VALIDATION_FAILED, shapeOk ? `${field} is not a real calendar date: ${value}` : `${field} must be a calendar date written as YYYY-MM-DD`, { field, value });
}

/** Builds a date from numbers; a programming slip (month 13) is a RangeError, not user input. */
export function calendarDate(year: number, month: number, day: number): CalendarDate {
  if (!partsAreValid(year, month, day)) {
    throw new RangeError(`Not a calendar date: ${year}-${month}-${day}`);
  }
  return format(year, month, day);
}

export function calendarDateParts(date: CalendarDate): CalendarDateParts {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

// Day-number arithmetic (H. Hinnant's civil-date algorithms): integers only, so no
// platform Date, no zone and no daylight-saving hour can shift the answer.
function toDayNumber(date: CalendarDate): number {
  const { year, month, day } = calendarDateParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(dayNumber: number): CalendarDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR) {
    throw new RangeError(`Date arithmetic left the supported years ${MIN_CALENDAR_YEAR}-${MAX_CALENDAR_YEAR}`);
  }
  return format(year, month, day);
}

/** `days` calendar days later (or earlier when negative). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number, got ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export const daysBetween = (from: CalendarDate, to: CalendarDate): number => toDayNumber(to) - toDayNumber(from);

/** -1, 0 or 1, for `Array.prototype.sort`. Fixed-width ISO text sorts in date order. */
export const compareDates = (a: CalendarDate, b: CalendarDate): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0);

export const isBefore = (a: CalendarDate, b: CalendarDate): boolean => a < b;
export const isAfter = (a: CalendarDate, b: CalendarDate): boolean => a > b;
export const isSameDate = (a: CalendarDate, b: CalendarDate): boolean => a === b;
export const earlierOf = (a: CalendarDate, b: CalendarDate): CalendarDate => (a <= b ? a : b);
export const laterOf = (a: CalendarDate, b: CalendarDate): CalendarDate => (a >= b ? a : b);
