import ical, { ICalAlarmType, ICalCalendar, ICalCalendarMethod, ICalEvent, ICalEventStatus } from 'ical-generator';
import { addDays, CalendarDate } from '@second-look/domain';

/** A timed event (an appointment) or an all-day one (a due date), already worded for its reader. */
export interface CalendarEntry {
  /** Stable across fetches and downloads, so a refresh replaces the event instead of adding one. */
  uid: string;
  /** Grows whenever the event changes (derived from the rows' version columns). */
  sequence: number;
  /** When the information was last revised (RFC 5545 DTSTAMP without METHOD); written in UTC. */
  stamp: Date;
  title: string;
  description: string;
  url: string;
  cancelled: boolean;
  when: { kind: 'timed'; start: Date; end: Date } | { kind: 'allDay'; on: CalendarDate };
  location?: string;
  /** A reminder the day before (an appointment). */
  alarm?: string;
}

const PRODUCT = { company: 'Second Look', product: 'Second Look', language: 'EN' };

type Options = { name: string; zone: string; refreshMinutes?: number };

function shell(options: Options): ICalCalendar {
  const cal = ical({ name: options.name, prodId: PRODUCT, x: [['X-WR-TIMEZONE', options.zone]] });
  // PUBLISH: a copy to keep; re-importing an event with the same UID and a higher SEQUENCE updates it.
  cal.method(ICalCalendarMethod.PUBLISH);
  if (options.refreshMinutes) cal.ttl(options.refreshMinutes * 60);
  return cal;
}

function addEvent(cal: ICalCalendar, e: CalendarEntry): ICalEvent {
  const base = {
    id: e.uid,
    sequence: e.sequence,
    stamp: e.stamp,
    summary: e.title,
    description: e.description,
    url: e.url,
    status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    location: e.location || null,
  };
  const event =
    e.when.kind === 'timed'
      ? cal.createEvent({ ...base, start: e.when.start, end: e.when.end })
      : // ical-generator writes a date-only value from the Date's UTC fields: the calendar date, unshifted.
        cal.createEvent({ ...base, allDay: true, start: utcMidnight(e.when.on), end: utcMidnight(addDays(e.when.on, 1)) });
  if (e.alarm && !e.cancelled) event.createAlarm({ type: ICalAlarmType.display, trigger: 24 * 60 * 60, description: e.alarm });
  return event;
}

/**
 * Writes an iCalendar object (RFC 5545). Timed events are written in UTC (`...Z`), which every
 * client reads the same way across daylight-saving changes without a VTIMEZONE; all-day events
 * carry the calendar date itself (`VALUE=DATE`, end exclusive), never a converted midnight.
 * The organization's zone is named in X-WR-TIMEZONE for clients that show it.
 */
export function renderCalendar(entries: CalendarEntry[], options: Options): string {
  const cal = shell(options);
  for (const e of entries) addEvent(cal, e);
  return cal.toString();
}

/**
 * The same text for a feed of many events, written in slices: `pause` runs between slices of
 * about `sliceMs`, so a long feed never holds the event loop for long.
 */
export async function renderCalendarInSlices(entries: CalendarEntry[], options: Options, pause: () => Promise<void>, sliceMs = 10): Promise<string> {
  const cal = shell(options);
  // Where the events go: where the library writes one (calendar properties follow them).
  cal.createEvent({ id: 'slot@second-look', start: new Date(0), stamp: new Date(0) });
  const framed = cal.toString();
  const at = framed.indexOf('BEGIN:VEVENT');
  const after = framed.indexOf('END:VEVENT\r\n', at) + 'END:VEVENT\r\n'.length;
  cal.clear();
  const parts = [framed.slice(0, at)];
  let since = performance.now();
  for (const e of entries) {
    parts.push(addEvent(cal, e).toString());
    if (performance.now() - since > sliceMs) {
      await pause();
      since = performance.now();
    }
  }
  parts.push(framed.slice(after));
  return parts.join('');
}

const utcMidnight = (d: CalendarDate): Date => new Date(`${d}T00:00:00Z`);
