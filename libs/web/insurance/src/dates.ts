import { todayInZone } from '@second-look/domain';

/** Today as YYYY-MM-DD in the organisation's zone. */
export const orgToday = (timeZone: string): string => {
  try {
    return todayInZone(new Date(), timeZone);
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
};

/** A calendar day shown without shifting it through the browser's zone. */
export function formatDay(day: string | null | undefined, locale: string): string {
  if (!day) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}
