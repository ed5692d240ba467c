import { Urgency } from '../cases/trigger';
import { CalendarDate, parseCalendarDate } from '../dates/calendar-date';
import { todayInZone } from '../dates/time-zone';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import {
  CASE_PHASE_ORDER,
  CasePhase,
  CaseTimelinePlan,
  DEFAULT_CASE_PHASE_DAYS,
  PhaseCompletions,
  PhaseStatus,
  USUAL_PLAN_MAX_DAYS,
  USUAL_PLAN_MIN_DAYS,
  adjustPhaseTarget,
  casePhaseDays,
  caseTimelineProgress,
  planCaseTimeline,
} from './case-timeline';

const d = (text: string): CalendarDate => parseCalendarDate(text);
const { RECORDS, APPOINTMENT, FOLLOW_UP } = CasePhase;

function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(DomainErrorCode.VALIDATION_FAILED);
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

const targets = (plan: CaseTimelinePlan): string[] => plan.phases.map((p) => p.targetOn);

describe('casePhaseDays', () => {
  it('defaults to 14/28/14 routine and 7/14/7 urgent', () => {
    expect(casePhaseDays()).toEqual(DEFAULT_CASE_PHASE_DAYS);
    expect(DEFAULT_CASE_PHASE_DAYS).toEqual({
      RECORDS: { ROUTINE: 14, URGENT: 7 },
      APPOINTMENT: { ROUTINE: 28, URGENT: 14 },
      FOLLOW_UP: { ROUTINE: 14, URGENT: 7 },
    });
  });

  it('default plans fall inside the usual 3 to 8 weeks', () => {
    const total = (u: Urgency) => CASE_PHASE_ORDER.reduce((sum, p) => sum + DEFAULT_CASE_PHASE_DAYS[p][u], 0);
    expect(total(Urgency.ROUTINE)).toBe(USUAL_PLAN_MAX_DAYS);
    expect(total(Urgency.URGENT)).toBeGreaterThanOrEqual(USUAL_PLAN_MIN_DAYS);
    expect(USUAL_PLAN_MIN_DAYS).toBe(21);
    expect(USUAL_PLAN_MAX_DAYS).toBe(56);
  });

  it('takes an organization override', () => {
    expect(casePhaseDays({ APPOINTMENT: { ROUTINE: 21 } })).toEqual({
      ...DEFAULT_CASE_PHASE_DAYS,
      APPOINTMENT: { ROUTINE: 21, URGENT: 14 },
    });
  });

  it.each([
    [{ RECORDS: { ROUTINE: 0 } }, 'phaseDays.RECORDS.ROUTINE'],
    [{ FOLLOW_UP: { URGENT: 1.5 } }, 'phaseDays.FOLLOW_UP.URGENT'],
    [{ APPOINTMENT: { ROUTINE: 91 } }, 'phaseDays.APPOINTMENT.ROUTINE'],
    [{ APPOINTMENT: { URGENT: 30 } }, 'phaseDays.APPOINTMENT.URGENT'], // longer than routine 28
    [{ RECORDS: { ROUTINE: 5 } }, 'phaseDays.RECORDS.URGENT'], // default urgent 7 > 5
  ])('refuses %j naming %s', (override, field) => {
    expect(domainError(() => casePhaseDays(override)).details).toMatchObject({ field });
  });

  it('allows 90 days and urgent equal to routine', () => {
    expect(casePhaseDays({ APPOINTMENT: { ROUTINE: 90, URGENT: 90 } }).APPOINTMENT).toEqual({
      ROUTINE: 90,
      URGENT: 90,
    });
  });
});

