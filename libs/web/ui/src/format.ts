import { todayInZone } from '@second-look/domain';
import { intlLocale } from '@second-look/web-i18n';

/**
 * The client's one place for dates, times, money, numbers and sizes. Every function takes the
 * reader's language ('en' | 'es', i.e. i18n.language) and formats through `Intl` with the
 * domain's INTL_LOCALE (en-US, es-US): "9 de diciembre de 2026" and "$1,234.50" for a US
 * Spanish reader, where plain "es" would print "1234,50 US$". Dates are shown in the
 * organization's time zone (docs/domain.md, "The clock"); calendar days (YYYY-MM-DD) are never
 * shifted through a zone.
 */
// Building an Intl formatter costs far more than using one (a board of 25 cards formats a few
// hundred dates, and each new formatter took a mid-range phone about a millisecond), so each
// locale and set of options builds one once and keeps it. The keys are few: two languages, a
// handful of styles and the organization's zone.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function kept<F extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(kind: string, language: string, options: object, make: (locale: string) => F): F {
  const key = `${kind}|${language}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    formatter = make(intlLocale(language));
    formatters.set(key, formatter);
  }
  return formatter;
}
const numberFormat = (language: string, options: Intl.NumberFormatOptions = {}) => kept('number', language, options, (l) => new Intl.NumberFormat(l, options));

function dateTimeFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return kept('date', language, options, (l) => new Intl.DateTimeFormat(l, options));
  } catch {
    // An unknown time zone (an old organization setting): the browser's own zone instead.
    const { timeZone: _zone, ...rest } = options;
    return kept('date', language, rest, (l) => new Intl.DateTimeFormat(l, rest));
  }
}

const validDate = (iso: string | null | undefined): Date | null => {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** "Dec 9, 2026, 10:30 AM" / "9 dic 2026, 10:30 a.m." */
export function formatDateTime(iso: string | null | undefined, language: string, timeZone?: string): string {
  const date = validDate(iso);
  if (!date) return iso ?? '';
  return dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** "Dec 9, 2026" / "9 dic 2026" for an instant, on the organization's calendar. */
export function formatDate(iso: string | null | undefined, language: string, timeZone?: string): string {
  const date = validDate(iso);
  if (!date) return iso ?? '';
  return dateTimeFormat(language, { dateStyle: 'medium', timeZone }).format(date);
}

/** "Wednesday, December 9, 2026 at 10:30 AM" / "miércoles, 9 de diciembre de 2026, 10:30 a.m." */
export function formatWhen(iso: string, language: string, timeZone: string): string {
  const date = validDate(iso);
  if (!date) return iso;
  return dateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(date);
}

/** A calendar day (YYYY-MM-DD, the organization's date) shown without shifting it through a zone. */
export function formatDay(day: string | null | undefined, language: string, style: 'medium' | 'long' = 'medium'): string {
  if (!day) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return dateTimeFormat(language, { dateStyle: style, timeZone: 'UTC' }).format(date);
}

/**
 * Makes the formatters of formatDate (in the organization's zone) and formatDay now. A browser's
 * first date formatter for a language loads its calendar data: 50 to 90 ms of a mid-range phone's
 * main thread, which a screen otherwise spends inside its first long drawing. The signed-in frame
 * calls this while the screen's own code and data are on their way.
 */
export function prepareDateFormats(language: string, timeZone?: string): void {
  formatDate(new Date(0).toISOString(), language, timeZone);
  formatDay('2000-01-01', language);
}

/** "today", "tomorrow", "yesterday" ("hoy", "mañana", "ayer") for a day next to `today`; null further away. */
export function relativeDay(day: string, today: string, language: string): string | null {
  const diff = daysBetween(today, day);
  if (Math.abs(diff) > 1) return null;
  return kept('relative', language, { numeric: 'auto' }, (l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto' })).format(diff, 'day');
}

/** A time of day (HH:MM on the clock face, no zone): "7:30 PM" / "7:30 p.m." */
export function formatClockTime(hhmm: string, language: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  return dateTimeFormat(language, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, 0, 1, h, m)));
}

/** US dollars from cents: "$1,234.50" in both languages. */
export const formatMoney = (cents: number, language: string): string => numberFormat(language, { style: 'currency', currency: 'USD' }).format(cents / 100);

export const formatNumber = (n: number, language: string): string => numberFormat(language).format(n);

/** A file size: "1.5 MB". */
export function formatBytes(n: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${numberFormat(language, { maximumFractionDigits: i === 0 ? 0 : 1 }).format(v)} ${units[i]}`;
}

/** Today as YYYY-MM-DD on the organization's calendar (docs/domain.md: dates are the org's calendar dates). */
export function orgToday(timeZone: string): string {
  try {
    return todayInZone(new Date(), timeZone);
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

export const isDay = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s);
export const isTime = (v: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(v);

const toUtc = (day: string): number => {
  const [y, m, d] = day.split('-').map(Number);
  // Not YYYY-MM-DD: no instant, as Date.UTC answers for a missing part.
  if (y === undefined || m === undefined || d === undefined) return NaN;
  return Date.UTC(y, m - 1, d);
};

/** Adds calendar days to YYYY-MM-DD. */
export const addDays = (day: string, days: number): string => new Date(toUtc(day) + days * 86_400_000).toISOString().slice(0, 10);

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((toUtc(to) - toUtc(from)) / 86_400_000);

/** The browser's own zone, used as the default for a new organization. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function allTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  const own = browserTimeZone();
  const list = zones.length ? [...zones] : [own];
  if (!list.includes('UTC')) list.push('UTC');
  if (!list.includes(own)) list.push(own);
  return list;
}
