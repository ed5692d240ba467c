import { todayInZone } from '@second-look/domain';

/** Today as YYYY-MM-DD in the organisation's zone (docs/domain.md, "The clock": dates are the organization's calendar dates). */
export function orgToday(timeZone: string): string {
  try {
    return todayInZone(new Date(), timeZone);
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

/** Adds calendar days to YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A calendar day (no time) shown without shifting it through the browser's zone. */
export function formatDay(day: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
