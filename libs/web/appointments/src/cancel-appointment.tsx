import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorAlert } from '@second-look/web-ui';
import { CancelAppointmentMutation, type Appointment } from '@second-look/contracts/graphql';
import { addAreaStrings, appointmentsWords } from '@second-look/web-i18n';

addAreaStrings(appointmentsWords);

/** Calls the visit off after one "are you sure": it stays on the case, and its reminders stop. */
export function CancelAppointment({ appointment }: { appointment: Appointment }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [result, cancel] = useMutation(CancelAppointmentMutation);
  if (!asking) {
    return (
      <Group>
        <Button size="sm" variant="default" onClick={() => setAsking(true)}>
          {t('appointments.cancel.open')}
        </Button>
      </Group>
    );
  }
  return (
    <Stack gap="xs" role="group" aria-label={t('appointments.cancel.open')}>
      <Text size="sm">{t('appointments.cancel.confirm')}</Text>
      <ErrorAlert error={result.error} />
      <Group gap="xs">
        <Button size="sm" color="red.9" loading={result.fetching} onClick={() => void cancel({ id: appointment.id, expectedVersion: appointment.version })}>
          {t('appointments.cancel.yes')}
        </Button>
        <Button size="sm" variant="subtle" onClick={() => setAsking(false)} disabled={result.fetching}>
          {t('appointments.cancel.no')}
        </Button>
      </Group>
    </Stack>
  );
}
