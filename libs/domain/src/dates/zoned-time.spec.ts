import { CalendarDate } from './calendar-date';
import { zonedDateTimeToInstant } from './zoned-time';

const d = (s: string) => s as CalendarDate;

describe('zonedDateTimeToInstant', () => {
  it('turns 09:00 on a calendar date in a zone into the right instant, winter and summer', () => {
    expect(zonedDateTimeToInstant(d('2026-01-15'), 9, 0, 'America/Chicago').toISOString()).toBe('2026-01-15T15:00:00.000Z');
    expect(zonedDateTimeToInstant(d('2026-07-15'), 9, 0, 'America/Chicago').toISOString()).toBe('2026-07-15T14:00:00.000Z');
    expect(zonedDateTimeToInstant(d('2026-07-15'), 9, 0, 'Pacific/Auckland').toISOString()).toBe('2026-07-14T21:00:00.000Z');
    expect(zonedDateTimeToInstant(d('2026-03-01'), 9, 30, 'Asia/Kolkata').toISOString()).toBe('2026-03-01T04:00:00.000Z');
  });

  it('handles the days clocks change', () => {
    // US clocks go forward on 2026-03-08 at 02:00 and back on 2026-11-01 at 02:00.
    expect(zonedDateTimeToInstant(d('2026-03-08'), 9, 0, 'America/New_York').toISOString()).toBe('2026-03-08T13:00:00.000Z');
    expect(zonedDateTimeToInstant(d('2026-11-01'), 9, 0, 'America/New_York').toISOString()).toBe('2026-11-01T14:00:00.000Z');
    const gap = zonedDateTimeToInstant(d('2026-03-08'), 2, 30, 'America/New_York');
    expect(gap.toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });
});
