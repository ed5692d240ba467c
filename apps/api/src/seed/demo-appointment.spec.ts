import { allAppointmentReminders, DEFAULT_WORKING_HOURS, isoWeekday, reminderFireAt, todayInZone, zonedDateTimeToInstant, type CalendarDate } from '@second-look/domain';
import { DEMO_CLOCK_STEP_MS, demoVisitDate } from './demo-appointment';

const ZONE = 'America/Chicago';
const w = { ...DEFAULT_WORKING_HOURS, timeZone: ZONE };

describe('the demo visit date', () => {
  // Every third hour of two fortnights (winter, and over the spring clock change): the demo is seeded at any time.
  const starts = [Date.UTC(2026, 11, 1, 0, 0), Date.UTC(2027, 2, 8, 0, 0)];
  it('is a working day a few days ahead, still to come after `demo:clock -- +3d`, with a patient reminder due by then', () => {
    for (const start of starts) {
      for (let h = 0; h < 14 * 24; h += 3) {
        const now = new Date(start + h * 3_600_000 + 17 * 60_000);
        const on = demoVisitDate(now, ZONE);
        const today = todayInZone(now, ZONE);
        const startsAt = zonedDateTimeToInstant(on, 10, 30, ZONE);
        const step = now.getTime() + DEMO_CLOCK_STEP_MS;
        const due = allAppointmentReminders(on, w.days)
          .filter((r) => (r.kind === 'SOON' || r.kind === 'DAY_BEFORE') && r.on >= today)
          .map((r) => reminderFireAt(r.on, now, w).getTime())
          .filter((at) => at <= step && at < startsAt.getTime());
        const where = `seeded ${now.toISOString()}: visit ${on}`;
        expect({ where, weekday: isoWeekday(on) <= 5, ahead: on > (today as CalendarDate), stillAhead: startsAt.getTime() > step, due: due.length > 0 }).toEqual({
          where,
          weekday: true,
          ahead: true,
          stillAhead: true,
          due: true,
        });
        expect(Math.round((Date.parse(on) - Date.parse(today)) / 86_400_000)).toBeLessThanOrEqual(10);
      }
    }
  });
});
