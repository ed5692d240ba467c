import { Urgency } from '../cases/trigger';
import { CalendarDate, addDays, parseCalendarDate } from '../dates/calendar-date';
import { todayInZone } from '../dates/time-zone';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { PacketItemState } from './packet';
import {
  ClockStatus,
  DEFAULT_RECORD_CLOCK_SETTINGS,
  LEGAL_MAX_TOTAL_DAYS,
  LegalClock,
  ReceivedProgress,
  assertDueOnNotPast,
  assertHolderReceivedOn,
  assertSentOn,
  clockStatus,
  extendLegalClock,
  latestLegalDueOn,
  planTargetDate,
  receivedProgress,
  recordClockSettings,
  recordRequestClock,
  startLegalClock,
  worstClockStatus,
} from './record-request-clock';

const d = (text: string): CalendarDate => parseCalendarDate(text);
const { NEEDED, REQUESTED, RECEIVED, SENT_TO_PROVIDER, NOT_AVAILABLE } = PacketItemState;

/** Runs `fn`, expects a DomainError, and returns it for closer inspection. */
function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('recordClockSettings', () => {
  it('defaults to 14 days routine, 7 urgent, at risk 3 days before the target and 7 before the legal date', () => {
    expect(recordClockSettings()).toEqual(DEFAULT_RECORD_CLOCK_SETTINGS);
    expect(DEFAULT_RECORD_CLOCK_SETTINGS).toEqual({
      targetDays: { ROUTINE: 14, URGENT: 7 },
      atRiskDays: { target: 3, legal: 7 },
    });
  });

  it('takes an organization override field by field', () => {
    expect(recordClockSettings({ targetDays: { ROUTINE: 10 } })).toEqual({
      targetDays: { ROUTINE: 10, URGENT: 7 },
      atRiskDays: { target: 3, legal: 7 },
    });
    expect(recordClockSettings({ targetDays: { URGENT: 3 }, atRiskDays: { legal: 10 } })).toEqual({
      targetDays: { ROUTINE: 14, URGENT: 3 },
      atRiskDays: { target: 3, legal: 10 },
    });
  });

  it('allows urgent equal to routine, and a zero-day warning', () => {
    expect(recordClockSettings({ targetDays: { ROUTINE: 7, URGENT: 7 }, atRiskDays: { target: 0 } })).toMatchObject({
      targetDays: { ROUTINE: 7, URGENT: 7 },
      atRiskDays: { target: 0 },
    });
  });

  it('allows a routine target right up to the legal 30 days, not past it', () => {
    expect(recordClockSettings({ targetDays: { ROUTINE: 30 } }).targetDays.ROUTINE).toBe(30);
    expect(domainError(() => recordClockSettings({ targetDays: { ROUTINE: 31 } })).details).toMatchObject({
      field: 'targetDays.ROUTINE',
      value: 31,
    });
  });

  it('refuses an urgent target longer than the routine one', () => {
    const error = domainError(() => recordClockSettings({ targetDays: { ROUTINE: 10, URGENT: 12 } }));
    expect(error.code).toBe(DomainErrorCode.VALIDATION_FAILED);
    expect(error.details).toMatchObject({ field: 'targetDays.URGENT' });
    // The default urgent 7 still has to fit under a shortened routine target.
    expect(domainError(() => recordClockSettings({ targetDays: { ROUTINE: 5 } })).details).toMatchObject({
      field: 'targetDays.URGENT',
    });
  });

  it.each([
    [{ targetDays: { ROUTINE: 0 } }, 'targetDays.ROUTINE'],
    [{ targetDays: { URGENT: 0 } }, 'targetDays.URGENT'],
    [{ targetDays: { URGENT: 2.5 } }, 'targetDays.URGENT'],
    [{ targetDays: { ROUTINE: Number.NaN } }, 'targetDays.ROUTINE'],
    [{ atRiskDays: { target: -1 } }, 'atRiskDays.target'],
    [{ atRiskDays: { target: 1.5 } }, 'atRiskDays.target'],
    [{ atRiskDays: { legal: 61 } }, 'atRiskDays.legal'],
  ])('refuses %j naming %s', (override, field) => {
    const error = domainError(() => recordClockSettings(override));
    expect(error.code).toBe(DomainErrorCode.VALIDATION_FAILED);
    expect(error.details).toMatchObject({ field });
  });
});

