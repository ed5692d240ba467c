import { gql } from 'urql';
import type { ActivityGroup, CaseArea, CaseEventKind, CaseStage, Role } from '@second-look/domain';
import { PACKET_ITEM_FIELDS, RECORD_REQUEST_FIELDS } from './records';
import type { CaseDetail, Comment, PacketItem, PageInfo, RecordRequest, User } from './types';

// Live case events carry the changed entity with the same fields the case page reads, so the
// normalised cache updates in place and no panel has to refetch.
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

export interface CaseEvent {
  __typename?: 'CaseEvent';
  id: string;
  kind: CaseEventKind;
  caseId: string;
  entityId: string | null;
  removed: boolean;
  staffOnly: boolean;
  at: string;
  actor: Pick<User, 'id' | 'displayName'> | null;
  case: Pick<CaseDetail, 'id' | 'summary' | 'stage' | 'version'>;
  comment: Comment | null;
  packetItem: PacketItem | null;
  recordRequest: RecordRequest | null;
}

export const CaseEventsSubscription = gql<{ caseEvents: CaseEvent }, { caseId: string }>`
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

export interface CasePresence {
  key: string;
  role: Role;
  editing: CaseArea | null;
  since: string;
  you: boolean;
  user: Pick<User, 'id' | 'displayName'> | null;
}

export const CasePresenceSubscription = gql<{ casePresence: CasePresence[] }, { caseId: string; viewId: string }>`
  subscription CasePresence($caseId: ID!, $viewId: String!) {
    casePresence(caseId: $caseId, viewId: $viewId) {
      key
      role
      editing
      since
      you
      user { id displayName }
    }
  }
`;

export const SetCasePresenceMutation = gql<{ setCasePresence: boolean }, { caseId: string; viewId: string; editing: CaseArea | null }>`
  mutation SetCasePresence($caseId: ID!, $viewId: String!, $editing: CaseArea) {
    setCasePresence(caseId: $caseId, viewId: $viewId, editing: $editing)
  }
`;

export interface CaseActivityLine {
  id: string;
  kind: CaseEventKind;
  group: ActivityGroup;
  at: string;
  entityId: string | null;
  staffOnly: boolean;
  fields: string[];
  fromStage: CaseStage | null;
  toStage: CaseStage | null;
  itemKind: string | null;
  /** What happened, where one kind covers several steps (added, edited, moved, removed, chosen…). */
  change: string | null;
  actor: Pick<User, 'id' | 'displayName' | 'role'> | null;
}

export interface CaseActivityData {
  case: { id: string; activity: { nodes: CaseActivityLine[]; pageInfo: PageInfo } };
}

export const CaseActivityQuery = gql<CaseActivityData, { id: string; groups?: ActivityGroup[] | null; actorId?: string | null; first?: number; after?: string | null }>`
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
          actor { id displayName role }
        }
        pageInfo { endCursor hasNextPage }
      }
    }
  }
`;
