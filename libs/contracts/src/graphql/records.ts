import { gql } from 'urql';
import type {
  CalendarDay,
  CaseRecords,
  FollowUpChannel,
  Language,
  PacketItem,
  PacketItemKind,
  PacketItemState,
  RecordBoard,
  RecordBoardFilter,
  RecordBoardSort,
  RecordFollowUp,
  RecordHolder,
  RecordHolderInput,
  RecordRequest,
  RequestMethod,
  ResponsibleParty,
} from './types';

// Flat selections (no fragments): see cases.ts. The deepest path is the board's
// recordBoard > requests > nodes > items > packetItem, six levels with the operation.
const HOLDER = 'id name department phone fax email portalUrl address';
const PACKET_ITEM = `
    id
    kind
    title
    state
    allowedStateMoves
    responsible
    notes
    staffNotes
    version
    createdAt
    updatedAt
    holder { ${HOLDER} }
    documents { id fileName contentType sizeBytes createdAt downloadUrl uploadedBy { id displayName } }`;
const FOLLOW_UP = 'id channel outcome at by { id displayName }';
const CLOCK = 'dueOn status daysLeft';
const REQUEST = `
    id
    method
    sentOn
    holderReceivedOn
    originalLegalDueOn
    extensionReason
    extensionRecordedOn
    letter
    letterLanguage
    feeCents
    completedOn
    version
    createdAt
    ageDays
    overall
    holder { ${HOLDER} }
    target { ${CLOCK} }
    legal { ${CLOCK} }
    items { receivedOn packetItem { id kind title state version } }
    followUps { ${FOLLOW_UP} }`;
// A board row: what it shows and what its actions need, not the letter or the follow-up log
// (the case page has those). Fifty rows with ~1.4 KB letters were most of the board's bytes.
const BOARD_REQUEST = `
    id
    version
    sentOn
    holderReceivedOn
    extensionReason
    completedOn
    feeCents
    ageDays
    overall
    holder { id name }
    target { ${CLOCK} }
    legal { ${CLOCK} }
    items { receivedOn packetItem { id kind title state version } }
    case { id patientName urgency leadAdvocate { id displayName } }`;

/** The packet and the requests of one case; merges with CaseQuery in the normalised cache. */
export const CaseRecordsQuery = gql<{ case: CaseRecords }, { id: string }>`
  query CaseRecords($id: ID!) {
    case(id: $id) {
      id
      packet {
        ${PACKET_ITEM}
      }
      recordRequests {
        ${REQUEST}
      }
    }
  }
`;

export const RecordHoldersQuery = gql<{ recordHolders: RecordHolder[] }, { search?: string | null }>`
  query RecordHolders($search: String) {
    recordHolders(search: $search) {
      ${HOLDER}
    }
  }
`;

export const CreateRecordHolderMutation = gql<{ createRecordHolder: RecordHolder }, { input: RecordHolderInput }>`
  mutation CreateRecordHolder($input: RecordHolderInput!) {
    createRecordHolder(input: $input) {
      ${HOLDER}
    }
  }
`;

export const UpdateRecordHolderMutation = gql<
  { updateRecordHolder: RecordHolder },
  { input: RecordHolderInput & { id: string } }
>`
  mutation UpdateRecordHolder($input: UpdateRecordHolderInput!) {
    updateRecordHolder(input: $input) {
      ${HOLDER}
    }
  }
`;

export interface AddPacketItemInput {
  caseId: string;
  kind: PacketItemKind;
  title?: string | null;
  holderId?: string | null;
  responsible?: ResponsibleParty | null;
  notes?: string | null;
}

export const AddPacketItemMutation = gql<{ addPacketItem: PacketItem }, { input: AddPacketItemInput }>`
  mutation AddPacketItem($input: AddPacketItemInput!) {
    addPacketItem(input: $input) {
      ${PACKET_ITEM}
    }
  }
`;

export interface UpdatePacketItemInput {
  id: string;
  expectedVersion: number;
  title?: string;
  holderId?: string | null;
  state?: PacketItemState;
  responsible?: ResponsibleParty;
  notes?: string;
  staffNotes?: string;
}

