import { gql } from 'urql';

// Everything a change of opinions can touch, so each mutation refreshes the whole panel in the cache.
const OPINIONS = `
    id
    stage
    version
    allowedStageMoves
    opinions { id number providerName givenOn diagnosis recommendedPlan urgency reasoning sourceDocumentId staffNotes version }
    opinionComparison { id opinionCount outcome note version }
    opinionAdvice { nextSteps thirdOpinionSuggested coverageHints nextOpinionNumber }
    decision { id decision reasons chosenOpinionId followUpOn followUpOutcome careMoves newProviderName recordsRelease recordsReleasedOn outcome version }
    closingProblems`;

export const CaseOpinionsQuery = gql`
  query CaseOpinions($id: ID!) {
    case(id: $id) {
      ${OPINIONS}
      packet { id kind title documents { id fileName } }
    }
  }
`;

export const AddOpinionMutation = gql`
  mutation AddOpinion($input: AddOpinionInput!) {
    addOpinion(input: $input) { ${OPINIONS} }
  }
`;

export const CompareOpinionsMutation = gql`
  mutation CompareOpinions($caseId: ID!, $outcome: OpinionComparisonOutcome!, $note: String, $expectedVersion: Int) {
    compareOpinions(input: { caseId: $caseId, outcome: $outcome, note: $note, expectedVersion: $expectedVersion }) { ${OPINIONS} }
  }
`;

export const StartNextOpinionRoundMutation = gql`
  mutation StartNextOpinionRound($caseId: ID!) {
    startNextOpinionRound(caseId: $caseId) { ${OPINIONS} }
  }
`;

export const RecordDecisionMutation = gql`
  mutation RecordDecision($input: RecordDecisionInput!) {
    recordDecision(input: $input) { ${OPINIONS} }
  }
`;

export const CloseCaseWithOutcomeMutation = gql`
  mutation CloseCaseWithOutcome($caseId: ID!, $outcome: CaseOutcome!) {
    closeCaseWithOutcome(input: { caseId: $caseId, outcome: $outcome }) { ${OPINIONS} }
  }
`;
