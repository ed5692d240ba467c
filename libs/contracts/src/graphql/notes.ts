import { gql } from 'urql';
import type { CaseNoteKind } from '@second-look/domain';

export type { CaseNoteKind };

/** One of a case's notes as the server has it; `update` and `stateVector` are base64 Yjs bytes. */
export interface CaseNote {
  caseId: string;
  kind: CaseNoteKind;
  text: string;
  /** What the caller lacks: everything, or what is newer than the state vector it sent. */
  update: string;
  stateVector: string;
  version: number;
  updatedAt: string | null;
}

export interface ApplyCaseNoteUpdateInput {
  caseId: string;
  kind: CaseNoteKind;
  update: string;
  stateVector?: string | null;
}

const NOTE = 'caseId kind text update stateVector version updatedAt';

export const CaseNoteQuery = gql<{ caseNote: CaseNote }, { caseId: string; kind: CaseNoteKind; stateVector?: string | null }>`
  query CaseNote($caseId: ID!, $kind: CaseNoteKind!, $stateVector: String) {
    caseNote(caseId: $caseId, kind: $kind, stateVector: $stateVector) {
      ${NOTE}
    }
  }
`;

export const ApplyCaseNoteUpdateMutation = gql<{ applyCaseNoteUpdate: CaseNote }, { input: ApplyCaseNoteUpdateInput }>`
  mutation ApplyCaseNoteUpdate($input: ApplyCaseNoteUpdateInput!) {
    applyCaseNoteUpdate(input: $input) {
      ${NOTE}
    }
  }
`;

/** Others' edits while the note is open; each message carries what this viewer lacks. */
export const CaseNoteUpdatesSubscription = gql<{ caseNoteUpdates: CaseNote }, { caseId: string; kind: CaseNoteKind; stateVector?: string | null }>`
  subscription CaseNoteUpdates($caseId: ID!, $kind: CaseNoteKind!, $stateVector: String) {
    caseNoteUpdates(caseId: $caseId, kind: $kind, stateVector: $stateVector) {
      ${NOTE}
    }
  }
`;
