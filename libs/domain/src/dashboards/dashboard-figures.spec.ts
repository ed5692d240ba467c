import { CaseStage } from '../cases/case-stage';
import { Urgency } from '../cases/trigger';
import { CalendarDate } from '../dates/calendar-date';
import { DashboardPhase, isEarlyClose, judgeRequest, judgedLegalDueOn, mayLabelGroup, percentileOfBuckets, phaseSpans, phaseTargetDays, shareOf, StageMove, summarizeDays } from './dashboard-figures';

const d = (s: string) => s as CalendarDate;
const S = CaseStage;
const move = (from: CaseStage | null, to: CaseStage, on: string): StageMove => ({ from, to, on: d(on) });

/** A straight journey: each stage a few days after the last. */
const straight: StageMove[] = [
  move(null, S.DECIDE, '2026-01-01'),
  move(S.DECIDE, S.TALK_TO_DOCTOR, '2026-01-02'),
  move(S.TALK_TO_DOCTOR, S.GATHER_RECORDS, '2026-01-03'),
  move(S.GATHER_RECORDS, S.CHOOSE_PROVIDER, '2026-01-08'),
  move(S.CHOOSE_PROVIDER, S.VERIFY_INSURANCE, '2026-01-10'),
  move(S.VERIFY_INSURANCE, S.PREPARE, '2026-01-13'),
  move(S.PREPARE, S.APPOINTMENT, '2026-01-20'),
  move(S.APPOINTMENT, S.COMPARE_AND_DECIDE, '2026-02-14'),
  move(S.COMPARE_AND_DECIDE, S.CLOSE_THE_LOOP, '2026-02-20'),
  move(S.CLOSE_THE_LOOP, S.CLOSED, '2026-03-01'),
];

describe('phase spans', () => {
  it('counts each phase from the end of the one before to the first reach of the next stage', () => {
    const spans = phaseSpans(d('2026-01-01'), Urgency.ROUTINE, straight);
    expect(spans.map((s) => [s.phase, s.startOn, s.endOn, s.days, s.targetDays, s.overTarget])).toEqual([
      [DashboardPhase.RECORDS, '2026-01-01', '2026-01-13', 12, 14, false],
      [DashboardPhase.APPOINTMENT, '2026-01-13', '2026-02-14', 32, 28, true],
      [DashboardPhase.FOLLOW_UP, '2026-02-14', '2026-03-01', 15, 14, true],
      [DashboardPhase.JOURNEY, '2026-01-01', '2026-03-01', 59, 56, true],
    ]);
  });

  it('judges an urgent case against the shorter targets', () => {
    const spans = phaseSpans(d('2026-01-01'), Urgency.URGENT, straight);
    expect(spans.map((s) => [s.phase, s.targetDays, s.overTarget])).toEqual([
      [DashboardPhase.RECORDS, 7, true],
      [DashboardPhase.APPOINTMENT, 14, true],
      [DashboardPhase.FOLLOW_UP, 7, true],
      [DashboardPhase.JOURNEY, 28, true],
    ]);
  });

  it('does not reopen a finished phase when the case moves back: the days count in the open phase', () => {
    const moves = [
      move(null, S.DECIDE, '2026-01-01'),
      move(S.DECIDE, S.TALK_TO_DOCTOR, '2026-01-01'),
      move(S.TALK_TO_DOCTOR, S.GATHER_RECORDS, '2026-01-02'),
      move(S.GATHER_RECORDS, S.PREPARE, '2026-01-02'), // not allowed in the product; ranks still decide
      move(S.PREPARE, S.GATHER_RECORDS, '2026-01-05'), // records incomplete: back
      move(S.GATHER_RECORDS, S.CHOOSE_PROVIDER, '2026-01-20'),
      move(S.CHOOSE_PROVIDER, S.VERIFY_INSURANCE, '2026-01-21'),
      move(S.VERIFY_INSURANCE, S.PREPARE, '2026-01-22'),
      move(S.PREPARE, S.APPOINTMENT, '2026-01-23'),
      move(S.APPOINTMENT, S.COMPARE_AND_DECIDE, '2026-01-30'),
    ];
    const spans = phaseSpans(d('2026-01-01'), Urgency.ROUTINE, moves);
    expect(spans.map((s) => [s.phase, s.days])).toEqual([
      [DashboardPhase.RECORDS, 1],
      [DashboardPhase.APPOINTMENT, 28],
    ]);
  });

  it('never counts the open phase of a case closed early, nor its journey', () => {
    const moves = [...straight.slice(0, 6), move(S.PREPARE, S.CLOSED, '2026-01-15')];
    const spans = phaseSpans(d('2026-01-01'), Urgency.ROUTINE, moves);
    expect(spans.map((s) => s.phase)).toEqual([DashboardPhase.RECORDS]);
    expect(isEarlyClose(S.PREPARE, S.CLOSED)).toBe(true);
    expect(isEarlyClose(S.CLOSE_THE_LOOP, S.CLOSED)).toBe(false);
    expect(isEarlyClose(null, S.DECIDE)).toBe(false);
  });

  it('counts the days a case was closed in the phase it reopens into (paused, then picked up)', () => {
    const moves = [
      ...straight.slice(0, 9),
      move(S.COMPARE_AND_DECIDE, S.CLOSED, '2026-02-21'), // closed early from compare…
      move(S.CLOSED, S.CLOSE_THE_LOOP, '2026-03-10'), // …reopened to close the loop
      move(S.CLOSE_THE_LOOP, S.CLOSED, '2026-03-12'),
    ];
    const spans = phaseSpans(d('2026-01-01'), Urgency.ROUTINE, moves);
    expect(spans.map((s) => [s.phase, s.days])).toEqual([
      [DashboardPhase.RECORDS, 12],
      [DashboardPhase.APPOINTMENT, 32],
      [DashboardPhase.FOLLOW_UP, 26],
      [DashboardPhase.JOURNEY, 70],
    ]);
  });

  it('finishes two phases on one move when a case closed from the start is reopened', () => {
    const moves = [move(null, S.DECIDE, '2026-01-01'), move(S.DECIDE, S.CLOSED, '2026-01-03'), move(S.CLOSED, S.CLOSE_THE_LOOP, '2026-01-09')];
    const spans = phaseSpans(d('2026-01-01'), Urgency.ROUTINE, moves);
    expect(spans.map((s) => [s.phase, s.days])).toEqual([
      [DashboardPhase.RECORDS, 8],
      [DashboardPhase.APPOINTMENT, 0],
    ]);
  });

  it('adds the journey target from the phases', () => {
    expect(phaseTargetDays(DashboardPhase.JOURNEY, Urgency.ROUTINE)).toBe(56);
    expect(phaseTargetDays(DashboardPhase.JOURNEY, Urgency.URGENT)).toBe(28);
  });
});