describe('planTargetDate', () => {
  it.each([
    ['2025-03-03', Urgency.ROUTINE, '2025-03-17'],
    ['2025-03-03', Urgency.URGENT, '2025-03-10'],
    ['2025-01-25', Urgency.ROUTINE, '2025-02-08'],
    ['2024-02-20', Urgency.ROUTINE, '2024-03-05'], // through a leap day
    ['2025-02-20', Urgency.ROUTINE, '2025-03-06'],
    ['2024-02-25', Urgency.URGENT, '2024-03-03'],
    ['2024-12-24', Urgency.ROUTINE, '2025-01-07'], // over the year end
    ['2024-12-28', Urgency.URGENT, '2025-01-04'],
    ['2025-03-05', Urgency.ROUTINE, '2025-03-19'], // over a US DST change: still 14 days
  ])('sent %s, %s -> %s', (sentOn, urgency, expected) => {
    expect(planTargetDate(d(sentOn), urgency)).toBe(expected);
  });

  it('uses the organization override', () => {
    const settings = recordClockSettings({ targetDays: { ROUTINE: 10, URGENT: 5 } });
    expect(planTargetDate(d('2025-03-03'), Urgency.ROUTINE, settings)).toBe('2025-03-13');
    expect(planTargetDate(d('2025-03-03'), Urgency.URGENT, settings)).toBe('2025-03-08');
  });

  it('urgent is never later than routine', () => {
    const sent = d('2025-06-01');
    expect(planTargetDate(sent, Urgency.URGENT) < planTargetDate(sent, Urgency.ROUTINE)).toBe(true);
  });
});

describe('dates given by people', () => {
  const today = d('2025-03-10');

  it('accepts a sent date of today or earlier', () => {
    expect(() => assertSentOn(d('2025-03-10'), today)).not.toThrow();
    expect(() => assertSentOn(d('2024-12-31'), today)).not.toThrow();
  });

  it('refuses a sent date in the future, even by one day', () => {
    const error = domainError(() => assertSentOn(d('2025-03-11'), today));
    expect(error.code).toBe(DomainErrorCode.VALIDATION_FAILED);
    expect(error.message).toContain('future');
    expect(error.details).toEqual({ field: 'sentOn', value: '2025-03-11', today: '2025-03-10' });
  });

  it('judges "future" by today in the organization zone', () => {
    // 2025-01-15T20:00Z is already the 16th in Auckland but the 15th in Los Angeles.
    const instant = new Date('2025-01-15T20:00:00Z');
    expect(() => assertSentOn(d('2025-01-16'), todayInZone(instant, 'Pacific/Auckland'))).not.toThrow();
    expect(() => assertSentOn(d('2025-01-16'), todayInZone(instant, 'America/Los_Angeles'))).toThrow(DomainError);
  });

  it('accepts a due date of today or later, refuses one in the past', () => {
    expect(() => assertDueOnNotPast(d('2025-03-10'), today)).not.toThrow();
    expect(() => assertDueOnNotPast(d('2025-04-01'), today)).not.toThrow();
    const error = domainError(() => assertDueOnNotPast(d('2025-03-09'), today, 'targetOn'));
    expect(error.message).toContain('past');
    expect(error.details).toEqual({ field: 'targetOn', value: '2025-03-09', today: '2025-03-10' });
  });

  it('checks the holder receipt date against the sent date and today', () => {
    const sent = d('2025-03-01');
    expect(() => assertHolderReceivedOn(d('2025-03-01'), sent, today)).not.toThrow();
    expect(() => assertHolderReceivedOn(d('2025-03-10'), sent, today)).not.toThrow();
    expect(domainError(() => assertHolderReceivedOn(d('2025-02-28'), sent, today)).details).toMatchObject({
      field: 'holderReceivedOn',
      sentOn: '2025-03-01',
    });
    expect(domainError(() => assertHolderReceivedOn(d('2025-03-11'), sent, today)).details).toMatchObject({
      field: 'holderReceivedOn',
      today: '2025-03-10',
    });
  });
});