export const UpdatePacketItemMutation = gql<{ updatePacketItem: PacketItem }, { input: UpdatePacketItemInput }>`
  mutation UpdatePacketItem($input: UpdatePacketItemInput!) {
    updatePacketItem(input: $input) {
      ${PACKET_ITEM}
    }
  }
`;

export const RemovePacketItemMutation = gql<{ removePacketItem: boolean }, { id: string }>`
  mutation RemovePacketItem($id: ID!) {
    removePacketItem(id: $id)
  }
`;

export interface CreateRecordRequestInput {
  caseId: string;
  /** A holder of the directory, or… */
  holderId?: string | null;
  /** …a new one, added to the directory with the request (exactly one of the two). */
  newHolder?: RecordHolderInput | null;
  packetItemIds: string[];
  method: RequestMethod;
  sentOn: CalendarDay;
  holderReceivedOn?: CalendarDay | null;
  letter?: string | null;
  /** The language of the request's letters; English when not given. */
  letterLanguage?: Language | null;
}

export const CreateRecordRequestMutation = gql<{ createRecordRequest: RecordRequest }, { input: CreateRecordRequestInput }>`
  mutation CreateRecordRequest($input: CreateRecordRequestInput!) {
    createRecordRequest(input: $input) {
      ${REQUEST}
    }
  }
`;

export const RecordLegalExtensionMutation = gql<
  { recordLegalExtension: RecordRequest },
  { input: { requestId: string; newDueOn: CalendarDay; reason: string } }
>`
  mutation RecordLegalExtension($input: RecordLegalExtensionInput!) {
    recordLegalExtension(input: $input) {
      ${REQUEST}
    }
  }
`;

export const LogRecordFollowUpMutation = gql<
  { logRecordFollowUp: RecordFollowUp },
  { input: { requestId: string; channel: FollowUpChannel; outcome: string } }
>`
  mutation LogRecordFollowUp($input: LogRecordFollowUpInput!) {
    logRecordFollowUp(input: $input) {
      ${FOLLOW_UP}
    }
  }
`;

export const MarkRecordsReceivedMutation = gql<
  { markRecordsReceived: RecordRequest },
  { input: { requestId: string; packetItemIds: string[]; receivedOn?: CalendarDay | null } }
>`
  mutation MarkRecordsReceived($input: MarkRecordsReceivedInput!) {
    markRecordsReceived(input: $input) {
      ${REQUEST}
    }
  }
`;

export const SetRecordRequestFeeMutation = gql<
  { setRecordRequestFee: RecordRequest },
  { input: { requestId: string; expectedVersion: number; feeCents: number } }
>`
  mutation SetRecordRequestFee($input: RecordRequestFeeInput!) {
    setRecordRequestFee(input: $input) {
      ${REQUEST}
    }
  }
`;

export interface RecordBoardData {
  recordBoard: RecordBoard;
}
export interface RecordBoardVariables {
  filter?: RecordBoardFilter | null;
  sort?: RecordBoardSort;
  first?: number;
  after?: string | null;
}

export const RecordBoardQuery = gql<RecordBoardData, RecordBoardVariables>`
  query RecordBoard($filter: RecordBoardFilter, $sort: RecordBoardSort!, $first: Int!, $after: String) {
    recordBoard(filter: $filter, sort: $sort, first: $first, after: $after) {
      today
      counts { open onTrack atRisk overdue }
      byHolder { open atRisk overdue oldestSentOn holder { id name department } }
      requests {
        nodes {
          ${BOARD_REQUEST}
        }
        pageInfo {
          endCursor
          hasNextPage
        }
        totalCount
      }
    }
  }
`;

/** Correct when the holder received a request; STALE_VERSION (with the date saved since) when someone saved in between. */
export const SetRecordRequestHolderReceivedOnMutation = gql<
  { setRecordRequestHolderReceivedOn: RecordRequest },
  { input: { requestId: string; expectedVersion: number; holderReceivedOn: string } }
>`
  mutation SetRecordRequestHolderReceivedOn($input: SetHolderReceivedOnInput!) {
    setRecordRequestHolderReceivedOn(input: $input) {
      ${REQUEST}
    }
  }
`;

/** The same selections for live events, so a pushed item or request has every field the panels read. */
export const PACKET_ITEM_FIELDS = PACKET_ITEM;
export const RECORD_REQUEST_FIELDS = REQUEST;
