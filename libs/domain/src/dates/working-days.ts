import { addDays, CalendarDate } from './calendar-date';
import { IsoWeekday, isoWeekday } from './working-hours';

/*
 * Moving a reminder's day onto the organization's working days. Apart from the reminders
 * themselves (appointments/appointment-reminders.ts re-exports these), so that the registry of
 * reminder kinds (notifications/notification-kind.ts) can say each kind's day with them.
 */

const isWorking = (d: CalendarDate, days: readonly IsoWeekday[]) => days.includes(isoWeekday(d));

/** The working day on or before `date` (a Sunday reminder goes on the Friday before). */
export function workingDayOnOrBefore(date: CalendarDate, days: readonly IsoWeekday[]): CalendarDate {
  let d = date;
  for (let i = 0; i < 7 && !isWorking(d, days); i++) d = addDays(d, -1);
  return d;
}

/** The working day on or after `date` (a Saturday reminder waits for Monday). */
export function workingDayOnOrAfter(date: CalendarDate, days: readonly IsoWeekday[]): CalendarDate {
  let d = date;
  for (let i = 0; i < 7 && !isWorking(d, days); i++) d = addDays(d, 1);
  return d;
}

/** `n` working days before `date` (not counting `date` itself). */
export function workingDaysBefore(date: CalendarDate, n: number, days: readonly IsoWeekday[]): CalendarDate {
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, -1);
    if (isWorking(d, days)) left--;
  }
  return d;
}
