import { CalendarDate, parseCalendarDate } from '../dates/calendar-date';
import { DomainError, DomainErrorCode } from '../errors/domain-error';

export interface OpinionFacts {
  readonly providerName: string;
  readonly givenOn: string;
}

/**
 * An opinion is only useful with who gave it and when: without a provider nobody can go back
 * to ask "why", and a date still to come is a slip (the visit has not happened yet).
 */
export function assertOpinion(o: OpinionFacts, today: CalendarDate): CalendarDate {
  if (!o.providerName.trim()) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'Please say who gave this opinion.', { field: 'providerName' });
  const on = parseCalendarDate(o.givenOn, 'givenOn');
  if (on > today) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'This opinion is dated in the future. Please use the day it was given.', { field: 'givenOn' });
  return on;
}

/**
 * Opinions are numbered in the order they were given on the case: 1 is the current doctor's,
 * 2 the second opinion, 3 a third... A new one takes the next number, so an earlier round is
 * never overwritten when a third opinion is sought.
 */
export const nextOpinionNumber = (existing: readonly number[]): number => (existing.length ? Math.max(...existing) + 1 : 1);
