import { CASE_STAGE_ORDER, CaseStage } from '../cases/case-stage';
import { Urgency } from '../cases/trigger';
import { CalendarDate, daysBetween, isAfter } from '../dates/calendar-date';
import { CASE_PHASE_ORDER, CasePhase, DEFAULT_CASE_PHASE_DAYS } from '../timeline/case-timeline';

/*
 * What the organization's dashboards count (docs/dashboards.md, "Definitions"). Written once
 * here; the database rollup (migration DashboardRollup) follows the same rules, and the
 * integration tests compare the two on the same histories.
 */

/** Groups smaller than this show counts only: no median, no 90th percentile, no names. */
export const SMALL_GROUP_SIZE = 5;

/** The three phases of the plan, and the whole journey from start to the loop closed. */
export enum DashboardPhase {
  RECORDS = 'RECORDS',
  APPOINTMENT = 'APPOINTMENT',
  FOLLOW_UP = 'FOLLOW_UP',
  JOURNEY = 'JOURNEY',
}

export const DASHBOARD_PHASE_ORDER: readonly DashboardPhase[] = [DashboardPhase.RECORDS, DashboardPhase.APPOINTMENT, DashboardPhase.FOLLOW_UP, DashboardPhase.JOURNEY];

/** The target days of a phase (the plan's defaults); the journey's is the three added up. */
export function phaseTargetDays(phase: DashboardPhase, urgency: Urgency): number {
  if (phase === DashboardPhase.JOURNEY) {
    return CASE_PHASE_ORDER.reduce((sum, p) => sum + DEFAULT_CASE_PHASE_DAYS[p][urgency], 0);
  }
  return DEFAULT_CASE_PHASE_DAYS[phase as unknown as CasePhase][urgency];
}

/** The plan's promise for the whole journey, 3 to 8 weeks. */
export const JOURNEY_PROMISE_MAX_DAYS = 56;

const rank = (stage: CaseStage): number => CASE_STAGE_ORDER.indexOf(stage);

/** A case closed before it reached the last step (the patient withdrew, or it stopped). */
export const isEarlyClose = (from: CaseStage | null, to: CaseStage): boolean => to === CaseStage.CLOSED && from !== null && rank(from) < rank(CaseStage.CLOSE_THE_LOOP);

export interface StageMove {
  readonly from: CaseStage | null;
  readonly to: CaseStage;
  /** The day of the move in the organization's time zone. */
  readonly on: CalendarDate;
}

export interface PhaseSpan {
  readonly phase: DashboardPhase;
  readonly startOn: CalendarDate;
  readonly endOn: CalendarDate;
  readonly days: number;
  readonly targetDays: number;
  readonly overTarget: boolean;
}

/** Whether a move finishes a phase: the first time the case reaches the stage after it. */
function finishes(phase: DashboardPhase, move: StageMove): boolean {
  switch (phase) {
    case DashboardPhase.RECORDS:
      return move.to !== CaseStage.CLOSED && rank(move.to) >= rank(CaseStage.PREPARE);
    case DashboardPhase.APPOINTMENT:
      return move.to !== CaseStage.CLOSED && rank(move.to) >= rank(CaseStage.COMPARE_AND_DECIDE);
    default:
      return move.to === CaseStage.CLOSED && move.from === CaseStage.CLOSE_THE_LOOP;
  }
}

/**
 * The finished phases of one case, from its stage moves in order.
 * - A phase starts where the previous one finished (records: the day the case started) and
 *   finishes the first time the case reaches the stage after it. Moving back does not
 *   reopen a finished phase: the days after the move back count in the phase still open.
 * - The follow-up finishes when the case is closed from "close the loop"; the whole journey
 *   runs from the start to that day.
 * - A case closed early leaves its open phase unfinished: it is never counted as days in a
 *   phase (it shows as an early close in the funnel). Days while closed before a reopening
 *   count in the phase that was open.
 */
export function phaseSpans(startOn: CalendarDate, urgency: Urgency, moves: readonly StageMove[]): PhaseSpan[] {
  const spans: PhaseSpan[] = [];
  const order = [DashboardPhase.RECORDS, DashboardPhase.APPOINTMENT, DashboardPhase.FOLLOW_UP];
  let phaseIndex = 0;
  let phaseStart = startOn;
  for (const move of moves) {
    // One move may finish several phases at once (a reopened case lands past two of them).
    for (let phase = order[phaseIndex]; phase !== undefined && finishes(phase, move); phase = order[phaseIndex]) {
      const endOn = isAfter(phaseStart, move.on) ? phaseStart : move.on;
      spans.push(span(phase, phaseStart, endOn, urgency));
      phaseStart = endOn;
      phaseIndex += 1;
    }
  }
  if (phaseIndex === order.length) spans.push(span(DashboardPhase.JOURNEY, startOn, phaseStart, urgency));
  return spans;
}

