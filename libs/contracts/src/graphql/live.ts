import { gql } from 'urql';
import { PACKET_ITEM_FIELDS, RECORD_REQUEST_FIELDS } from './records';

// Live case events carry the changed entity with the same fields the case page reads, so the
// normalized cache updates in place and no panel has to refetch.
const USER = 'id displayName email role';
const CASE_FIELDS = `
      id
      patientName
      question
      urgency
      stage
      preferredLanguage
      updatedAt
      leadAdvocate { ${USER} }
      diagnosisInDoubt
      triggers
      triggerNotes
      allowedStageMoves
      summary
      version`;

export const CaseEventsSubscription = gql`
  subscription CaseEvents($caseId: ID!) {
    caseEvents(caseId: $caseId) {
      id
      kind
      caseId
      entityId
      removed
      staffOnly
      at
      actor { id displayName }
      case {
        ${CASE_FIELDS}
      }
      comment { id body internal createdAt author { ${USER} } }
      packetItem {
        ${PACKET_ITEM_FIELDS}
      }
      recordRequest {
        ${RECORD_REQUEST_FIELDS}
      }
    }
  }
`;

export const CasePresenceSubscription = gql`
  subscription CasePresence($caseId: ID!, $viewId: String!) {
    casePresence(caseId: $caseId, viewId: $viewId) {
      key
      role
      editing
      since
      you
      user {
        id
        displayName
      }
    }
  }
`;

export const SetCasePresenceMutation = gql`
  mutation SetCasePresence($caseId: ID!, $viewId: String!, $editing: CaseArea) {
    setCasePresence(caseId: $caseId, viewId: $viewId, editing: $editing)
  }
`;

export const CaseActivityQuery = gql`
  query CaseActivity($id: ID!, $groups: [ActivityGroup!], $actorId: ID, $first: Int!, $after: String) {
    case(id: $id) {
      id
      activity(filter: { groups: $groups, actorId: $actorId }, first: $first, after: $after) {
        nodes {
          id
          kind
          group
          at
          entityId
          staffOnly
          fields
          fromStage
          toStage
          itemKind
          change
          actor {
            id
            displayName
            role
          }
        }
        pageInfo {
          endCursor
          hasNextPage
        }
      }
    }
  }
`;
