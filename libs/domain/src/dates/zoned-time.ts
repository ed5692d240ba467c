import { CalendarDate, calendarDateParts } from './calendar-date';

// One formatter per zone, built once: building one costs far more than using it.
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The offset of a zone from UTC at an instant, in minutes (e.g. -360 for Chicago in winter). */
function offsetMinutes(instant: Date, timeZone: string): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - instant.getTime()) / 60000);
}

/**
 * The instant when the wall clock in `timeZone` shows `hour:minute` on `date` — e.g. 09:00 in
 * the organization's time zone, when a reminder should fire. On a day when clocks jump
 * forward past that time, the result is the first valid instant after it.
 */
export function zonedDateTimeToInstant(date: CalendarDate, hour: number, minute: number, timeZone: string): Date {
  const { year, month, day } = calendarDateParts(date);
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The offsets in force half a day either side cover any change on this day.
  const candidates = [-12, 12].map((h) => wallAsUtc - offsetMinutes(new Date(wallAsUtc + h * 3600000), timeZone) * 60000);
  const valid = candidates.filter((c) => c === wallAsUtc - offsetMinutes(new Date(c), timeZone) * 60000);
  // Ambiguous (clocks went back): the earlier. In the gap (clocks jumped): the first instant after it.
  return new Date(valid.length ? Math.min(...valid) : Math.max(...candidates));
}
