import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addAreaStrings, exportsWords } from '@second-look/web-i18n';

addAreaStrings(exportsWords);

/** Downloads one appointment as an .ics file (GET /api/appointments/:id/calendar.ics, session cookie). */
export function AddToCalendarLink(props: { appointmentId: string; provider: string }) {
  const { t } = useTranslation();
  return (
    <Anchor
      href={`/api/appointments/${encodeURIComponent(props.appointmentId)}/calendar.ics`}
      download
      size="sm"
      fw={600}
      className="sl-small-target"
      aria-label={t('exports.addToCalendarLabel', { provider: props.provider })}
    >
      {t('exports.addToCalendar')}
    </Anchor>
  );
}