describe('record requests', () => {
  const base = {
    sentOn: d('2026-03-01'),
    planTargetOn: d('2026-03-15'),
    originalLegalDueOn: d('2026-03-31'),
    legalDueOn: d('2026-03-31'),
    extensionRecordedOn: null,
    completedOn: null,
  };

  it('counts days to fulfill and both clocks when completed', () => {
    expect(judgeRequest({ ...base, completedOn: d('2026-03-20') }, d('2026-05-01'))).toEqual({ open: false, daysToFulfil: 19, pastTarget: true, pastLegal: false });
    expect(judgeRequest({ ...base, completedOn: d('2026-04-01') }, d('2026-05-01'))).toEqual({ open: false, daysToFulfil: 31, pastTarget: true, pastLegal: true });
    expect(judgeRequest({ ...base, completedOn: d('2026-03-15') }, d('2026-05-01'))).toEqual({ open: false, daysToFulfil: 14, pastTarget: false, pastLegal: false });
  });

  it('judges an extended request against the 60-day date when the extension came in time', () => {
    const extended = { ...base, legalDueOn: d('2026-04-30'), extensionRecordedOn: d('2026-03-25'), completedOn: d('2026-04-20') };
    expect(judgedLegalDueOn(extended)).toBe('2026-04-30');
    expect(judgeRequest(extended, d('2026-05-01')).pastLegal).toBe(false);
    expect(judgeRequest({ ...extended, completedOn: d('2026-05-01') }, d('2026-05-02')).pastLegal).toBe(true);
  });

  it('ignores an extension recorded after the 30-day date had passed', () => {
    const late = { ...base, legalDueOn: d('2026-04-30'), extensionRecordedOn: d('2026-04-02'), completedOn: d('2026-04-20') };
    expect(judgedLegalDueOn(late)).toBe('2026-03-31');
    expect(judgeRequest(late, d('2026-05-01')).pastLegal).toBe(true);
  });

  it('reads an open request against today', () => {
    expect(judgeRequest(base, d('2026-03-15'))).toEqual({ open: true, daysToFulfil: null, pastTarget: false, pastLegal: false });
    expect(judgeRequest(base, d('2026-04-01'))).toEqual({ open: true, daysToFulfil: null, pastTarget: true, pastLegal: true });
  });
});

describe('figures from day buckets', () => {
  const days = [1, 2, 2, 3, 5, 8, 8, 8, 13, 40];
  const buckets = [...new Set(days)].map((n) => ({ days: n, count: days.filter((x) => x === n).length }));

  it('finds the median and 90th percentile by nearest rank, the same as on the sorted list', () => {
    const nearest = (p: number) => [...days].sort((a, b) => a - b)[Math.ceil(p * days.length) - 1];
    expect(percentileOfBuckets(buckets, 0.5)).toBe(nearest(0.5));
    expect(percentileOfBuckets(buckets, 0.5)).toBe(5);
    expect(percentileOfBuckets(buckets, 0.9)).toBe(13);
    expect(percentileOfBuckets(buckets, 1)).toBe(40);
    expect(percentileOfBuckets([], 0.5)).toBeNull();
  });

  it('withholds the median and 90th percentile of fewer than five', () => {
    expect(summarizeDays(buckets)).toEqual({ count: 10, medianDays: 5, p90Days: 13, suppressed: false });
    expect(summarizeDays([{ days: 3, count: 4 }])).toEqual({ count: 4, medianDays: null, p90Days: null, suppressed: true });
    expect(summarizeDays([{ days: 3, count: 5 }])).toEqual({ count: 5, medianDays: 3, p90Days: 3, suppressed: false });
    expect(mayLabelGroup(4)).toBe(false);
    expect(mayLabelGroup(5)).toBe(true);
    expect(mayLabelGroup(0)).toBe(true);
  });

  it('gives shares only of a whole', () => {
    expect(shareOf(1, 4)).toBe(0.25);
    expect(shareOf(0, 0)).toBeNull();
  });
});
