import { CalendarDate } from '../dates/calendar-date';
import { DomainError } from '../errors/domain-error';
import { moveHolderReceipt } from './holder-receipt';
import { startLegalClock } from './record-request-clock';

const d = (s: string) => s as CalendarDate;

describe('moveHolderReceipt', () => {
  const sent = d('2026-11-02');
  const today = d('2026-11-20');

  it('restarts the 30 days from the date the holder received it', () => {
    const clock = moveHolderReceipt(startLegalClock(sent), sent, d('2026-11-05'), today);
    expect(clock).toEqual({ holderReceivedOn: '2026-11-05', dueOn: '2026-12-05', originalDueOn: '2026-12-05', extension: null });
  });

  it('refuses a date before it was sent or in the future', () => {
    expect(() => moveHolderReceipt(startLegalClock(sent), sent, d('2026-11-01'), today)).toThrow(DomainError);
    expect(() => moveHolderReceipt(startLegalClock(sent), sent, d('2026-11-21'), today)).toThrow(DomainError);
  });

  it('keeps a recorded extension when it still fits', () => {
    const extended = { ...startLegalClock(sent), dueOn: d('2026-12-20'), extension: { newDueOn: d('2026-12-20'), reason: 'Archive offsite' } };
    const clock = moveHolderReceipt(extended, sent, d('2026-11-04'), today);
    expect(clock).toMatchObject({ holderReceivedOn: '2026-11-04', originalDueOn: '2026-12-04', dueOn: '2026-12-20', extension: { newDueOn: '2026-12-20' } });
  });

  it('refuses a date that would leave the extension outside 30 + 30 days or before the new original date', () => {
    const extended = { ...startLegalClock(sent), dueOn: d('2026-12-31'), extension: { newDueOn: d('2026-12-31'), reason: 'Archive offsite' } };
    // Received 2026-11-02 allows up to 2027-01-01; the extension fits. A later receipt pushes the original past it.
    expect(() => moveHolderReceipt({ ...extended, dueOn: d('2026-12-03'), extension: { newDueOn: d('2026-12-03'), reason: 'x' } }, sent, d('2026-11-10'), today)).toThrow(/no longer fit/);
    // Received later at first (allowing 2027-01-09), then corrected to an earlier day: the extension falls outside 60 days.
    const late = { ...startLegalClock(sent, d('2026-11-10')), dueOn: d('2027-01-05'), extension: { newDueOn: d('2027-01-05'), reason: 'x' } };
    expect(() => moveHolderReceipt(late, sent, d('2026-11-02'), today)).toThrow(/no longer fit/);
  });
});
