import { CalendarDate } from '../dates/calendar-date';
import { ClockStatus, recordClockSettings, storedRequestClock } from './record-request-clock';

const d = (s: string) => s as CalendarDate;
const open = { sentOn: d('2026-02-01'), planTargetOn: d('2026-02-15'), legalDueOn: d('2026-03-03'), completedOn: null };

describe('storedRequestClock: a saved request read against its stored dates', () => {
  it('is on track on both clocks well before either date, aged from the day it was sent', () => {
    expect(storedRequestClock(open, d('2026-02-05'))).toEqual({
      target: { dueOn: '2026-02-15', status: ClockStatus.ON_TRACK, daysLeft: 10 },
      legal: { dueOn: '2026-03-03', status: ClockStatus.ON_TRACK, daysLeft: 26 },
      overall: ClockStatus.ON_TRACK,
      ageDays: 4,
    });
  });

  it('turns at risk 3 days before the target (through the day itself) and 7 before the legal date', () => {
    expect(storedRequestClock(open, d('2026-02-11')).target.status).toBe(ClockStatus.ON_TRACK);
    expect(storedRequestClock(open, d('2026-02-12')).target.status).toBe(ClockStatus.AT_RISK);
    expect(storedRequestClock(open, d('2026-02-15')).target).toEqual({ dueOn: '2026-02-15', status: ClockStatus.AT_RISK, daysLeft: 0 });
    expect(storedRequestClock(open, d('2026-02-23')).legal.status).toBe(ClockStatus.ON_TRACK);
    expect(storedRequestClock(open, d('2026-02-24')).legal.status).toBe(ClockStatus.AT_RISK);
  });

  it('is overdue the day after a date, and overall shows the worse clock', () => {
    const r = storedRequestClock(open, d('2026-02-16'));
    expect(r.target).toEqual({ dueOn: '2026-02-15', status: ClockStatus.OVERDUE, daysLeft: -1 });
    expect(r.legal.status).toBe(ClockStatus.ON_TRACK);
    expect(r.overall).toBe(ClockStatus.OVERDUE);
    expect(storedRequestClock(open, d('2026-03-04')).legal.status).toBe(ClockStatus.OVERDUE);
  });

  it('counts across a leap day and month ends', () => {
    const leap = { sentOn: d('2028-02-27'), planTargetOn: d('2028-03-01'), legalDueOn: d('2028-03-28'), completedOn: null };
    const r = storedRequestClock(leap, d('2028-02-29'));
    expect(r.ageDays).toBe(2);
    expect(r.target.daysLeft).toBe(1);
    expect(r.legal.daysLeft).toBe(28);
  });

  it('reads DONE on both clocks once completed, and the age stops on the completion day', () => {
    const done = { ...open, completedOn: d('2026-02-20') };
    const r = storedRequestClock(done, d('2026-04-01'));
    expect(r.target.status).toBe(ClockStatus.DONE);
    expect(r.legal.status).toBe(ClockStatus.DONE);
    expect(r.overall).toBe(ClockStatus.DONE);
    expect(r.ageDays).toBe(19);
    // daysLeft still tells how the dates stood against today.
    expect(r.target.daysLeft).toBe(-45);
  });

  it('never shows a negative age for a request dated later than today', () => {
    expect(storedRequestClock({ ...open, sentOn: d('2026-02-10') }, d('2026-02-05')).ageDays).toBe(0);
  });

  it('uses the organization settings when given', () => {
    const settings = recordClockSettings({ atRiskDays: { target: 5, legal: 10 } });
    expect(storedRequestClock(open, d('2026-02-10'), settings).target.status).toBe(ClockStatus.AT_RISK);
    expect(storedRequestClock(open, d('2026-02-21'), settings).legal.status).toBe(ClockStatus.AT_RISK);
  });
});
