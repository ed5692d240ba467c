import { CalendarDate, isAfter } from '../dates/calendar-date';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { assertHolderReceivedOn, LegalClock, latestLegalDueOn, startLegalClock } from './record-request-clock';

/**
 * The date the holder received the request is often learned later (a fax confirmation, the
 * patient calling the office). Correcting it restarts the legal 30 days from that date; a
 * recorded extension keeps its date, as long as it is still within 60 days of the receipt
 * and after the new original due date.
 */
export function moveHolderReceipt(clock: LegalClock, sentOn: CalendarDate, receivedOn: CalendarDate, today: CalendarDate): LegalClock {
  assertHolderReceivedOn(receivedOn, sentOn, today);
  const fresh = startLegalClock(sentOn, receivedOn);
  if (!clock.extension) return fresh;
  const moved: LegalClock = { ...fresh, dueOn: clock.extension.newDueOn, extension: clock.extension };
  if (isAfter(clock.extension.newDueOn, latestLegalDueOn(moved)) || !isAfter(clock.extension.newDueOn, fresh.originalDueOn)) {
    throw new DomainError(
      DomainErrorCode.VALIDATION_FAILED,
      `With this date the extension the holder gave (${clock.extension.newDueOn}) would no longer fit the 30 + 30 days. Check the date, or the extension.`,
      { field: 'holderReceivedOn', value: receivedOn, extendedTo: clock.extension.newDueOn },
    );
  }
  return moved;
}
