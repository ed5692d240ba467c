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
  Invitation,
  PageInfo,
  Urgency,
} from './types';

const USER_FIELDS = gql`
  fragment UserFields on User {
    id
    displayName
    email
    role
  }
`;

const CASE_SUMMARY_FIELDS = gql`
  fragment CaseSummaryFields on Case {
    id
    patientName
    question
    urgency
    stage
    createdAt
    updatedAt
    leadAdvocate {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;

const COMMENT_FIELDS = gql`
  fragment CommentFields on Comment {
    id
    body
    internal
    createdAt
    author {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;

const INVITATION_FIELDS = gql`
  fragment InvitationFields on Invitation {
    id
    email
    role
    caseId
    access
    expiresAt
    acceptedAt
    createdAt
  }
`;

const CASE_DETAIL_FIELDS = gql`
  fragment CaseDetailFields on Case {
    ...CaseSummaryFields
    diagnosisInDoubt
    triggers
    triggerNotes
    allowedStageMoves
    summary
    version
    participants {
      id
      role
      access
      user {
        ...UserFields
      }
    }
    comments {
      ...CommentFields
    }
    invitations {
      ...InvitationFields
    }
    permissions {
      read
      edit
      comment
      internal
      moveStage
      invitePatient
      inviteCaregiver
      assignAdvocate
    }
  }
  ${CASE_SUMMARY_FIELDS}
  ${COMMENT_FIELDS}
  ${INVITATION_FIELDS}
`;

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
        ...CaseSummaryFields
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
  ${CASE_SUMMARY_FIELDS}
`;

export const CaseQuery = gql<{ case: CaseDetail }, { id: string }>`
  query Case($id: ID!) {
    case(id: $id) {
      ...CaseDetailFields
    }
  }
  ${CASE_DETAIL_FIELDS}
`;

export interface CreateCaseInput {
  patientName: string;
  patientEmail?: string | null;
  question: string;
  diagnosisInDoubt: string;
  triggers: CaseTrigger[];
  triggerNotes?: string | null;
  urgency: Urgency;
  leadAdvocateId?: string | null;
}

export const CreateCaseMutation = gql<{ createCase: CaseDetail }, { input: CreateCaseInput }>`
  mutation CreateCase($input: CreateCaseInput!) {
    createCase(input: $input) {
      ...CaseDetailFields
    }
  }
  ${CASE_DETAIL_FIELDS}
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
}

export const UpdateCaseMutation = gql<{ updateCase: CaseDetail }, { input: UpdateCaseInput }>`
  mutation UpdateCase($input: UpdateCaseInput!) {
    updateCase(input: $input) {
      ...CaseDetailFields
    }
  }
  ${CASE_DETAIL_FIELDS}
`;

export const MoveCaseStageMutation = gql<{ moveCaseStage: CaseDetail }, { input: { caseId: string; to: CaseStage } }>`
  mutation MoveCaseStage($input: MoveCaseStageInput!) {
    moveCaseStage(input: $input) {
      ...CaseDetailFields
    }
  }
  ${CASE_DETAIL_FIELDS}
`;

export const AssignLeadAdvocateMutation = gql<
  { assignLeadAdvocate: CaseDetail },
  { caseId: string; advocateId: string }
>`
  mutation AssignLeadAdvocate($caseId: ID!, $advocateId: ID!) {
    assignLeadAdvocate(caseId: $caseId, advocateId: $advocateId) {
      ...CaseDetailFields
    }
  }
  ${CASE_DETAIL_FIELDS}
`;

export const InvitePatientMutation = gql<
  { invitePatient: Invitation },
  { input: { caseId: string; email: string } }
>`
  mutation InvitePatient($input: InvitePatientInput!) {
    invitePatient(input: $input) {
      ...InvitationFields
    }
  }
  ${INVITATION_FIELDS}
`;

export const InviteCaregiverMutation = gql<
  { inviteCaregiver: Invitation },
  { input: { caseId: string; email: string; access: CaregiverAccess } }
>`
  mutation InviteCaregiver($input: InviteCaregiverInput!) {
    inviteCaregiver(input: $input) {
      ...InvitationFields
    }
  }
  ${INVITATION_FIELDS}
`;

export const AddCommentMutation = gql<
  { addComment: Comment },
  { input: { caseId: string; body: string; internal: boolean } }
>`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      ...CommentFields
    }
  }
  ${COMMENT_FIELDS}
`;
