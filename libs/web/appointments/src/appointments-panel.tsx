import { Button, Group, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaffRole } from '@second-look/domain';
import { useViewer } from '@second-look/web-auth';
import { ActionForm, ErrorAlert, Loading, Panel, usePanelQuery } from '@second-look/web-ui';
import { CaseAppointmentsQuery, type CaseDetail } from '@second-look/contracts/graphql';
import { AppointmentCard } from './appointment-card';
import { BookingForm } from './booking-form';
import { QuestionsList } from './questions-list';
import { addAreaStrings, appointmentsWords } from '@second-look/web-i18n';

addAreaStrings(appointmentsWords);

/** The visit with the second-opinion provider: questions first (they are prepared before booking), then each appointment. */
export function CaseAppointmentsPanel({ item }: { item: CaseDetail }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const staff = isStaffRole(viewer.role);
  const tz = viewer.organization.timeZone;
  const [result, reexecute] = usePanelQuery({ query: CaseAppointmentsQuery, variables: { id: item.id } });
  const [booking, setBooking] = useState(false);
  const [booked, setBooked] = useState(false);
  const bookButton = useRef<HTMLButtonElement>(null);
  const data = result.data?.case ?? null;
  const canEdit = item.permissions.edit;
  const chosen = data?.providerCandidates.find((c) => c.chosen) ?? null;

  return (
    <Panel headingId="appointments-heading" title={t('appointments.heading')} intro={staff ? t('appointments.intro') : t('appointments.introPatient')} gap="md">
      {!data && result.fetching ? <Loading /> : null}
      {!data ? <ErrorAlert error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
      {data ? (
        <>
          <QuestionsList caseId={item.id} questions={data.questions} canEdit={canEdit} />
          {data.appointments.length ? (
            <Stack gap="sm">
              {data.appointments.map((a) => (
                <AppointmentCard key={a.id} caseId={item.id} appointment={a} questions={data.questions} canEdit={canEdit} staff={staff} timeZone={tz} />
              ))}
            </Stack>
          ) : (
            <Text>{t('appointments.none')}</Text>
          )}
          {booked && !booking ? (
            <Text role="status" c="teal.9" size="sm">
              {t('appointments.book.booked')}
            </Text>
          ) : null}
          {canEdit ? (
            booking ? (
              <ActionForm headingId="book-heading" title={t('appointments.book.heading')} returnFocus={bookButton}>
                <BookingForm
                  caseId={item.id}
                  staff={staff}
                  timeZone={tz}
                  chosen={chosen}
                  onDone={(ok) => {
                    setBooking(false);
                    setBooked(ok);
                  }}
                />
              </ActionForm>
            ) : (
              <Group>
                <Button
                  ref={bookButton}
                  variant="outline"
                  onClick={() => {
                    setBooked(false);
                    setBooking(true);
                  }}
                >
                  + {t('appointments.book.open')}
                </Button>
              </Group>
            )
          ) : null}
        </>
      ) : null}
    </Panel>
  );
}
