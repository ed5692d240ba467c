import { gql } from 'urql';
import type {
  CaregiverAccess,
  CaseDetail,
  CaseFilter,
  CaseSort,
  CaseStage,
  CaseSummary,
  CaseTrigger,
  Comment,
  Language,
  Invitation,
  PageInfo,
  Urgency,
} from './types';

// Selections are shared as plain strings rather than fragments: the API's depth limit counts
// fragment spreads as levels, and flat documents are also easier to read in the network tab.
const USER = 'id displayName email role';
const CASE_SUMMARY = `
    id
    patientName
    question
    urgency
    stage
    preferredLanguage
    createdAt
    updatedAt
    leadAdvocate { ${USER} }`;
const COMMENT = `id body internal createdAt author { ${USER} }`;
const INVITATION = 'id email role caseId access expiresAt acceptedAt createdAt';
const CASE_DETAIL = `
    ${CASE_SUMMARY}
    diagnosisInDoubt
    triggers
    triggerNotes
    allowedStageMoves
    summary
    version
    participants { id role access user { ${USER} } }
    comments { ${COMMENT} }
    invitations { ${INVITATION} }
    permissions { read edit comment internal moveStage invitePatient inviteCaregiver assignAdvocate }`;

export interface CasesData {
  cases: { nodes: CaseSummary[]; pageInfo: PageInfo; totalCount: number };
}
export interface CasesVariables {
  filter?: CaseFilter | null;
  sort?: CaseSort | null;
  first?: number;
  after?: string | null;
}

export const CasesQuery = gql<CasesData, CasesVariables>`
  query Cases($filter: CaseFilter, $sort: CaseSort, $first: Int!, $after: String) {
    cases(filter: $filter, sort: $sort, first: $first, after: $after) {
      nodes {
        ${CASE_SUMMARY}
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`;

export const CaseQuery = gql<{ case: CaseDetail }, { id: string }>`
  query Case($id: ID!) {
    case(id: $id) {
      ${CASE_DETAIL}
    }
  }
`;

export interface CreateCaseInput {
  patientName: string;
  patientEmail?: string | null;
  question: string;
  diagnosisInDoubt: string;
  triggers: CaseTrigger[];
  triggerNotes?: string | null;
  urgency: Urgency;
  currentDoctorSpecialty?: string | null;
  currentDoctorSubSpecialty?: string | null;
  leadAdvocateId?: string | null;
  preferredLanguage?: Language | null;
}

export const CreateCaseMutation = gql<{ createCase: CaseDetail }, { input: CreateCaseInput }>`
  mutation CreateCase($input: CreateCaseInput!) {
    createCase(input: $input) {
      ${CASE_DETAIL}
    }
  }
`;

export interface UpdateCaseInput {
  id: string;
  expectedVersion: number;
  summary?: string;
  question?: string;
  diagnosisInDoubt?: string;
  triggers?: CaseTrigger[];
  triggerNotes?: string;
  urgency?: Urgency;
  preferredLanguage?: Language;
}

export const UpdateCaseMutation = gql<{ updateCase: CaseDetail }, { input: UpdateCaseInput }>`
  mutation UpdateCase($input: UpdateCaseInput!) {
    updateCase(input: $input) {
      ${CASE_DETAIL}
    }
  }
`;

export const MoveCaseStageMutation = gql<{ moveCaseStage: CaseDetail }, { input: { caseId: string; to: CaseStage } }>`
  mutation MoveCaseStage($input: MoveCaseStageInput!) {
    moveCaseStage(input: $input) {
      ${CASE_DETAIL}
    }
  }
`;

export const AssignLeadAdvocateMutation = gql<
  { assignLeadAdvocate: CaseDetail },
  { caseId: string; advocateId: string }
>`
  mutation AssignLeadAdvocate($caseId: ID!, $advocateId: ID!) {
    assignLeadAdvocate(caseId: $caseId, advocateId: $advocateId) {
      ${CASE_DETAIL}
    }
  }
`;

export const InvitePatientMutation = gql<
  { invitePatient: Invitation },
  { input: { caseId: string; email: string } }
>`
  mutation InvitePatient($input: InvitePatientInput!) {
    invitePatient(input: $input) {
      ${INVITATION}
    }
  }
`;

export const InviteCaregiverMutation = gql<
  { inviteCaregiver: Invitation },
  { input: { caseId: string; email: string; access: CaregiverAccess } }
>`
  mutation InviteCaregiver($input: InviteCaregiverInput!) {
    inviteCaregiver(input: $input) {
      ${INVITATION}
    }
  }
`;

export const AddCommentMutation = gql<
  { addComment: Comment },
  { input: { caseId: string; body: string; internal: boolean } }
>`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      ${COMMENT}
    }
  }
`;
