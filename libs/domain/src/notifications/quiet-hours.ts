import { addDays } from '../dates/calendar-date';
import { todayInZone } from '../dates/time-zone';
import { minuteOfDayInZone } from '../dates/working-hours';
import { zonedDateTimeToInstant } from '../dates/zoned-time';
import type { QuietHours } from './notification-preferences';

/** True when the wall clock in `timeZone` at `instant` is inside the quiet window (start included, end not). */
export function isInQuietHours(instant: Date, quiet: QuietHours | null, timeZone: string): boolean {
  if (!quiet || quiet.start === quiet.end) return false;
  const m = minuteOfDayInZone(instant, timeZone);
  return quiet.start < quiet.end ? m >= quiet.start && m < quiet.end : m >= quiet.start || m < quiet.end;
}

/**
 * When an immediate e-mail may leave: `instant` itself outside quiet hours, otherwise the
 * moment they end (today's end before it, tomorrow's when the window spans midnight and we
 * are in its evening part). On a day clocks jump over the end, the wall time moved on by the jump.
 */
export function nextSendTime(instant: Date, quiet: QuietHours | null, timeZone: string): Date {
  if (!quiet || !isInQuietHours(instant, quiet, timeZone)) return instant;
  const today = todayInZone(instant, timeZone);
  const m = minuteOfDayInZone(instant, timeZone);
  const endDay = m < quiet.end ? today : addDays(today, 1);
  const end = zonedDateTimeToInstant(endDay, Math.floor(quiet.end / 60), quiet.end % 60, timeZone);
  // Fall-back days repeat an hour: if the computed end is not ahead of us, the later reading is.
  return end > instant ? end : new Date(end.getTime() + 60 * 60 * 1000);
}
