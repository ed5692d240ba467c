import type { TFunction } from 'i18next';
import type { CaseQuestion, PacketItemState } from '@second-look/contracts/graphql';
import { addAreaStrings, appointmentsWords } from '@second-look/web-i18n';

addAreaStrings(appointmentsWords);

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

export { badgeText } from '@second-look/web-ui';
