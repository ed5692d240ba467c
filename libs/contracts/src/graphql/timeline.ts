import { gql } from 'urql';
import type { CasePhase, PhaseStatus } from '@second-look/domain';

export type { CasePhase, PhaseStatus };

// The timeline's shapes live here rather than in types.ts so this feature's contract reads
// in one place; they match schema.gql (CaseTimeline, TimelinePhase) by hand like the rest.

/** One phase of the plan against what happened; dates are `YYYY-MM-DD` in the organisation's zone. */
export interface TimelinePhase {
  phase: CasePhase;
  startOn: string;
  /** The target in the plan, with any staff adjustment. */
  plannedTargetOn: string;
  /** The target once lateness of earlier phases is passed on: what the phase is judged by. */
  dueOn: string;
  completedOn: string | null;
  projectedEndOn: string;
  status: PhaseStatus;
  daysLate: number;
  /** Why staff moved this target, if they did. */
  adjustmentReason: string | null;
}

export interface CaseTimeline {
  startOn: string;
  targetEndOn: string;
  totalDays: number;
  /** Whether the plan sits in the usual 3–8 weeks. */
  withinUsualRange: boolean;
  projectedEndOn: string;
  /** Projected end against the planned end; negative when ahead. */
  daysBehindPlan: number;
  currentPhase: CasePhase | null;
  latePhase: CasePhase | null;
  today: string;
  phases: TimelinePhase[];
}

export interface CaseWithTimeline {
  id: string;
  timeline: CaseTimeline;
}

export interface AdjustCaseTimelineInput {
  caseId: string;
  phase: CasePhase;
  /** `YYYY-MM-DD`, today or later. */
  targetOn: string;
  reason: string;
}

// Flat selection (see cases.ts): case > timeline > phases is three levels with the operation.
const TIMELINE = `
    startOn
    targetEndOn
    totalDays
    withinUsualRange
    projectedEndOn
    daysBehindPlan
    currentPhase
    latePhase
    today
    phases { phase startOn plannedTargetOn dueOn completedOn projectedEndOn status daysLate adjustmentReason }`;

/** A case's timeline on its own, so the case query stays light; merges into the same Case in the cache. */
export const CaseTimelineQuery = gql<{ case: CaseWithTimeline }, { id: string }>`
  query CaseTimeline($id: ID!) {
    case(id: $id) {
      id
      timeline {
        ${TIMELINE}
      }
    }
  }
`;

export const AdjustCaseTimelineMutation = gql<{ adjustCaseTimeline: CaseWithTimeline }, { input: AdjustCaseTimelineInput }>`
  mutation AdjustCaseTimeline($input: AdjustCaseTimelineInput!) {
    adjustCaseTimeline(input: $input) {
      id
      timeline {
        ${TIMELINE}
      }
    }
  }
`;
