import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addAreaStrings, visitPacketWords } from '@second-look/web-i18n';

addAreaStrings(visitPacketWords);

/** The packet PDF of a case: for one booked visit, or without one for the case's next visit. */
export const visitPacketUrl = (caseId: string, appointmentId?: string): string =>
  `/api/cases/${encodeURIComponent(caseId)}/visit-packet.pdf${appointmentId ? `?appointment=${encodeURIComponent(appointmentId)}` : ''}`;

/**
 * "Download packet for the visit": a plain link to the PDF (the session cookie goes with it), so
 * it works the same on a phone, where the file opens in the system's viewer.
 */
export function VisitPacketLink(props: { caseId: string; appointmentId?: string; provider?: string }) {
  const { t } = useTranslation();
  const label = props.provider ? t('visitPacket.downloadFor', { provider: props.provider }) : t('visitPacket.downloadCase');
  return (
    <Button
      component="a"
      href={visitPacketUrl(props.caseId, props.appointmentId)}
      download
      variant="default"
      size="sm"
      aria-label={label}
      title={t('visitPacket.help')}
      style={{ whiteSpace: 'normal', height: 'auto', minHeight: 36 }}
    >
      {t('visitPacket.download')}
    </Button>
  );
}
