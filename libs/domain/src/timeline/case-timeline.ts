import { Urgency } from '../cases/trigger';
import { CalendarDate, addDays, daysBetween, isAfter, isBefore, laterOf } from '../dates/calendar-date';
import { DomainError, DomainErrorCode } from '../errors/domain-error';

/*
 * A case's plan from the decision to a decision made (docs/domain.md, "The clock"): about
 * 1–2 weeks for records, 2–4 weeks for the specialist appointment, 1–2 weeks to follow
 * up with the current doctor; 3 to 8 weeks in all. The phases run one after another,
 * each starting on the previous one's target date. Urgent cases shorten every phase.
 */

export enum CasePhase {
  RECORDS = 'RECORDS',
  APPOINTMENT = 'APPOINTMENT',
  FOLLOW_UP = 'FOLLOW_UP',
}

export const CASE_PHASE_ORDER: readonly CasePhase[] = [CasePhase.RECORDS, CasePhase.APPOINTMENT, CasePhase.FOLLOW_UP];

export type CasePhaseDays = Readonly<Record<CasePhase, Readonly<Record<Urgency, number>>>>;

export const DEFAULT_CASE_PHASE_DAYS: CasePhaseDays = {
  [CasePhase.RECORDS]: { [Urgency.ROUTINE]: 14, [Urgency.URGENT]: 7 },
  [CasePhase.APPOINTMENT]: { [Urgency.ROUTINE]: 28, [Urgency.URGENT]: 14 },
  [CasePhase.FOLLOW_UP]: { [Urgency.ROUTINE]: 14, [Urgency.URGENT]: 7 },
};

/** The usual span of a whole plan, 3 to 8 weeks; outside it the plan deserves a second look. */
export const USUAL_PLAN_MIN_DAYS = 21;
export const USUAL_PLAN_MAX_DAYS = 56;

/** Longest a single phase may be planned for: beyond a quarter year it is no longer a plan. */
export const MAX_PHASE_DAYS = 90;

const invalid = (field: string, message: string, details: Record<string, unknown> = {}): DomainError => new DomainError(DomainErrorCode.VALIDATION_FAILED, message, { field, ...details });

export type CasePhaseDaysOverride = Partial<Readonly<Record<CasePhase, Partial<Readonly<Record<Urgency, number>>>>>>;

/** An organization's own phase lengths over the defaults; urgent may never be slower than routine. */
export function casePhaseDays(override: CasePhaseDaysOverride = {}): CasePhaseDays {
  const read = (phase: CasePhase, urgency: Urgency): number => {
    const value = override[phase]?.[urgency] ?? DEFAULT_CASE_PHASE_DAYS[phase][urgency];
    if (!Number.isInteger(value) || value < 1 || value > MAX_PHASE_DAYS) {
      throw invalid(`phaseDays.${phase}.${urgency}`, `A phase must last a whole number of days from 1 to ${MAX_PHASE_DAYS}`, { value });
    }
    return value;
  };
  const days = {} as Record<CasePhase, Record<Urgency, number>>;
  for (const phase of CASE_PHASE_ORDER) {
    const routine = read(phase, Urgency.ROUTINE);
    const urgent = read(phase, Urgency.URGENT);
    if (urgent > routine) {
      const field = `phaseDays.${phase}.${Urgency.URGENT}`;
      throw invalid(field, `The urgent ${phase} phase cannot be longer than the routine one`, { urgent, routine });
    }
    days[phase] = { [Urgency.ROUTINE]: routine, [Urgency.URGENT]: urgent };
  }
  return days;
}

// ---------------------------------------------------------------- the plan

/**
 * Staff move a phase's target to a date agreed with someone outside the case: a
 * holder's promised date, the slot the second-opinion provider booked. The reason is
 * required so the patient and the coordinator can see why the plan changed.
 */
export interface PhaseAdjustment {
  readonly phase: CasePhase;
  readonly targetOn: CalendarDate;
  readonly reason: string;
}

export interface PlannedPhase {
  readonly phase: CasePhase;
  readonly startOn: CalendarDate;
  readonly targetOn: CalendarDate;
  readonly days: number;
  /** The adjustment in force, when staff moved this target; such a date is fixed, not derived. */
  readonly adjustment: PhaseAdjustment | null;
}

