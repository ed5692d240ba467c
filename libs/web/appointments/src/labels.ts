import type { TFunction } from 'i18next';
import type { CaseQuestion, PacketItemState } from '@second-look/contracts/graphql';

/** A question in the patient's words, or the suggested wording while it is unedited. */
export function questionText(t: TFunction, q: Pick<CaseQuestion, 'starter' | 'text'>): string {
  return q.text || (q.starter ? t(`appointments.starter.${q.starter}`) : '');
}

export const PACKET_STATE_COLOR: Record<PacketItemState, string> = {
  NEEDED: 'gray',
  REQUESTED: 'blue',
  RECEIVED: 'teal',
  SENT_TO_PROVIDER: 'green',
  NOT_AVAILABLE: 'orange',
};

/**
 * Text colour for a light badge that passes 4.5:1 at badge size: shade 9 does for most colours,
 * but teal and green 9 on their light backgrounds fall just short (a darker green does), and
 * yellow and orange 9 are far too light (near-black does).
 */
export const badgeText = (color: string): string => (color === 'teal' || color === 'green' ? '#066649' : color === 'yellow' || color === 'orange' ? 'dark.7' : `${color}.9`);
