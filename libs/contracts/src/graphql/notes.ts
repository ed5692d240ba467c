import { gql } from 'urql';

const NOTE = 'caseId kind text update stateVector version updatedAt';

export const CaseNoteQuery = gql`
  query CaseNote($caseId: ID!, $kind: CaseNoteKind!, $stateVector: String) {
    caseNote(caseId: $caseId, kind: $kind, stateVector: $stateVector) {
      ${NOTE}
    }
  }
`;

export const ApplyCaseNoteUpdateMutation = gql`
  mutation ApplyCaseNoteUpdate($input: ApplyCaseNoteUpdateInput!) {
    applyCaseNoteUpdate(input: $input) {
      ${NOTE}
    }
  }
`;

/** Others' edits while the note is open; each message carries what this viewer lacks. */
export const CaseNoteUpdatesSubscription = gql`
  subscription CaseNoteUpdates($caseId: ID!, $kind: CaseNoteKind!, $stateVector: String) {
    caseNoteUpdates(caseId: $caseId, kind: $kind, stateVector: $stateVector) {
      ${NOTE}
    }
  }
`;
