import { gql } from 'urql';

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
export const CaseTimelineQuery = gql`
  query CaseTimeline($id: ID!) {
    case(id: $id) {
      id
      timeline {
        ${TIMELINE}
      }
    }
  }
`;

export const AdjustCaseTimelineMutation = gql`
  mutation AdjustCaseTimeline($input: AdjustCaseTimelineInput!) {
    adjustCaseTimeline(input: $input) {
      id
      timeline {
        ${TIMELINE}
      }
    }
  }
`;