function span(phase: DashboardPhase, startOn: CalendarDate, endOn: CalendarDate, urgency: Urgency): PhaseSpan {
  const days = daysBetween(startOn, endOn);
  const targetDays = phaseTargetDays(phase, urgency);
  return { phase, startOn, endOn, days, targetDays, overTarget: days > targetDays };
}

// ---------------------------------------------------------------- record requests

export interface RequestDates {
  readonly sentOn: CalendarDate;
  readonly planTargetOn: CalendarDate;
  readonly originalLegalDueOn: CalendarDate;
  /** The stored legal date: the extended one once an extension is recorded. */
  readonly legalDueOn: CalendarDate;
  readonly extensionRecordedOn: CalendarDate | null;
  readonly completedOn: CalendarDate | null;
}

/**
 * The legal date a request is judged by: the extended date (at most 60 days) only when the
 * extension was recorded on or before the original 30-day date, because the holder must
 * give notice within the first 30 days; a late notice does not move the date.
 */
export function judgedLegalDueOn(r: RequestDates): CalendarDate {
  if (r.extensionRecordedOn && !isAfter(r.extensionRecordedOn, r.originalLegalDueOn)) return r.legalDueOn;
  return r.originalLegalDueOn;
}

export interface RequestJudgement {
  readonly open: boolean;
  /** Days from sending to fulfillment; null while open. */
  readonly daysToFulfil: number | null;
  /** Fulfilled after the plan target, or open and past it today. */
  readonly pastTarget: boolean;
  /** Fulfilled after the judged legal date, or open and past it today. */
  readonly pastLegal: boolean;
}

/** A request is fulfilled when it is completed (every item received or not available). */
export function judgeRequest(r: RequestDates, today: CalendarDate): RequestJudgement {
  const legal = judgedLegalDueOn(r);
  const end = r.completedOn ?? today;
  return {
    open: r.completedOn === null,
    daysToFulfil: r.completedOn === null ? null : daysBetween(r.sentOn, r.completedOn),
    pastTarget: isAfter(end, r.planTargetOn),
    pastLegal: isAfter(end, legal),
  };
}

// ---------------------------------------------------------------- figures from buckets

/** How many cases (or requests) took a whole number of days. */
export interface DayBucket {
  readonly days: number;
  readonly count: number;
}

/**
 * The p-th percentile (0 < p ≤ 1) by nearest rank: the smallest day count that at least
 * p of the cases reached. Exact, because the buckets are whole days.
 */
export function percentileOfBuckets(buckets: readonly DayBucket[], p: number): number | null {
  const sorted = [...buckets].filter((b) => b.count > 0).sort((a, b) => a.days - b.days);
  const total = sorted.reduce((sum, b) => sum + b.count, 0);
  if (total === 0) return null;
  const rankWanted = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const b of sorted) {
    seen += b.count;
    if (seen >= rankWanted) return b.days;
  }
  return sorted.at(-1)?.days ?? null; // only when p > 1: the largest
}

export interface DaysSummary {
  readonly count: number;
  /** Null when the group is smaller than SMALL_GROUP_SIZE (or empty). */
  readonly medianDays: number | null;
  readonly p90Days: number | null;
  readonly suppressed: boolean;
}

export function summarizeDays(buckets: readonly DayBucket[]): DaysSummary {
  const count = buckets.reduce((sum, b) => sum + b.count, 0);
  const suppressed = count > 0 && count < SMALL_GROUP_SIZE;
  return {
    count,
    medianDays: suppressed ? null : percentileOfBuckets(buckets, 0.5),
    p90Days: suppressed ? null : percentileOfBuckets(buckets, 0.9),
    suppressed,
  };
}

/** A part of a whole as a fraction from 0 to 1; null when there is no whole. */
export const shareOf = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Whether a group may be named in a chart next to its figures (names only from SMALL_GROUP_SIZE up). */
export const mayLabelGroup = (count: number): boolean => count === 0 || count >= SMALL_GROUP_SIZE;
