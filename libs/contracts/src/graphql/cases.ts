import { gql } from 'urql';

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
    nextDueOn
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

export const CasesQuery = gql`
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

export const CaseQuery = gql`
  query Case($id: ID!) {
    case(id: $id) {
      ${CASE_DETAIL}
    }
  }
`;

export const CreateCaseMutation = gql`
  mutation CreateCase($input: CreateCaseInput!) {
    createCase(input: $input) {
      ${CASE_DETAIL}
    }
  }
`;

export const UpdateCaseMutation = gql`
  mutation UpdateCase($input: UpdateCaseInput!) {
    updateCase(input: $input) {
      ${CASE_DETAIL}
    }
  }
`;

export const MoveCaseStageMutation = gql`
  mutation MoveCaseStage($input: MoveCaseStageInput!) {
    moveCaseStage(input: $input) {
      ${CASE_DETAIL}
    }
  }
`;

export const AssignLeadAdvocateMutation = gql`
  mutation AssignLeadAdvocate($caseId: ID!, $advocateId: ID!) {
    assignLeadAdvocate(caseId: $caseId, advocateId: $advocateId) {
      ${CASE_DETAIL}
    }
  }
`;

export const InvitePatientMutation = gql`
  mutation InvitePatient($input: InvitePatientInput!) {
    invitePatient(input: $input) {
      ${INVITATION}
    }
  }
`;

export const InviteCaregiverMutation = gql`
  mutation InviteCaregiver($input: InviteCaregiverInput!) {
    inviteCaregiver(input: $input) {
      ${INVITATION}
    }
  }
`;

export const AddCommentMutation = gql`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      ${COMMENT}
    }
  }
`;

const CLIENT_IMPORT_RUN_FIELDS = `
  id
  status
  totalRows
  rowsDone
  invitePatients
  startedByName
  newClients
  existingClients
  invited
  problems
  createdAt
  finishedAt
`;

export const ImportClientsMutation = gql`
  mutation ImportClients($input: ImportClientsInput!) {
    importClients(input: $input) {
      newClients
      existingClients
      invited
      errors {
        row
        field
        problem
      }
      run {
        ${CLIENT_IMPORT_RUN_FIELDS}
      }
    }
  }
`;

/** One import, polled while it runs (docs/import.md). */
export const ClientImportQuery = gql`
  query ClientImport($id: ID!) {
    clientImport(id: $id) {
      ${CLIENT_IMPORT_RUN_FIELDS}
    }
  }
`;

/** The organization's latest import: coming back to the page shows the one running. */
export const LatestClientImportQuery = gql`
  query LatestClientImport {
    latestClientImport {
      ${CLIENT_IMPORT_RUN_FIELDS}
    }
  }
`;