describe('planCaseTimeline', () => {
  it('lays out a routine plan: 2 weeks, 4 weeks, 2 weeks', () => {
    const plan = planCaseTimeline(d('2025-01-06'), Urgency.ROUTINE);
    expect(plan.phases).toEqual([
      { phase: RECORDS, startOn: '2025-01-06', targetOn: '2025-01-20', days: 14, adjustment: null },
      { phase: APPOINTMENT, startOn: '2025-01-20', targetOn: '2025-02-17', days: 28, adjustment: null },
      { phase: FOLLOW_UP, startOn: '2025-02-17', targetOn: '2025-03-03', days: 14, adjustment: null },
    ]);
    expect(plan.targetEndOn).toBe('2025-03-03');
    expect(plan.totalDays).toBe(56);
    expect(plan.withinUsualRange).toBe(true);
  });

  it('halves every phase for an urgent case', () => {
    const plan = planCaseTimeline(d('2025-01-06'), Urgency.URGENT);
    expect(targets(plan)).toEqual(['2025-01-13', '2025-01-27', '2025-02-03']);
    expect(plan.totalDays).toBe(28);
    expect(plan.withinUsualRange).toBe(true);
  });

  it.each([
    ['2024-02-01', ['2024-02-15', '2024-03-14', '2024-03-28']], // leap February
    ['2025-02-01', ['2025-02-15', '2025-03-15', '2025-03-29']],
    ['2100-02-01', ['2100-02-15', '2100-03-15', '2100-03-29']], // 2100: no Feb 29
    ['2000-02-01', ['2000-02-15', '2000-03-14', '2000-03-28']], // 2000: Feb 29
    ['2024-12-20', ['2025-01-03', '2025-01-31', '2025-02-14']], // over the year end
    ['2025-01-31', ['2025-02-14', '2025-03-14', '2025-03-28']],
    ['2025-10-20', ['2025-11-03', '2025-12-01', '2025-12-15']], // over the US fall-back day
  ])('routine plan from %s', (start, expected) => {
    expect(targets(planCaseTimeline(d(start), Urgency.ROUTINE))).toEqual(expected);
  });

  it('uses the organization phase lengths', () => {
    const phaseDays = casePhaseDays({ RECORDS: { ROUTINE: 10 }, APPOINTMENT: { ROUTINE: 21 } });
    const plan = planCaseTimeline(d('2025-01-06'), Urgency.ROUTINE, [], phaseDays);
    expect(targets(plan)).toEqual(['2025-01-16', '2025-02-06', '2025-02-20']);
    expect(plan.totalDays).toBe(45);
    expect(plan.phaseDays).toBe(phaseDays);
  });

  it.each([
    [{ RECORDS: { URGENT: 7 }, APPOINTMENT: { URGENT: 7 }, FOLLOW_UP: { URGENT: 7 } }, 21, true],
    [{ RECORDS: { URGENT: 6 }, APPOINTMENT: { URGENT: 7 }, FOLLOW_UP: { URGENT: 7 } }, 20, false],
  ])('flags a plan outside 3 to 8 weeks (%j)', (override, total, usual) => {
    const plan = planCaseTimeline(d('2025-01-06'), Urgency.URGENT, [], casePhaseDays(override));
    expect(plan.totalDays).toBe(total);
    expect(plan.withinUsualRange).toBe(usual);
  });

  it('refuses a stored adjustment without a reason', () => {
    const error = domainError(() => planCaseTimeline(d('2025-01-06'), Urgency.ROUTINE, [{ phase: RECORDS, targetOn: d('2025-01-25'), reason: ' ' }]));
    expect(error.details).toEqual({ field: 'reason' });
  });
});

