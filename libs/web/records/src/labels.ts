import { ClockStatus, PACKET_ITEM_KIND_ORDER, PacketItemKind, PacketItemState, ResponsibleParty } from '@second-look/domain';
import type { FollowUpChannel, PacketItem, RecordBoardSort, RequestMethod } from '@second-look/contracts/graphql';
import { addAreaStrings, enumsWords } from '@second-look/web-i18n';

addAreaStrings(enumsWords);

/**
 * A packet item as people name it: its kind, and its title when it has one. Here rather than
 * beside the packet's forms, so the board and the request cards need not load those forms.
 */
export const itemName = (t: (k: string) => string, item: Pick<PacketItem, 'kind' | 'title'>): string =>
  item.title ? `${t(`enums.packetKind.${item.kind}`)}: ${item.title}` : t(`enums.packetKind.${item.kind}`);

/** Enum values in display order, for selects and radio groups. */
export const KINDS: readonly PacketItemKind[] = PACKET_ITEM_KIND_ORDER;
export const RESPONSIBLES: readonly ResponsibleParty[] = [ResponsibleParty.ADVOCATE, ResponsibleParty.PATIENT, ResponsibleParty.CAREGIVER];
export const METHODS: readonly RequestMethod[] = ['PORTAL', 'FAX', 'EMAIL', 'MAIL', 'IN_PERSON'];
export const CHANNELS: readonly FollowUpChannel[] = ['CALL', 'FAX', 'EMAIL', 'PORTAL', 'IN_PERSON'];
export const OPEN_STATUSES: readonly ClockStatus[] = [ClockStatus.ON_TRACK, ClockStatus.AT_RISK, ClockStatus.OVERDUE];
export const BOARD_SORTS: readonly RecordBoardSort[] = ['LEGAL_DUE_ON', 'PLAN_TARGET_ON', 'SENT_ON'];

/**
 * Colors back up the words, never replace them (a badge always says its state). Each has a
 * symbol too, so the status also reads in grayscale and for color-blind eyes.
 */
export const STATE_COLOR: Readonly<Record<PacketItemState, string>> = {
  [PacketItemState.NEEDED]: 'orange',
  [PacketItemState.REQUESTED]: 'blue',
  [PacketItemState.RECEIVED]: 'teal',
  [PacketItemState.SENT_TO_PROVIDER]: 'grape',
  [PacketItemState.NOT_AVAILABLE]: 'gray',
};

export const CLOCK_COLOR: Readonly<Record<ClockStatus, string>> = {
  [ClockStatus.DONE]: 'teal',
  [ClockStatus.ON_TRACK]: 'blue',
  [ClockStatus.AT_RISK]: 'orange',
  [ClockStatus.OVERDUE]: 'red',
};

export const CLOCK_SYMBOL: Readonly<Record<ClockStatus, string>> = {
  [ClockStatus.DONE]: '✓',
  [ClockStatus.ON_TRACK]: '●',
  [ClockStatus.AT_RISK]: '▲',
  [ClockStatus.OVERDUE]: '!',
};

/** Items still to chase: the server only moves these to REQUESTED. */
export const isOutstanding = (state: PacketItemState): boolean => state === PacketItemState.NEEDED || state === PacketItemState.REQUESTED || state === PacketItemState.NOT_AVAILABLE;

/**
 * Text color for a light badge. The theme darkens each light color for AA contrast, but
 * teal 9 on the teal badge background is 4.3:1, just short: a darker teal passes at 6:1.
 */
export const lightBadgeText = (color: string): string | undefined => (color === 'teal' ? '#066649' : undefined);
