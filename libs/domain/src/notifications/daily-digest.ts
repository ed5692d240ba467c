import { CalendarDate, addDays } from '../dates/calendar-date';
import { todayInZone } from '../dates/time-zone';
import { zonedDateTimeToInstant } from '../dates/zoned-time';
import { emailModeFor, EmailMode, NotificationPreferences } from './notification-preferences';

export const DEFAULT_DIGEST_HOUR = 8;
/** One e-mail stays short: beyond this many the e-mail says "and N more" and links to the list. */
export const DIGEST_MAX_ITEMS = 20;

export interface DigestCandidate {
  id: string;
  kind: string;
  createdAt: Date;
  readAt: Date | null;
  /** Already in an earlier digest. */
  digestedAt: Date | null;
  /** Already sent on its own, as an immediate e-mail. */
  emailedAt: Date | null;
}

export interface DigestSelection<T extends DigestCandidate> {
  items: T[];
  /** How many more qualify than the e-mail lists. */
  more: number;
}

/**
 * Which notifications go into a person's digest: unread, not yet e-mailed or digested,
 * of a category they get as a digest, created before the digest's cut-off. Oldest first,
 * so the e-mail reads in the order things happened.
 */
export function digestSelection<T extends DigestCandidate>(candidates: readonly T[], prefs: NotificationPreferences, cutoff: Date, max = DIGEST_MAX_ITEMS): DigestSelection<T> {
  const all = candidates
    .filter((n) => !n.readAt && !n.digestedAt && !n.emailedAt && n.createdAt <= cutoff && emailModeFor(n.kind, prefs) === EmailMode.DIGEST)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  return { items: all.slice(0, max), more: Math.max(0, all.length - max) };
}

/** The digest's own day: the calendar date in the organization's zone of the moment it is due. */
export function digestDay(instant: Date, timeZone: string): CalendarDate {
  return todayInZone(instant, timeZone);
}

/** The next moment the digest is due, at `hour`:00 local, at or after `instant`. */
export function nextDigestTime(instant: Date, hour: number, timeZone: string): Date {
  const today = todayInZone(instant, timeZone);
  const at = zonedDateTimeToInstant(today, hour, 0, timeZone);
  return at >= instant ? at : zonedDateTimeToInstant(addDays(today, 1), hour, 0, timeZone);
}

/** A cron pattern for BullMQ's job scheduler (with the zone given alongside). */
export const digestCron = (hour: number): string => `0 ${hour} * * *`;