export interface CaseTimelinePlan {
  readonly startOn: CalendarDate;
  readonly urgency: Urgency;
  readonly phaseDays: CasePhaseDays;
  /** Every adjustment in the order made; for each phase the last one is in force. */
  readonly adjustments: readonly PhaseAdjustment[];
  readonly phases: readonly PlannedPhase[];
  readonly targetEndOn: CalendarDate;
  readonly totalDays: number;
  /** False when the plan runs shorter than 3 or longer than 8 weeks. */
  readonly withinUsualRange: boolean;
}

function assertReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed === '') throw invalid('reason', 'Moving a phase target needs a reason');
  return trimmed;
}

/**
 * Lays out the phases from the case's start date. A phase without an adjustment starts
 * where the previous one is due and lasts its planned days, so moving the records
 * target moves everything after it; an adjusted phase keeps its agreed date.
 */
export function planCaseTimeline(startOn: CalendarDate, urgency: Urgency, adjustments: readonly PhaseAdjustment[] = [], phaseDays: CasePhaseDays = DEFAULT_CASE_PHASE_DAYS): CaseTimelinePlan {
  // Stored adjustments were checked when made; checking again keeps a hand-edited row honest.
  adjustments.forEach((a) => assertReason(a.reason));
  const phases: PlannedPhase[] = [];
  let phaseStart = startOn;
  for (const phase of CASE_PHASE_ORDER) {
    const adjustment = [...adjustments].reverse().find((a) => a.phase === phase) ?? null;
    const targetOn = adjustment ? adjustment.targetOn : addDays(phaseStart, phaseDays[phase][urgency]);
    if (!isAfter(targetOn, phaseStart)) {
      throw invalid('targetOn', `The ${phase} target must be after the phase starts (${phaseStart})`, {
        phase,
        value: targetOn,
        earliest: addDays(phaseStart, 1),
      });
    }
    phases.push({ phase, startOn: phaseStart, targetOn, days: daysBetween(phaseStart, targetOn), adjustment });
    phaseStart = targetOn;
  }
  const totalDays = daysBetween(startOn, phaseStart);
  return {
    startOn,
    urgency,
    phaseDays,
    adjustments: [...adjustments],
    phases,
    targetEndOn: phaseStart,
    totalDays,
    withinUsualRange: totalDays >= USUAL_PLAN_MIN_DAYS && totalDays <= USUAL_PLAN_MAX_DAYS,
  };
}

/**
 * Staff move one phase's target. The new date may not be in the past (a target
 * nobody can meet is not a plan) and must keep the phases in order.
 */
export function adjustPhaseTarget(plan: CaseTimelinePlan, adjustment: PhaseAdjustment, today: CalendarDate): CaseTimelinePlan {
  const reason = assertReason(adjustment.reason);
  if (isBefore(adjustment.targetOn, today)) {
    throw invalid('targetOn', `The new target cannot be in the past (today is ${today})`, {
      phase: adjustment.phase,
      value: adjustment.targetOn,
      today,
    });
  }
  return planCaseTimeline(plan.startOn, plan.urgency, [...plan.adjustments, { phase: adjustment.phase, targetOn: adjustment.targetOn, reason }], plan.phaseDays);
}

// ---------------------------------------------------------------- progress

/** When each finished phase actually finished. */
export type PhaseCompletions = Partial<Readonly<Record<CasePhase, CalendarDate | null>>>;

export enum PhaseStatus {
  DONE = 'DONE',
  IN_PROGRESS = 'IN_PROGRESS',
  LATE = 'LATE',
  UPCOMING = 'UPCOMING',
}

export interface PhaseProgress {
  readonly phase: CasePhase;
  /** The target in the plan. */
  readonly plannedTargetOn: CalendarDate;
  /** The target after lateness of earlier phases is passed on; what this phase is judged by. */
  readonly dueOn: CalendarDate;
  readonly completedOn: CalendarDate | null;
  /** The actual end when done; otherwise the best end still possible. */
  readonly projectedEndOn: CalendarDate;
  readonly status: PhaseStatus;
  /** Days past `dueOn`: at completion when done, today when in progress, else 0. */
  readonly daysLate: number;
}