describe('adjustPhaseTarget', () => {
  const plan = planCaseTimeline(d('2025-01-06'), Urgency.ROUTINE);
  const today = d('2025-01-08');
  const adjust = (from: CaseTimelinePlan, phase: CasePhase, targetOn: string, reason = 'agreed date') => adjustPhaseTarget(from, { phase, targetOn: d(targetOn), reason }, today);

  it('moves the records target and everything after it', () => {
    const reason = 'The hospital archive needs three weeks';
    const moved = adjustPhaseTarget(plan, { phase: RECORDS, targetOn: d('2025-01-27'), reason }, today);
    expect(targets(moved)).toEqual(['2025-01-27', '2025-02-24', '2025-03-10']);
    expect(moved.phases[0].adjustment).toEqual({ phase: RECORDS, targetOn: '2025-01-27', reason });
    expect(moved.phases[1].adjustment).toBeNull();
    expect(moved.totalDays).toBe(63);
    expect(moved.withinUsualRange).toBe(false); // past 8 weeks: worth a look
    expect(plan.targetEndOn).toBe('2025-03-03'); // the input plan is unchanged
  });

  it('fixes a booked appointment and plans the follow-up from it', () => {
    const moved = adjustPhaseTarget(plan, { phase: APPOINTMENT, targetOn: d('2025-02-10'), reason: 'Earliest slot at the teaching hospital' }, today);
    expect(targets(moved)).toEqual(['2025-01-20', '2025-02-10', '2025-02-24']);
    expect(moved.phases[1].days).toBe(21);
    expect(moved.totalDays).toBe(49);
  });

  it('keeps a fixed appointment when the records target moves earlier', () => {
    const booked = adjustPhaseTarget(plan, { phase: APPOINTMENT, targetOn: d('2025-02-10'), reason: 'slot' }, today);
    const sooner = adjust(booked, RECORDS, '2025-01-15');
    expect(targets(sooner)).toEqual(['2025-01-15', '2025-02-10', '2025-02-24']);
    expect(sooner.adjustments).toHaveLength(2);
  });

  it('lets the last adjustment of a phase win, keeping the history', () => {
    const first = adjustPhaseTarget(plan, { phase: APPOINTMENT, targetOn: d('2025-02-10'), reason: 'slot' }, today);
    const second = adjustPhaseTarget(first, { phase: APPOINTMENT, targetOn: d('2025-02-12'), reason: 'moved' }, today);
    expect(second.phases[1].targetOn).toBe('2025-02-12');
    expect(second.phases[1].adjustment?.reason).toBe('moved');
    expect(second.adjustments.map((a) => a.targetOn)).toEqual(['2025-02-10', '2025-02-12']);
  });

  it('stores the reason trimmed', () => {
    const moved = adjustPhaseTarget(plan, { phase: FOLLOW_UP, targetOn: d('2025-03-05'), reason: '  leave  ' }, today);
    expect(moved.phases[2].adjustment?.reason).toBe('leave');
  });

  it.each(['', '   ', '\t'])('refuses an empty reason %j', (reason) => {
    const error = domainError(() => adjust(plan, RECORDS, '2025-01-25', reason));
    expect(error.message).toContain('reason');
    expect(error.details).toEqual({ field: 'reason' });
  });

  it('refuses a target in the past, allows today', () => {
    const error = domainError(() => adjustPhaseTarget(plan, { phase: RECORDS, targetOn: d('2025-01-07'), reason: 'x' }, today));
    expect(error.details).toEqual({ field: 'targetOn', phase: RECORDS, value: '2025-01-07', today: '2025-01-08' });
    expect(adjustPhaseTarget(plan, { phase: RECORDS, targetOn: today, reason: 'x' }, today).phases[0].days).toBe(2);
  });

  it('refuses a target on or before the phase start', () => {
    const error = domainError(() => adjustPhaseTarget(plan, { phase: APPOINTMENT, targetOn: d('2025-01-20'), reason: 'x' }, today));
    expect(error.details).toEqual({
      field: 'targetOn',
      phase: APPOINTMENT,
      value: '2025-01-20',
      earliest: '2025-01-21',
    });
    expect(adjust(plan, APPOINTMENT, '2025-01-21').phases[1].days).toBe(1);
  });

  it('refuses a records target that would run past a booked appointment', () => {
    const booked = adjustPhaseTarget(plan, { phase: APPOINTMENT, targetOn: d('2025-02-10'), reason: 'slot' }, today);
    const error = domainError(() => adjustPhaseTarget(booked, { phase: RECORDS, targetOn: d('2025-02-10'), reason: 'slow' }, today));
    expect(error.details).toMatchObject({ field: 'targetOn', phase: APPOINTMENT });
  });
});

