import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewer } from '@second-look/web-auth';
import { ActionForm, ErrorAlert, Loading, Panel } from '@second-look/web-ui';
import type { CaseDetail, RecordRequest } from '@second-look/contracts/graphql';
import { letterPdfUrl } from './letter';
import { NewRequestForm } from './new-request-form';
import { RequestCard } from './request-card';
import { useCaseRecords } from './use-case-records';
import { addAreaStrings, recordsWords } from '@second-look/web-i18n';

addAreaStrings(recordsWords);

/** The case's record requests, each on both clocks, and a form to send a new one (anyone who may edit the case). */
export function RecordRequestsPanel({ item }: { item: CaseDetail }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { records, fetching, error, reload } = useCaseRecords(item.id);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<RecordRequest | null>(null);
  const canEdit = item.permissions.edit;
  // Whoever may edit the case sends requests: staff, the patient, a caregiver with edit rights.
  const canCreate = canEdit;
  const requests = records?.recordRequests ?? [];
  const newButton = useRef<HTMLButtonElement>(null);

  return (
    <Panel
      headingId="record-requests-heading"
      title={t('records.requestsHeading')}
      intro={t('records.requestsIntro')}
      action={
        canCreate && records && !creating ? (
          <Button
            ref={newButton}
            variant="outline"
            size="sm"
            onClick={() => {
              setCreated(null);
              setCreating(true);
            }}
          >
            {t('records.newRequest')}
          </Button>
        ) : null
      }
      gap="md"
    >
      {created ? (
        <Stack gap={4} role="status">
          <Text c="teal.9">{t('records.requestCreated', { holder: created.holder.name })}</Text>
          <Anchor href={letterPdfUrl(created.id)} download size="sm" className="sl-small-target">
            {t('records.downloadLetter')}
          </Anchor>
        </Stack>
      ) : null}
      {creating && records ? (
        <ActionForm headingId="new-request-heading" title={t('records.newRequestHeading')} returnFocus={newButton}>
          <NewRequestForm
            item={item}
            packet={records.packet}
            onDone={(r) => {
              setCreating(false);
              setCreated(r);
            }}
          />
        </ActionForm>
      ) : null}
      {!records && fetching ? <Loading /> : null}
      {!records && error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {records && !requests.length ? <Text>{t('records.requestsEmpty')}</Text> : null}
      {requests.length ? (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {requests.map((r) => (
            <li key={r.id}>
              <RequestCard request={r} canEdit={canEdit} patientName={item.patientName} timeZone={viewer.organization.timeZone} />
            </li>
          ))}
        </Stack>
      ) : null}
    </Panel>
  );
}