describe('legal clock', () => {
  it('is due 30 calendar days after the date sent when receipt is unknown', () => {
    const clock = startLegalClock(d('2025-03-03'));
    expect(clock).toEqual({
      holderReceivedOn: '2025-03-03',
      dueOn: '2025-04-02',
      originalDueOn: '2025-04-02',
      extension: null,
    });
    expect(startLegalClock(d('2025-03-03'), null).dueOn).toBe('2025-04-02');
  });

  it('counts from the holder receipt date when given', () => {
    expect(startLegalClock(d('2025-03-03'), d('2025-03-06')).dueOn).toBe('2025-04-05');
  });

  it.each([
    ['2025-01-31', '2025-03-02'], // Jan 31 + 30 in a common year
    ['2024-01-31', '2024-03-01'], // and in a leap year
    ['2024-02-29', '2024-03-30'],
    ['2100-02-01', '2100-03-03'], // 2100 has no Feb 29
    ['2000-02-01', '2000-03-02'], // 2000 does
    ['2024-12-15', '2025-01-14'], // over the year end
    ['2025-10-20', '2025-11-19'], // over the US fall-back day
  ])('received %s -> due %s', (received, due) => {
    expect(startLegalClock(d(received)).dueOn).toBe(due);
  });

  it('refuses a receipt before the request was sent', () => {
    const error = domainError(() => startLegalClock(d('2025-03-03'), d('2025-03-02')));
    expect(error.details).toMatchObject({ field: 'holderReceivedOn' });
  });

  it('allows at most 60 days after receipt', () => {
    expect(latestLegalDueOn(startLegalClock(d('2025-01-31')))).toBe('2025-04-01');
    expect(LEGAL_MAX_TOTAL_DAYS).toBe(60);
  });

  describe('extension', () => {
    // Received 2025-03-01: due 2025-03-31, latest 2025-04-30.
    const clock = startLegalClock(d('2025-03-01'));
    const today = d('2025-03-20');
    const reason = 'Records are held off-site at the archive';

    it('moves the due date and keeps the original and the reason', () => {
      const extended = extendLegalClock(clock, { newDueOn: d('2025-04-15'), reason }, today);
      expect(extended).toEqual({
        holderReceivedOn: '2025-03-01',
        dueOn: '2025-04-15',
        originalDueOn: '2025-03-31',
        extension: { newDueOn: '2025-04-15', reason },
      });
      expect(clock.dueOn).toBe('2025-03-31'); // the input is not changed
    });

    it('allows exactly 60 days after receipt', () => {
      expect(extendLegalClock(clock, { newDueOn: d('2025-04-30'), reason }, today).dueOn).toBe('2025-04-30');
    });

    it('refuses 61 days after receipt, naming newDueOn and the latest date', () => {
      const error = domainError(() => extendLegalClock(clock, { newDueOn: d('2025-05-01'), reason }, today));
      expect(error.code).toBe(DomainErrorCode.VALIDATION_FAILED);
      expect(error.message).toContain('at most 60 days');
      expect(error.details).toEqual({ field: 'newDueOn', value: '2025-05-01', latestDueOn: '2025-04-30' });
    });

    it('counts the 60 days from receipt, not from sending', () => {
      const late = startLegalClock(d('2025-03-01'), d('2025-03-05'));
      expect(extendLegalClock(late, { newDueOn: d('2025-05-04'), reason }, today).dueOn).toBe('2025-05-04');
      expect(() => extendLegalClock(late, { newDueOn: d('2025-05-05'), reason }, today)).toThrow(DomainError);
    });

    it('handles a 60-day limit across a leap day and a year end', () => {
      expect(latestLegalDueOn(startLegalClock(d('2024-01-15')))).toBe('2024-03-15');
      expect(latestLegalDueOn(startLegalClock(d('2025-01-15')))).toBe('2025-03-16');
      expect(latestLegalDueOn(startLegalClock(d('2024-11-15')))).toBe('2025-01-14');
    });

    it('allows the day after the current due date', () => {
      expect(extendLegalClock(clock, { newDueOn: d('2025-04-01'), reason }, today).dueOn).toBe('2025-04-01');
    });

    it.each(['2025-03-31', '2025-03-30', '2025-03-02'])('refuses %s, not after the current due date', (newDueOn) => {
      const error = domainError(() => extendLegalClock(clock, { newDueOn: d(newDueOn), reason }, d('2025-03-01')));
      expect(error.message).toContain('after the current one');
      expect(error.details).toMatchObject({ field: 'newDueOn', currentDueOn: '2025-03-31' });
    });

    it.each(['', '   ', '\n\t'])('refuses an empty reason %j', (blank) => {
      const error = domainError(() => extendLegalClock(clock, { newDueOn: d('2025-04-15'), reason: blank }, today));
      expect(error.code).toBe(DomainErrorCode.VALIDATION_FAILED);
      expect(error.message).toContain('reason');
      expect(error.details).toEqual({ field: 'reason' });
    });

    it('stores the reason trimmed', () => {
      const extended = extendLegalClock(clock, { newDueOn: d('2025-04-15'), reason: '  archive  ' }, today);
      expect(extended.extension?.reason).toBe('archive');
    });

    it('refuses a second extension, even one still within 60 days', () => {
      const once = extendLegalClock(clock, { newDueOn: d('2025-04-10'), reason }, today);
      const error = domainError(() => extendLegalClock(once, { newDueOn: d('2025-04-20'), reason }, today));
      expect(error.code).toBe(DomainErrorCode.VALIDATION_FAILED);
      expect(error.message).toContain('only once');
      expect(error.details).toEqual({ field: 'extension', extendedTo: '2025-04-10' });
    });

    it('refuses a new due date already in the past', () => {
      // Today is past the original due date and past the date asked for.
      const error = domainError(() => extendLegalClock(clock, { newDueOn: d('2025-04-05'), reason }, d('2025-04-06')));
      expect(error.message).toContain('past');
      expect(error.details).toMatchObject({ field: 'newDueOn', value: '2025-04-05' });
      expect(extendLegalClock(clock, { newDueOn: d('2025-04-06'), reason }, d('2025-04-06')).dueOn).toBe('2025-04-06');
    });
  });
});

