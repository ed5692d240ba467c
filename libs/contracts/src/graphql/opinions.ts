import { gql } from 'urql';
import type { CaseOutcome, CaseStage, CloseProblem, CoverageHint, OpinionComparisonOutcome, OpinionNextStep, RecordsReleaseState, Urgency } from '@second-look/domain';

export type { CaseOutcome, CloseProblem, OpinionComparisonOutcome, OpinionNextStep, RecordsReleaseState };

export interface Opinion {
  id: string;
  number: number;
  providerName: string;
  givenOn: string;
  diagnosis: string;
  recommendedPlan: string;
  urgency: Urgency;
  reasoning: string;
  sourceDocumentId: string | null;
  staffNotes: string | null;
  version: number;
}

export interface OpinionComparison {
  id: string;
  opinionCount: number;
  outcome: OpinionComparisonOutcome;
  note: string;
  version: number;
}

export interface OpinionAdvice {
  nextSteps: OpinionNextStep[];
  thirdOpinionSuggested: boolean;
  coverageHints: CoverageHint[];
  nextOpinionNumber: number;
}

export interface CaseDecision {
  id: string;
  decision: string;
  reasons: string;
  chosenOpinionId: string | null;
  followUpOn: string | null;
  followUpOutcome: string;
  careMoves: boolean;
  newProviderName: string;
  recordsRelease: RecordsReleaseState;
  recordsReleasedOn: string | null;
  outcome: CaseOutcome | null;
  version: number;
}

export interface CaseOpinions {
  id: string;
  stage: CaseStage;
  version: number;
  allowedStageMoves: CaseStage[];
  opinions: Opinion[];
  opinionComparison: OpinionComparison | null;
  opinionAdvice: OpinionAdvice;
  decision: CaseDecision | null;
  closingProblems: CloseProblem[];
  packet: { id: string; kind: string; title: string; documents: { id: string; fileName: string }[] }[];
}

export interface AddOpinionInput {
  caseId: string;
  providerName: string;
  givenOn: string;
  diagnosis: string;
  recommendedPlan: string;
  urgency: Urgency;
  reasoning: string;
  sourceDocumentId?: string | null;
  staffNotes?: string | null;
}

export interface RecordDecisionInput {
  caseId: string;
  expectedVersion?: number | null;
  decision: string;
  reasons?: string | null;
  chosenOpinionId?: string | null;
  followUpOn?: string | null;
  followUpOutcome?: string | null;
  careMoves: boolean;
  newProviderName?: string | null;
  recordsRelease?: RecordsReleaseState | null;
}

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

export const CaseOpinionsQuery = gql<{ case: CaseOpinions }, { id: string }>`
  query CaseOpinions($id: ID!) {
    case(id: $id) {
      ${OPINIONS}
      packet { id kind title documents { id fileName } }
    }
  }
`;

export const AddOpinionMutation = gql<{ addOpinion: Omit<CaseOpinions, 'packet'> }, { input: AddOpinionInput }>`
  mutation AddOpinion($input: AddOpinionInput!) {
    addOpinion(input: $input) { ${OPINIONS} }
  }
`;

export const CompareOpinionsMutation = gql<{ compareOpinions: Omit<CaseOpinions, 'packet'> }, { caseId: string; outcome: OpinionComparisonOutcome; note?: string | null; expectedVersion?: number | null }>`
  mutation CompareOpinions($caseId: ID!, $outcome: OpinionComparisonOutcome!, $note: String, $expectedVersion: Int) {
    compareOpinions(input: { caseId: $caseId, outcome: $outcome, note: $note, expectedVersion: $expectedVersion }) { ${OPINIONS} }
  }
`;

export const StartNextOpinionRoundMutation = gql<{ startNextOpinionRound: Omit<CaseOpinions, 'packet'> }, { caseId: string }>`
  mutation StartNextOpinionRound($caseId: ID!) {
    startNextOpinionRound(caseId: $caseId) { ${OPINIONS} }
  }
`;

export const RecordDecisionMutation = gql<{ recordDecision: Omit<CaseOpinions, 'packet'> }, { input: RecordDecisionInput }>`
  mutation RecordDecision($input: RecordDecisionInput!) {
    recordDecision(input: $input) { ${OPINIONS} }
  }
`;

export const CloseCaseWithOutcomeMutation = gql<{ closeCaseWithOutcome: Omit<CaseOpinions, 'packet'> }, { caseId: string; outcome: CaseOutcome }>`
  mutation CloseCaseWithOutcome($caseId: ID!, $outcome: CaseOutcome!) {
    closeCaseWithOutcome(input: { caseId: $caseId, outcome: $outcome }) { ${OPINIONS} }
  }
`;
