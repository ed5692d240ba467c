import { DomainErrorCode } from '../errors/domain-error';
import { isValidTimeZone, todayInZone } from './time-zone';

const at = (iso: string): Date => new Date(iso);

describe('todayInZone', () => {
  it('gives different dates for the same instant in Auckland and Los Angeles', () => {
    const instant = at('2025-01-15T12:00:00Z');
    expect(todayInZone(instant, 'Pacific/Auckland')).toBe('2025-01-16'); // 01:00 NZDT
    expect(todayInZone(instant, 'America/Los_Angeles')).toBe('2025-01-15'); // 04:00 PST
    expect(todayInZone(instant, 'UTC')).toBe('2025-01-15');
  });

  it('puts the same instant in different years across the date line', () => {
    const instant = at('2024-12-31T12:00:00Z');
    expect(todayInZone(instant, 'Pacific/Auckland')).toBe('2025-01-01');
    expect(todayInZone(instant, 'America/Los_Angeles')).toBe('2024-12-31');
  });

  it('turns over at local midnight, not UTC midnight', () => {
    // Chicago is UTC-6 in January.
    expect(todayInZone(at('2025-01-16T05:59:59Z'), 'America/Chicago')).toBe('2025-01-15');
    expect(todayInZone(at('2025-01-16T06:00:00Z'), 'America/Chicago')).toBe('2025-01-16');
  });

  it('handles the US spring-forward day (Chicago, 2025-03-09)', () => {
    expect(todayInZone(at('2025-03-09T05:59:59Z'), 'America/Chicago')).toBe('2025-03-08'); // 23:59 CST
    expect(todayInZone(at('2025-03-09T06:00:00Z'), 'America/Chicago')).toBe('2025-03-09'); // 00:00 CST
    expect(todayInZone(at('2025-03-09T08:30:00Z'), 'America/Chicago')).toBe('2025-03-09'); // 03:30 CDT
    // The day is only 23 hours long: midnight is now 05:00 UTC.
    expect(todayInZone(at('2025-03-10T04:59:59Z'), 'America/Chicago')).toBe('2025-03-09');
    expect(todayInZone(at('2025-03-10T05:00:00Z'), 'America/Chicago')).toBe('2025-03-10');
  });

  it('handles the US fall-back day (Chicago, 2025-11-02)', () => {
    expect(todayInZone(at('2025-11-02T04:59:59Z'), 'America/Chicago')).toBe('2025-11-01'); // 23:59 CDT
    expect(todayInZone(at('2025-11-02T05:00:00Z'), 'America/Chicago')).toBe('2025-11-02');
    // The day is 25 hours long: midnight is now 06:00 UTC.
    expect(todayInZone(at('2025-11-03T05:59:59Z'), 'America/Chicago')).toBe('2025-11-02');
    expect(todayInZone(at('2025-11-03T06:00:00Z'), 'America/Chicago')).toBe('2025-11-03');
  });

  it('handles the southern-hemisphere DST change (Auckland, 2025-04-06 and 2025-09-28)', () => {
    // NZDT (UTC+13) ends 2025-04-06 03:00 local; NZST is UTC+12.
    expect(todayInZone(at('2025-04-05T10:59:59Z'), 'Pacific/Auckland')).toBe('2025-04-05');
    expect(todayInZone(at('2025-04-05T11:00:00Z'), 'Pacific/Auckland')).toBe('2025-04-06');
    expect(todayInZone(at('2025-04-06T11:59:59Z'), 'Pacific/Auckland')).toBe('2025-04-06');
    expect(todayInZone(at('2025-04-06T12:00:00Z'), 'Pacific/Auckland')).toBe('2025-04-07');
    // NZDT starts 2025-09-28 02:00 local.
    expect(todayInZone(at('2025-09-27T11:59:59Z'), 'Pacific/Auckland')).toBe('2025-09-27');
    expect(todayInZone(at('2025-09-27T12:00:00Z'), 'Pacific/Auckland')).toBe('2025-09-28');
    expect(todayInZone(at('2025-09-28T10:59:59Z'), 'Pacific/Auckland')).toBe('2025-09-28');
    expect(todayInZone(at('2025-09-28T11:00:00Z'), 'Pacific/Auckland')).toBe('2025-09-29');
  });

  it('handles half-hour offsets and the far ends of the clock', () => {
    const instant = at('2025-06-30T18:45:00Z');
    expect(todayInZone(instant, 'Asia/Kolkata')).toBe('2025-07-01'); // +05:30 -> 00:15
    expect(todayInZone(instant, 'Pacific/Kiritimati')).toBe('2025-07-01'); // +14
    expect(todayInZone(instant, 'Pacific/Pago_Pago')).toBe('2025-06-30'); // -11
    expect(todayInZone(at('2025-06-30T18:29:59Z'), 'Asia/Kolkata')).toBe('2025-06-30');
  });

  it('reports a leap day correctly', () => {
    expect(todayInZone(at('2024-02-29T23:00:00Z'), 'America/New_York')).toBe('2024-02-29');
    expect(todayInZone(at('2024-02-29T23:00:00Z'), 'Europe/Berlin')).toBe('2024-03-01');
  });

  it('does not depend on the process time zone', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Auckland';
      expect(todayInZone(at('2025-01-15T12:00:00Z'), 'America/Los_Angeles')).toBe('2025-01-15');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('refuses an unknown zone as a validation failure on timeZone', () => {
    expect(() => todayInZone(at('2025-01-15T12:00:00Z'), 'Mars/Olympus_Mons')).toThrow(
      expect.objectContaining({
        code: DomainErrorCode.VALIDATION_FAILED,
        details: { field: 'timeZone', value: 'Mars/Olympus_Mons' },
      }),
    );
    expect(() => todayInZone(at('2025-01-15T12:00:00Z'), '')).toThrow(expect.objectContaining({ code: DomainErrorCode.VALIDATION_FAILED }));
  });

  it('refuses an invalid instant', () => {
    expect(() => todayInZone(new Date('not a date'), 'UTC')).toThrow(RangeError);
  });
});

describe('isValidTimeZone', () => {
  it.each(['America/Chicago', 'Pacific/Auckland', 'Europe/London', 'UTC', 'Asia/Kolkata'])('knows %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each(['', '   ', 'Mars/Olympus_Mons', 'America/Chicag0', 'GMT+25'])('does not know %j', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});