describe('receivedProgress', () => {
  it.each<[PacketItemState[], ReceivedProgress]>([
    [[], ReceivedProgress.NOT_RECEIVED],
    [[NEEDED], ReceivedProgress.NOT_RECEIVED],
    [[REQUESTED, REQUESTED], ReceivedProgress.NOT_RECEIVED],
    [[REQUESTED, NOT_AVAILABLE], ReceivedProgress.NOT_RECEIVED],
    [[RECEIVED, REQUESTED], ReceivedProgress.PARTIALLY_RECEIVED],
    [[SENT_TO_PROVIDER, NEEDED], ReceivedProgress.PARTIALLY_RECEIVED],
    [[RECEIVED], ReceivedProgress.FULLY_RECEIVED],
    [[RECEIVED, SENT_TO_PROVIDER], ReceivedProgress.FULLY_RECEIVED],
    [[RECEIVED, NOT_AVAILABLE], ReceivedProgress.FULLY_RECEIVED],
    [[NOT_AVAILABLE], ReceivedProgress.FULLY_RECEIVED], // the holder answered: nothing to get
  ])('%j -> %s', (states, progress) => {
    expect(receivedProgress(states).progress).toBe(progress);
  });

  it('counts the items', () => {
    expect(receivedProgress([RECEIVED, SENT_TO_PROVIDER, REQUESTED, NEEDED, NOT_AVAILABLE])).toEqual({
      progress: ReceivedProgress.PARTIALLY_RECEIVED,
      total: 5,
      received: 2,
      outstanding: 2,
      notAvailable: 1,
    });
  });
});

describe('clockStatus', () => {
  const due = d('2025-03-20');

  it.each([
    ['2025-03-10', 3, ClockStatus.ON_TRACK],
    ['2025-03-16', 3, ClockStatus.ON_TRACK], // 4 days left
    ['2025-03-17', 3, ClockStatus.AT_RISK], // exactly 3 days left
    ['2025-03-19', 3, ClockStatus.AT_RISK],
    ['2025-03-20', 3, ClockStatus.AT_RISK], // the due day itself
    ['2025-03-21', 3, ClockStatus.OVERDUE], // the day after
    ['2025-05-01', 3, ClockStatus.OVERDUE],
    ['2025-03-12', 7, ClockStatus.ON_TRACK], // 8 days left
    ['2025-03-13', 7, ClockStatus.AT_RISK], // exactly 7 days left
    ['2025-03-19', 0, ClockStatus.ON_TRACK], // no warning window
    ['2025-03-20', 0, ClockStatus.AT_RISK],
    ['2025-03-21', 0, ClockStatus.OVERDUE],
  ])('today %s with %i days warning -> %s', (today, atRisk, status) => {
    expect(clockStatus(due, d(today), atRisk)).toBe(status);
  });

  it('is DONE when done, whatever the date', () => {
    expect(clockStatus(due, d('2025-06-01'), 3, true)).toBe(ClockStatus.DONE);
    expect(clockStatus(due, d('2025-03-01'), 3, true)).toBe(ClockStatus.DONE);
  });

  it('crosses month and year ends', () => {
    expect(clockStatus(d('2025-01-02'), d('2024-12-30'), 3)).toBe(ClockStatus.AT_RISK);
    expect(clockStatus(d('2025-01-02'), d('2024-12-29'), 3)).toBe(ClockStatus.ON_TRACK);
    expect(clockStatus(d('2024-03-01'), d('2024-02-27'), 3)).toBe(ClockStatus.AT_RISK); // via Feb 29
    expect(clockStatus(d('2025-03-01'), d('2025-02-25'), 3)).toBe(ClockStatus.ON_TRACK);
    expect(clockStatus(d('2025-03-01'), d('2025-02-26'), 3)).toBe(ClockStatus.AT_RISK);
  });
});

