/** Today as YYYY-MM-DD on the organisation's calendar. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** "Thursday, 3 December 2026 at 10:30" in the reader's language, on the organisation's clock. */
export function formatWhen(iso: string, locale: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(iso));
  } catch {
    return new Date(iso).toLocaleString(locale);
  }
}

/** A calendar day (YYYY-MM-DD) in the reader's language, without shifting it through a zone. */
export function formatDay(day: string | null | undefined, locale: string): string {
  if (!day) return '';
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

export const isDay = (v: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(v);
export const isTime = (v: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(v);
