import { CalendarDate, parseCalendarDate } from '../dates/calendar-date';
import { zonedDateTimeToInstant } from '../dates/zoned-time';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { assertWebLink } from '../input/web-link';

/** How the patient meets the second-opinion provider. */
export enum AppointmentMode {
  IN_PERSON = 'IN_PERSON',
  VIDEO = 'VIDEO',
  PHONE = 'PHONE',
}

export interface AppointmentWhen {
  /** Calendar date in the organization's time zone. */
  readonly date: string;
  /** Wall-clock time `HH:MM` (24 h) in the organization's time zone. */
  readonly time: string;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The instant an appointment starts, from its date and time on the organization's wall clock. */
export function appointmentInstant(when: AppointmentWhen, timeZone: string): Date {
  const date: CalendarDate = parseCalendarDate(when.date, 'date');
  const m = TIME.exec(when.time);
  if (!m) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The time must be written as HH:MM, for example 09:30.', { field: 'time' });
  return zonedDateTimeToInstant(date, Number(m[1]), Number(m[2]), timeZone);
}

/**
 * A new booking is for a visit still to come: one already in the past is a slip of the
 * date (it would also never get a reminder). Editing an existing appointment may keep a
 * past date — the visit happened, and its answers are being written down.
 */
export function assertNewBookingInFuture(startsAt: Date, now: Date): void {
  if (startsAt.getTime() <= now.getTime()) {
    throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'This date and time have already passed. Please choose a time that is still to come.', { field: 'date' });
  }
}

export interface AppointmentPlace {
  readonly mode: AppointmentMode;
  readonly place: string;
  readonly videoLink: string;
}

/**
 * Where the patient goes: an address for a visit in person, a web link for video. A phone
 * call needs neither (the number can go in the place).
 */
export function assertAppointmentPlace(p: AppointmentPlace): void {
  if (p.mode === AppointmentMode.IN_PERSON && !p.place.trim()) {
    throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'Please add where the appointment is.', { field: 'place' });
  }
  if (p.mode === AppointmentMode.VIDEO && !p.videoLink.trim()) {
    throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'Please add the link for the video call.', { field: 'videoLink' });
  }
  // http: stays allowed here, as it always was: the link is the one the clinic gave the patient,
  // and refusing it would keep them from joining their own visit.
  assertWebLink(p.videoLink.trim(), 'videoLink', ['https:', 'http:'], 'The video link must be a web address starting with https://');
}

/** How the visit felt (docs/domain.md, journey step 7: the feeling is data too). */
export enum VisitFeeling {
  HEARD = 'HEARD',
  RESPECTED = 'RESPECTED',
  INCLUDED = 'INCLUDED',
  ENCOURAGED = 'ENCOURAGED',
  BRUSHED_OFF = 'BRUSHED_OFF',
  HURRIED = 'HURRIED',
  MINIMISED = 'MINIMISED',
}

export const POSITIVE_FEELINGS: readonly VisitFeeling[] = [VisitFeeling.HEARD, VisitFeeling.RESPECTED, VisitFeeling.INCLUDED, VisitFeeling.ENCOURAGED];
export const NEGATIVE_FEELINGS: readonly VisitFeeling[] = [VisitFeeling.BRUSHED_OFF, VisitFeeling.HURRIED, VisitFeeling.MINIMISED];

export enum VisitFeelingSummary {
  NOT_RECORDED = 'NOT_RECORDED',
  WENT_WELL = 'WENT_WELL',
  MIXED = 'MIXED',
  WENT_BADLY = 'WENT_BADLY',
}

/**
 * One word for the advocate's overview. Any bad feeling beside good ones is "mixed", not
 * "went well": a patient who felt hurried needs a follow-up conversation even when heard.
 */
export function summariseVisitFeelings(feelings: readonly VisitFeeling[]): VisitFeelingSummary {
  const good = feelings.some((f) => POSITIVE_FEELINGS.includes(f));
  const bad = feelings.some((f) => NEGATIVE_FEELINGS.includes(f));
  if (good && bad) return VisitFeelingSummary.MIXED;
  if (bad) return VisitFeelingSummary.WENT_BADLY;
  if (good) return VisitFeelingSummary.WENT_WELL;
  return VisitFeelingSummary.NOT_RECORDED;
}

/** Feelings in the order the form shows them, each once. */
export function normaliseVisitFeelings(feelings: readonly VisitFeeling[]): VisitFeeling[] {
  const all = [...POSITIVE_FEELINGS, ...NEGATIVE_FEELINGS];
  for (const f of feelings) {
    if (!all.includes(f)) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, `Unknown feeling ${String(f)}`, { field: 'feelings' });
  }
  return all.filter((f) => feelings.includes(f));
}

/** A visit has started once its start time has come (the instant was built on the organization's wall clock). */
export const visitHasStarted = (startsAt: Date, now: Date): boolean => startsAt.getTime() <= now.getTime();

/**
 * How a visit felt is written down once it has started: before that there is nothing to feel
 * yet, and a cancelled visit never took place. Saving nothing at all (no feelings, no worries)
 * is always allowed, so a slip can be cleared. Answers to the questions are not held back
 * like this: a written report from a records-only review may answer them before any visit.
 */
export function assertVisitFeelingsCanBeRecorded(visit: { readonly startsAt: Date; readonly cancelledAt: Date | null }, now: Date, feelings: readonly VisitFeeling[], worries: string): void {
  if (!feelings.length && !worries.trim()) return;
  if (visit.cancelledAt) {
    throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'This appointment was canceled, so there is no visit to describe.', { field: 'feelings' });
  }
  if (!visitHasStarted(visit.startsAt, now)) {
    throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'You can say how the visit felt once it has started.', { field: 'feelings' });
  }
}

/**
 * A visit whose feelings are written down has happened: it cannot move to a time still to come
 * (the next visit is a new appointment). Moving it within the past (the time was wrong) is fine.
 */
export function assertFeltVisitStaysInPast(visit: { readonly feelings: readonly VisitFeeling[]; readonly worries: string }, newStartsAt: Date, now: Date): void {
  if ((visit.feelings.length || visit.worries.trim()) && !visitHasStarted(newStartsAt, now)) {
    throw new DomainError(
      DomainErrorCode.VALIDATION_FAILED,
      'How this visit felt is already written down, so it cannot move to a time still to come. Please book a new appointment for the next visit.',
      { field: 'date' },
    );
  }
}

/** A worry said at the visit is worth a word with the advocate. */
export const visitNeedsFollowUpTalk = (feelings: readonly VisitFeeling[], worries: string): boolean => feelings.some((f) => NEGATIVE_FEELINGS.includes(f)) || worries.trim().length > 0;
