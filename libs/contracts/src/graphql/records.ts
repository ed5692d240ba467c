import { gql } from 'urql';

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
    case { id patientName urgency preferredLanguage leadAdvocate { id displayName } }`;

/** The packet and the requests of one case; merges with CaseQuery in the normalized cache. */
export const CaseRecordsQuery = gql`
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

export const RecordHoldersQuery = gql`
  query RecordHolders($search: String) {
    recordHolders(search: $search) {
      ${HOLDER}
    }
  }
`;

export const CreateRecordHolderMutation = gql`
  mutation CreateRecordHolder($input: RecordHolderInput!) {
    createRecordHolder(input: $input) {
      ${HOLDER}
    }
  }
`;

export const UpdateRecordHolderMutation = gql`
  mutation UpdateRecordHolder($input: UpdateRecordHolderInput!) {
    updateRecordHolder(input: $input) {
      ${HOLDER}
    }
  }
`;

export const AddPacketItemMutation = gql`
  mutation AddPacketItem($input: AddPacketItemInput!) {
    addPacketItem(input: $input) {
      ${PACKET_ITEM}
    }
  }
`;

export const UpdatePacketItemMutation = gql`
  mutation UpdatePacketItem($input: UpdatePacketItemInput!) {
    updatePacketItem(input: $input) {
      ${PACKET_ITEM}
    }
  }
`;

export const RemovePacketItemMutation = gql`
  mutation RemovePacketItem($id: ID!) {
    removePacketItem(id: $id)
  }
`;

export const CreateRecordRequestMutation = gql`
  mutation CreateRecordRequest($input: CreateRecordRequestInput!) {
    createRecordRequest(input: $input) {
      ${REQUEST}
    }
  }
`;

export const RecordLegalExtensionMutation = gql`
  mutation RecordLegalExtension($input: RecordLegalExtensionInput!) {
    recordLegalExtension(input: $input) {
      ${REQUEST}
    }
  }
`;

export const LogRecordFollowUpMutation = gql`
  mutation LogRecordFollowUp($input: LogRecordFollowUpInput!) {
    logRecordFollowUp(input: $input) {
      ${FOLLOW_UP}
    }
  }
`;

export const MarkRecordsReceivedMutation = gql`
  mutation MarkRecordsReceived($input: MarkRecordsReceivedInput!) {
    markRecordsReceived(input: $input) {
      ${REQUEST}
    }
  }
`;

export const SetRecordRequestFeeMutation = gql`
  mutation SetRecordRequestFee($input: RecordRequestFeeInput!) {
    setRecordRequestFee(input: $input) {
      ${REQUEST}
    }
  }
`;

export const SetRecordRequestLetterLanguageMutation = gql`
  mutation SetRecordRequestLetterLanguage($input: SetLetterLanguageInput!) {
    setRecordRequestLetterLanguage(input: $input) {
      ${REQUEST}
    }
  }
`;

export const RecordBoardQuery = gql`
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
export const SetRecordRequestHolderReceivedOnMutation = gql`
  mutation SetRecordRequestHolderReceivedOn($input: SetHolderReceivedOnInput!) {
    setRecordRequestHolderReceivedOn(input: $input) {
      ${REQUEST}
    }
  }
`;

/** The same selections for live events, so a pushed item or request has every field the panels read. */
export const PACKET_ITEM_FIELDS = PACKET_ITEM;
export const RECORD_REQUEST_FIELDS = REQUEST;
