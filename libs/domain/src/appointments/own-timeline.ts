import { CalendarDate, parseCalendarDate } from '../dates/calendar-date';
import { DomainError, DomainErrorCode } from '../errors/domain-error';

/** What the patient writes down in their own log (docs/domain.md, "Gather records": their short timeline). */
export enum OwnTimelineKind {
  SYMPTOM = 'SYMPTOM',
  TREATMENT = 'TREATMENT',
  OTHER = 'OTHER',
}

export enum OwnTimelineSeverity {
  MILD = 'MILD',
  MODERATE = 'MODERATE',
  SEVERE = 'SEVERE',
}

export interface OwnTimelineEntryInput {
  readonly occurredOn: string;
  readonly what: string;
  readonly kind: OwnTimelineKind;
}

/**
 * An entry is something that already happened: a date still to come is a slip. The log is
 * the patient's story told in dates, so the day and what happened are required; how bad it
 * was and how a treatment went are optional.
 */
export function assertOwnTimelineEntry(input: OwnTimelineEntryInput, today: CalendarDate): CalendarDate {
  const on = parseCalendarDate(input.occurredOn, 'occurredOn');
  if (on > today) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'This day is still to come. Please write down things that already happened.', { field: 'occurredOn' });
  if (!input.what.trim()) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'Please write what happened.', { field: 'what' });
  return on;
}

/** Oldest first, as the second-opinion provider reads a story; same day: as written. */
export function orderOwnTimeline<T extends { occurredOn: string; createdAt: Date }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => (a.occurredOn === b.occurredOn ? a.createdAt.getTime() - b.createdAt.getTime() : a.occurredOn < b.occurredOn ? -1 : 1));
}