describe('caseTimelineProgress', () => {
  // Records due 01-20, appointment 02-17, follow-up 03-03.
  const plan = planCaseTimeline(d('2025-01-06'), Urgency.ROUTINE);
  const progress = (completions: PhaseCompletions, today: string) => caseTimelineProgress(plan, completions, d(today));
  const dues = (p: ReturnType<typeof progress>) => p.phases.map((x) => x.dueOn);
  const statuses = (p: ReturnType<typeof progress>) => p.phases.map((x) => x.status);

  it('is on plan while the records phase is on time', () => {
    const p = progress({}, '2025-01-10');
    expect(p.phases[0]).toEqual({
      phase: RECORDS,
      plannedTargetOn: '2025-01-20',
      dueOn: '2025-01-20',
      completedOn: null,
      projectedEndOn: '2025-01-20',
      status: PhaseStatus.IN_PROGRESS,
      daysLate: 0,
    });
    expect(statuses(p)).toEqual([PhaseStatus.IN_PROGRESS, PhaseStatus.UPCOMING, PhaseStatus.UPCOMING]);
    expect(p.currentPhase).toBe(RECORDS);
    expect(p.latePhase).toBeNull();
    expect(p.projectedEndOn).toBe('2025-03-03');
    expect(p.daysBehindPlan).toBe(0);
  });

  it('is not late on the due day itself', () => {
    expect(progress({}, '2025-01-20').latePhase).toBeNull();
  });

  it('is late the day after, and pushes the rest back day by day', () => {
    const oneDay = progress({}, '2025-01-21');
    expect(oneDay.latePhase).toBe(RECORDS);
    expect(oneDay.phases[0].daysLate).toBe(1);
    const p = progress({}, '2025-01-23');
    expect(p.latePhase).toBe(RECORDS);
    expect(p.phases[0]).toMatchObject({ status: PhaseStatus.LATE, daysLate: 3, projectedEndOn: '2025-01-23' });
    expect(dues(p)).toEqual(['2025-01-20', '2025-02-20', '2025-03-06']);
    expect(p.projectedEndOn).toBe('2025-03-06');
    expect(p.daysBehindPlan).toBe(3);
  });

  it('passes the lateness of a finished phase on to the open ones', () => {
    const p = progress({ RECORDS: d('2025-01-25') }, '2025-02-01');
    expect(p.phases[0]).toMatchObject({ status: PhaseStatus.DONE, completedOn: '2025-01-25', daysLate: 5 });
    expect(p.phases[1]).toMatchObject({ plannedTargetOn: '2025-02-17', dueOn: '2025-02-22' });
    expect(statuses(p)).toEqual([PhaseStatus.DONE, PhaseStatus.IN_PROGRESS, PhaseStatus.UPCOMING]);
    expect(p.currentPhase).toBe(APPOINTMENT);
    expect(p.latePhase).toBeNull();
    expect(p.projectedEndOn).toBe('2025-03-08');
    expect(p.daysBehindPlan).toBe(5);
  });

  it('judges the next phase by its shifted date, not the original one', () => {
    // Planned 02-17, shifted to 02-22 by the records delay: the 20th is not late yet.
    expect(progress({ RECORDS: d('2025-01-25') }, '2025-02-20').latePhase).toBeNull();
    const p = progress({ RECORDS: d('2025-01-25') }, '2025-02-23');
    expect(p.latePhase).toBe(APPOINTMENT);
    expect(p.phases[1]).toMatchObject({ daysLate: 1, projectedEndOn: '2025-02-23' });
    expect(p.phases[2].dueOn).toBe('2025-03-09');
    expect(p.daysBehindPlan).toBe(6);
  });

  it('does not pull later phases forward after an early finish', () => {
    const p = progress({ RECORDS: d('2025-01-15') }, '2025-01-16');
    expect(p.phases[0].daysLate).toBe(0);
    expect(dues(p)).toEqual(['2025-01-20', '2025-02-17', '2025-03-03']);
    expect(p.daysBehindPlan).toBe(0);
  });

  it('reports a finished case by its actual end, ahead of plan', () => {
    const p = progress({ RECORDS: d('2025-01-18'), APPOINTMENT: d('2025-02-14'), FOLLOW_UP: d('2025-02-25') }, '2025-03-01');
    expect(statuses(p)).toEqual([PhaseStatus.DONE, PhaseStatus.DONE, PhaseStatus.DONE]);
    expect(p.currentPhase).toBeNull();
    expect(p.latePhase).toBeNull();
    expect(p.projectedEndOn).toBe('2025-02-25');
    expect(p.daysBehindPlan).toBe(-6);
  });

  it('reports a finished case that ended late', () => {
    const p = progress({ RECORDS: d('2025-01-20'), APPOINTMENT: d('2025-02-17'), FOLLOW_UP: d('2025-03-10') }, '2025-03-10');
    expect(p.phases[2]).toMatchObject({ status: PhaseStatus.DONE, daysLate: 7 });
    expect(p.latePhase).toBeNull(); // nothing is late *today*: it is finished
    expect(p.daysBehindPlan).toBe(7);
  });

  it('accepts phases finishing on the same day', () => {
    const p = progress({ RECORDS: d('2025-01-20'), APPOINTMENT: d('2025-01-20') }, '2025-01-21');
    expect(p.currentPhase).toBe(FOLLOW_UP);
    // The follow-up keeps its planned 14 days from its planned start, as nothing was late.
    expect(p.phases[2].dueOn).toBe('2025-03-03');
  });

  it('treats a null completion as open', () => {
    expect(progress({ RECORDS: null }, '2025-01-10').currentPhase).toBe(RECORDS);
  });

  it('works for an urgent plan', () => {
    const urgent = planCaseTimeline(d('2025-01-06'), Urgency.URGENT); // 01-13, 01-27, 02-03
    const p = caseTimelineProgress(urgent, {}, d('2025-01-14'));
    expect(p.latePhase).toBe(RECORDS);
    expect(dues(p)).toEqual(['2025-01-13', '2025-01-28', '2025-02-04']);
    expect(p.daysBehindPlan).toBe(1);
    // The same date is comfortably on time for a routine case.
    expect(progress({}, '2025-01-14').latePhase).toBeNull();
  });

  it('carries lateness across a leap day and a year end', () => {
    const leap = planCaseTimeline(d('2024-02-01'), Urgency.ROUTINE); // 02-15, 03-14, 03-28
    const p = caseTimelineProgress(leap, {}, d('2024-02-29'));
    expect(p.phases[0].daysLate).toBe(14);
    expect(dues(p)).toEqual(['2024-02-15', '2024-03-28', '2024-04-11']);
    const yearEnd = planCaseTimeline(d('2024-12-01'), Urgency.URGENT); // 12-08, 12-22, 12-29
    const q = caseTimelineProgress(yearEnd, { RECORDS: d('2024-12-08') }, d('2025-01-02'));
    expect(q.latePhase).toBe(APPOINTMENT);
    expect(q.phases[1].daysLate).toBe(11);
    expect(q.projectedEndOn).toBe('2025-01-09');
  });

  it('decides lateness by today in the organization zone', () => {
    // Records due 2025-01-20. At 12:00 UTC on the 20th it is already the 21st in Auckland.
    const instant = new Date('2025-01-20T12:00:00Z');
    expect(caseTimelineProgress(plan, {}, todayInZone(instant, 'Pacific/Auckland')).latePhase).toBe(RECORDS);
    expect(caseTimelineProgress(plan, {}, todayInZone(instant, 'America/Los_Angeles')).latePhase).toBeNull();
  });

  describe('with a booked (adjusted) appointment', () => {
    const booked = adjustPhaseTarget(plan, { phase: APPOINTMENT, targetOn: d('2025-02-10'), reason: 'Earliest slot' }, d('2025-01-08')); // records 01-20, appointment 02-10, follow-up 02-24

    it('keeps the booked date when records are late but in time for it', () => {
      const p = caseTimelineProgress(booked, { RECORDS: d('2025-01-25') }, d('2025-01-26'));
      expect(dues(p)).toEqual(['2025-01-20', '2025-02-10', '2025-02-24']);
      expect(p.daysBehindPlan).toBe(0);
    });

    it('keeps the booked date when records arrive on the day itself', () => {
      const p = caseTimelineProgress(booked, { RECORDS: d('2025-02-10') }, d('2025-02-10'));
      expect(p.phases[1]).toMatchObject({ dueOn: '2025-02-10', status: PhaseStatus.IN_PROGRESS });
      expect(caseTimelineProgress(booked, { RECORDS: d('2025-02-10') }, d('2025-02-11')).latePhase).toBe(APPOINTMENT);
    });

    it('projects a new appointment of the usual length once the booking is missed', () => {
      const p = caseTimelineProgress(booked, { RECORDS: d('2025-02-12') }, d('2025-02-12'));
      expect(p.phases[1]).toMatchObject({ plannedTargetOn: '2025-02-10', dueOn: '2025-03-12' });
      expect(p.phases[2].dueOn).toBe('2025-03-26');
      expect(p.daysBehindPlan).toBe(30);
    });

    it('projects from today when records are still out past the booking', () => {
      const p = caseTimelineProgress(booked, {}, d('2025-02-15'));
      expect(p.phases[0]).toMatchObject({ status: PhaseStatus.LATE, daysLate: 26, projectedEndOn: '2025-02-15' });
      expect(p.phases[1].dueOn).toBe('2025-03-15');
      expect(p.projectedEndOn).toBe('2025-03-29');
    });
  });

  describe('refuses completions that cannot be true', () => {
    it('a later phase finished while an earlier one is open', () => {
      const error = domainError(() => progress({ APPOINTMENT: d('2025-02-01') }, '2025-02-02'));
      expect(error.details).toEqual({ field: 'completedOn.APPOINTMENT', phase: APPOINTMENT, openPhase: RECORDS });
    });

    it('a completion in the future', () => {
      const error = domainError(() => progress({ RECORDS: d('2025-01-21') }, '2025-01-20'));
      expect(error.details).toMatchObject({ field: 'completedOn.RECORDS', value: '2025-01-21', today: '2025-01-20' });
    });

    it('a completion before the case started', () => {
      const error = domainError(() => progress({ RECORDS: d('2025-01-05') }, '2025-01-20'));
      expect(error.details).toMatchObject({ field: 'completedOn.RECORDS', earliest: '2025-01-06' });
    });

    it('a completion before the previous phase finished', () => {
      const error = domainError(() => progress({ RECORDS: d('2025-01-20'), APPOINTMENT: d('2025-01-19') }, '2025-01-25'));
      expect(error.details).toMatchObject({ field: 'completedOn.APPOINTMENT', earliest: '2025-01-20' });
      expect(error.message).toContain('RECORDS');
    });
  });
});
