import { todayInZone } from '@second-look/domain';

/** Today as YYYY-MM-DD in the organisation's zone (docs/domain.md, "The clock": dates are the organization's calendar dates). */
export const orgToday = (timeZone: string): string => {
  try {
    return todayInZone(new Date(), timeZone);
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
};

/** A calendar day (no time) shown without shifting it through the browser's zone. */
export function formatDay(day: string | null | undefined, locale: string): string {
  if (!day) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export const isDay = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** Adds calendar days to YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function formatBytes(n: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: i === 0 ? 0 : 1 }).format(v)} ${units[i]}`;
}

export const formatMoney = (cents: number, locale: string): string =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(cents / 100);