export interface CaseTimelineProgress {
  readonly phases: readonly PhaseProgress[];
  /** The first phase not yet done; null once the follow-up is done. */
  readonly currentPhase: CasePhase | null;
  /** The current phase when it is past its due date today. */
  readonly latePhase: CasePhase | null;
  readonly projectedEndOn: CalendarDate;
  /** Projected end against the plan's end; negative when ahead. */
  readonly daysBehindPlan: number;
}

function assertCompletions(plan: CaseTimelinePlan, completions: PhaseCompletions, today: CalendarDate): void {
  let previous: { phase: CasePhase; on: CalendarDate } | null = null;
  let openPhase: CasePhase | null = null;
  for (const phase of CASE_PHASE_ORDER) {
    const on = completions[phase] ?? null;
    if (!on) {
      openPhase ??= phase;
      continue;
    }
    const field = `completedOn.${phase}`;
    if (openPhase) {
      throw invalid(field, `${phase} cannot be finished while ${openPhase} is not`, { phase, openPhase });
    }
    if (isAfter(on, today)) {
      throw invalid(field, `A phase cannot finish in the future (today is ${today})`, { phase, value: on, today });
    }
    const earliest = previous ? previous.on : plan.startOn;
    if (isBefore(on, earliest)) {
      const after = previous ? previous.phase : 'the case started';
      throw invalid(field, `${phase} cannot finish before ${after} (${earliest})`, { phase, value: on, earliest });
    }
    previous = { phase, on };
  }
}

/**
 * Where the case stands today against its plan.
 *
 * Lateness is passed on: an open phase cannot start before the previous one ends, so
 * its due date moves by the same number of days and it keeps its planned length. An
 * early finish does not pull later targets forward, because appointments are booked
 * against the provider's calendar, not ours. A phase with an agreed date (an
 * adjustment) keeps it unless the phase before runs past it; then the date is lost and
 * a new one is projected to take the phase's usual days from that end.
 *
 * The phase in progress cannot end before today, so once late it is projected to end
 * today at the earliest, and the rest follow from there.
 */
export function caseTimelineProgress(plan: CaseTimelinePlan, completions: PhaseCompletions, today: CalendarDate): CaseTimelineProgress {
  assertCompletions(plan, completions, today);

  const phases: PhaseProgress[] = [];
  let previousEnd = plan.startOn;
  let currentPhase: CasePhase | null = null;

  for (const planned of plan.phases) {
    const slip = Math.max(0, daysBetween(planned.startOn, previousEnd));
    let dueOn: CalendarDate;
    if (planned.adjustment) {
      dueOn = isAfter(previousEnd, planned.targetOn) ? addDays(previousEnd, plan.phaseDays[planned.phase][plan.urgency]) : planned.targetOn;
    } else {
      dueOn = addDays(planned.targetOn, slip);
    }

    const completedOn = completions[planned.phase] ?? null;
    let status: PhaseStatus;
    let projectedEndOn: CalendarDate;
    let daysLate: number;
    if (completedOn) {
      status = PhaseStatus.DONE;
      projectedEndOn = completedOn;
      daysLate = Math.max(0, daysBetween(dueOn, completedOn));
    } else if (currentPhase === null) {
      currentPhase = planned.phase;
      daysLate = Math.max(0, daysBetween(dueOn, today));
      status = daysLate > 0 ? PhaseStatus.LATE : PhaseStatus.IN_PROGRESS;
      projectedEndOn = laterOf(dueOn, today);
    } else {
      status = PhaseStatus.UPCOMING;
      projectedEndOn = dueOn;
      daysLate = 0;
    }

    phases.push({
      phase: planned.phase,
      plannedTargetOn: planned.targetOn,
      dueOn,
      completedOn,
      projectedEndOn,
      status,
      daysLate,
    });
    previousEnd = projectedEndOn;
  }

  const late = phases.find((p) => p.status === PhaseStatus.LATE);
  return {
    phases,
    currentPhase,
    latePhase: late ? late.phase : null,
    projectedEndOn: previousEnd,
    daysBehindPlan: daysBetween(plan.targetEndOn, previousEnd),
  };
}