describe('worstClockStatus', () => {
  it('orders DONE < ON_TRACK < AT_RISK < OVERDUE', () => {
    expect(worstClockStatus(ClockStatus.DONE, ClockStatus.DONE)).toBe(ClockStatus.DONE);
    expect(worstClockStatus(ClockStatus.ON_TRACK, ClockStatus.DONE)).toBe(ClockStatus.ON_TRACK);
    expect(worstClockStatus(ClockStatus.ON_TRACK, ClockStatus.AT_RISK)).toBe(ClockStatus.AT_RISK);
    expect(worstClockStatus(ClockStatus.AT_RISK, ClockStatus.ON_TRACK)).toBe(ClockStatus.AT_RISK);
    expect(worstClockStatus(ClockStatus.OVERDUE, ClockStatus.AT_RISK)).toBe(ClockStatus.OVERDUE);
    expect(worstClockStatus(ClockStatus.ON_TRACK, ClockStatus.OVERDUE)).toBe(ClockStatus.OVERDUE);
  });
});

describe('recordRequestClock', () => {
  const sentOn = d('2025-03-03');
  const base = {
    sentOn,
    urgency: Urgency.ROUTINE,
    legal: startLegalClock(sentOn), // due 2025-04-02
    itemStates: [REQUESTED, REQUESTED],
  };

  it('reads both clocks on the day of sending', () => {
    expect(recordRequestClock(base, sentOn)).toEqual({
      target: { dueOn: '2025-03-17', status: ClockStatus.ON_TRACK, daysLeft: 14 },
      legal: { dueOn: '2025-04-02', status: ClockStatus.ON_TRACK, daysLeft: 30 },
      overall: ClockStatus.ON_TRACK,
      ageDays: 0,
      received: { progress: ReceivedProgress.NOT_RECEIVED, total: 2, received: 0, outstanding: 2, notAvailable: 0 },
    });
  });

  it('walks through the plan target: on track, at risk, overdue', () => {
    const at = (today: string) => recordRequestClock(base, d(today));
    expect(at('2025-03-13').target.status).toBe(ClockStatus.ON_TRACK);
    expect(at('2025-03-14').target.status).toBe(ClockStatus.AT_RISK);
    expect(at('2025-03-14').overall).toBe(ClockStatus.AT_RISK);
    expect(at('2025-03-17').target.status).toBe(ClockStatus.AT_RISK);
    expect(at('2025-03-18').target).toEqual({ dueOn: '2025-03-17', status: ClockStatus.OVERDUE, daysLeft: -1 });
    // Overall is the worst: the law is still far off but the plan is missed.
    expect(at('2025-03-18').legal.status).toBe(ClockStatus.ON_TRACK);
    expect(at('2025-03-18').overall).toBe(ClockStatus.OVERDUE);
    expect(at('2025-03-18').ageDays).toBe(15);
  });

  it('walks through the legal date with its own 7-day warning', () => {
    const at = (today: string) => recordRequestClock(base, d(today)).legal.status;
    expect(at('2025-03-25')).toBe(ClockStatus.ON_TRACK); // 8 days left
    expect(at('2025-03-26')).toBe(ClockStatus.AT_RISK); // 7 days left
    expect(at('2025-04-02')).toBe(ClockStatus.AT_RISK);
    expect(at('2025-04-03')).toBe(ClockStatus.OVERDUE);
  });

  it('shortens the target for an urgent request, not the legal date', () => {
    const clock = recordRequestClock({ ...base, urgency: Urgency.URGENT }, d('2025-03-07'));
    expect(clock.target).toEqual({ dueOn: '2025-03-10', status: ClockStatus.AT_RISK, daysLeft: 3 });
    expect(clock.legal.dueOn).toBe('2025-04-02');
    expect(recordRequestClock({ ...base, urgency: Urgency.URGENT }, d('2025-03-06')).target.status).toBe(ClockStatus.ON_TRACK);
    expect(recordRequestClock({ ...base, urgency: Urgency.URGENT }, d('2025-03-11')).overall).toBe(ClockStatus.OVERDUE);
  });

  it('follows an extended legal date', () => {
    const extension = { newDueOn: d('2025-05-02'), reason: 'archive' };
    const legal: LegalClock = extendLegalClock(base.legal, extension, d('2025-03-30'));
    const clock = recordRequestClock({ ...base, legal }, d('2025-04-10'));
    expect(clock.legal).toEqual({ dueOn: '2025-05-02', status: ClockStatus.ON_TRACK, daysLeft: 22 });
    expect(clock.target.status).toBe(ClockStatus.OVERDUE);
    expect(clock.overall).toBe(ClockStatus.OVERDUE);
  });

  it('uses organization settings for targets and warnings', () => {
    const settings = recordClockSettings({ targetDays: { ROUTINE: 10 }, atRiskDays: { target: 5, legal: 10 } });
    const clock = recordRequestClock(base, d('2025-03-08'), settings);
    expect(clock.target).toEqual({ dueOn: '2025-03-13', status: ClockStatus.AT_RISK, daysLeft: 5 });
    expect(recordRequestClock(base, d('2025-03-23'), settings).legal.status).toBe(ClockStatus.AT_RISK);
    expect(recordRequestClock(base, d('2025-03-22'), settings).legal.status).toBe(ClockStatus.ON_TRACK);
  });

  it('is DONE on both clocks once fully received, even after the dates', () => {
    const clock = recordRequestClock({ ...base, itemStates: [RECEIVED, NOT_AVAILABLE], completedOn: d('2025-03-20') }, d('2025-05-01'));
    expect(clock.target.status).toBe(ClockStatus.DONE);
    expect(clock.legal.status).toBe(ClockStatus.DONE);
    expect(clock.overall).toBe(ClockStatus.DONE);
    // The age stops when the last item came in.
    expect(clock.ageDays).toBe(17);
    // daysLeft still tells how early or late it was against today.
    expect(clock.target.daysLeft).toBe(-45);
  });

  it('keeps aging when done without a completion date', () => {
    expect(recordRequestClock({ ...base, itemStates: [RECEIVED] }, d('2025-03-13')).ageDays).toBe(10);
  });

  it('ignores a completion date while items are still outstanding', () => {
    const clock = recordRequestClock({ ...base, itemStates: [RECEIVED, REQUESTED], completedOn: d('2025-03-05') }, d('2025-03-13'));
    expect(clock.received.progress).toBe(ReceivedProgress.PARTIALLY_RECEIVED);
    expect(clock.ageDays).toBe(10);
    expect(clock.overall).toBe(ClockStatus.ON_TRACK);
  });

  it('counts age across month ends, leap days and year ends', () => {
    const age = (sent: string, today: string) => recordRequestClock({ ...base, sentOn: d(sent), legal: startLegalClock(d(sent)) }, d(today)).ageDays;
    expect(age('2025-01-31', '2025-03-02')).toBe(30);
    expect(age('2024-02-28', '2024-03-01')).toBe(2);
    expect(age('2025-02-28', '2025-03-01')).toBe(1);
    expect(age('2024-12-25', '2025-01-08')).toBe(14);
  });

  it('never reports a negative age', () => {
    expect(recordRequestClock(base, addDays(sentOn, -1)).ageDays).toBe(0);
  });

  it('turns overdue at local midnight in the organization zone', () => {
    // Target 2025-03-17; in Chicago the 18th begins at 05:00 UTC (CDT, after 03-09).
    const chicago = (iso: string) => recordRequestClock(base, todayInZone(new Date(iso), 'America/Chicago'));
    expect(chicago('2025-03-18T04:59:59Z').target.status).toBe(ClockStatus.AT_RISK);
    expect(chicago('2025-03-18T05:00:00Z').target.status).toBe(ClockStatus.OVERDUE);
  });
});
