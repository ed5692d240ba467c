import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { isStaffRole, type CandidateStrength } from '@second-look/domain';
import { useViewer } from '@second-look/web-auth';
import { AutoTextarea, ConfirmDialog, Dialog, DraftConflict, ErrorAlert, errorCode, fieldErrors, Loading, Panel, useVersionedDraft } from '@second-look/web-ui';
import {
  CaseProvidersQuery,
  ChooseProviderCandidateMutation,
  RemoveProviderCandidateMutation,
  SetCurrentDoctorSpecialtyMutation,
  type CaseDetail,
  type CaseProviders,
  type ProviderCandidate,
} from '@second-look/contracts/graphql';
import { CandidateForm } from './candidate-form';
import { addAreaStrings, guidedStartWords, providersWords } from '@second-look/web-i18n';

addAreaStrings(guidedStartWords, providersWords);

function ChooseButton({ candidate, onChosen }: { candidate: ProviderCandidate; onChosen: () => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="sm" onClick={() => setOpened(true)} aria-label={t('providers.chooseLabel', { name: candidate.name })}>
        {t('providers.choose')}
      </Button>
      <Dialog opened={opened} onClose={() => setOpened(false)} title={t('providers.chooseTitle', { name: candidate.name })} centered>
        <ChooseForm
          candidate={candidate}
          onCancel={() => setOpened(false)}
          onChosen={() => {
            setOpened(false);
            onChosen();
          }}
        />
      </Dialog>
    </>
  );
}

/** The reason for the choice; drawn afresh at each opening, so a reason refused last time is gone. */
function ChooseForm({ candidate, onCancel, onChosen }: { candidate: ProviderCandidate; onCancel: () => void; onChosen: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [result, choose] = useMutation(ChooseProviderCandidateMutation);
  const errs = fieldErrors(result.error, { reason: t('providers.chooseReasonRequired') });
  return (
    <Stack gap="md">
      <AutoTextarea
        label={t('providers.chooseReason')}
        description={t('providers.chooseReasonHelp')}
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errs['reason']}
        data-autofocus
      />
      <ErrorAlert error={Object.keys(errs).length ? undefined : result.error} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button
          loading={result.fetching}
          onClick={async () => {
            const r = await choose({ input: { id: candidate.id, reason } });
            if (r.data?.chooseProviderCandidate) onChosen();
          }}
        >
          {t('providers.chooseConfirm')}
        </Button>
      </Group>
    </Stack>
  );
}

function RemoveButton({ candidate }: { candidate: ProviderCandidate }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [, remove] = useMutation(RemoveProviderCandidateMutation);
  return (
    <>
      <Button size="sm" variant="subtle" color="red" onClick={() => setOpened(true)} aria-label={t('providers.removeLabel', { name: candidate.name })}>
        {t('providers.remove')}
      </Button>
      <ConfirmDialog
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('providers.removeLabel', { name: candidate.name })}
        message={<Text>{t('providers.removeConfirm', { name: candidate.name })}</Text>}
        confirmLabel={t('providers.remove')}
        onConfirm={async () => {
          const r = await remove({ id: candidate.id });
          return r.data?.removeProviderCandidate ? null : <ErrorAlert error={r.error} />;
        }}
      />
    </>
  );
}

function CandidateCard(props: { candidate: ProviderCandidate; strengths: CandidateStrength[]; canEdit: boolean; staff: boolean; caseId: string; onChosen: (name: string) => void }) {
  const { t } = useTranslation();
  const { candidate: c } = props;
  const [editing, setEditing] = useState(false);
  const headingId = `candidate-${c.id}`;
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-labelledby={headingId} style={c.chosen ? { borderColor: 'var(--mantine-color-teal-7)', borderWidth: 2 } : undefined}>
      {editing ? (
        <CandidateForm caseId={props.caseId} staff={props.staff} candidate={c} onDone={() => setEditing(false)} />
      ) : (
        <Stack gap={6}>
          <Group justify="space-between" align="flex-start" gap="xs">
            <Title order={3} size="h5" id={headingId} style={{ overflowWrap: 'anywhere' }}>
              {c.name}
            </Title>
            {c.chosen ? (
              <Badge color="teal" c="#066649" variant="light" size="lg" leftSection={<span aria-hidden>✓</span>}>
                {t('providers.chosenBadge')}
              </Badge>
            ) : null}
          </Group>
          <Text fw={600}>{c.subSpecialty ? `${c.specialty} · ${c.subSpecialty}` : c.specialty}</Text>
          {c.institution ? <Text size="sm">{c.institution}</Text> : null}
          <Group gap={6} wrap="wrap">
            {c.academicCentre ? (
              <Badge variant="outline" color="blue.9">
                {t('providers.academicCentre')}
              </Badge>
            ) : null}
            <Badge variant="outline" color="gray.8">
              {c.otherHealthSystem ? t('providers.otherHealthSystem') : t('providers.sameHealthSystem')}
            </Badge>
            <Badge variant="outline" color={c.network === 'IN_NETWORK' ? 'teal.9' : c.network === 'OUT_OF_NETWORK' ? 'var(--mantine-color-orange-light-color)' : 'gray.8'}>
              {t(`providers.network.${c.network}`)}
            </Badge>
            <Badge variant="outline" color="gray.8">
              {t(`providers.visitMode.${c.visitMode}`)}
            </Badge>
          </Group>
          <Text size="sm">{c.expectedWaitDays === null ? t('providers.waitUnknown') : t('providers.wait', { count: c.expectedWaitDays })}</Text>
          {c.referredBy ? <Text size="sm">{t('providers.referredBy', { who: c.referredBy })}</Text> : null}
          {props.strengths.length ? (
            <Group gap={6} wrap="wrap" role="list" aria-label={t('providers.strengthsLabel', { name: c.name })}>
              {props.strengths.map((s) => (
                <Badge key={s} role="listitem" variant="light" color="indigo" c="indigo.9">
                  {t(`providers.strength.${s}`)}
                </Badge>
              ))}
            </Group>
          ) : null}
          {c.notes ? (
            <Text size="sm" className="sl-pre-wrap">
              {c.notes}
            </Text>
          ) : null}
          {props.staff && c.staffNotes ? (
            <Paper p="xs" radius="sm" className="sl-internal">
              <Badge color="grape" variant="filled" size="sm" mb={2}>
                {t('providers.staffNotesBadge')}
              </Badge>
              <Text size="sm" className="sl-pre-wrap">
                {c.staffNotes}
              </Text>
            </Paper>
          ) : null}
          {c.chosen && c.chosenReason ? (
            <Text size="sm" fw={600}>
              {t('providers.chosenBecause', { reason: c.chosenReason })}
            </Text>
          ) : null}
          {props.canEdit ? (
            <Group gap="xs" mt={4}>
              {!c.chosen ? <ChooseButton candidate={c} onChosen={() => props.onChosen(c.name)} /> : null}
              <Button size="sm" variant="default" onClick={() => setEditing(true)} aria-label={t('providers.editLabel', { name: c.name })}>
                {t('providers.edit')}
              </Button>
              <RemoveButton candidate={c} />
            </Group>
          ) : null}
        </Stack>
      )}
    </Paper>
  );
}

function CurrentDoctor({ data, canEdit }: { data: CaseProviders; canEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [result, save] = useMutation(SetCurrentDoctorSpecialtyMutation);
  // Saved against the case version the form opened with (live updates refresh `data` under
  // it): a specialty someone else set meanwhile shows as a conflict instead of being overwritten.
  const form = useVersionedDraft({
    live: { currentDoctorSpecialty: data.currentDoctorSpecialty, currentDoctorSubSpecialty: data.currentDoctorSubSpecialty },
    liveVersion: data.version,
    send: (f, expectedVersion) =>
      save({ input: { id: data.id, expectedVersion: expectedVersion ?? 0, currentDoctorSpecialty: f.currentDoctorSpecialty.trim(), currentDoctorSubSpecialty: f.currentDoctorSubSpecialty.trim() } }),
    savedVersion: (res) => res.updateCase.version,
  });
  const label = data.currentDoctorSpecialty
    ? t('providers.currentDoctor', { specialty: data.currentDoctorSubSpecialty ? `${data.currentDoctorSpecialty} · ${data.currentDoctorSubSpecialty}` : data.currentDoctorSpecialty })
    : t('providers.currentDoctorUnknown');
  if (!editing) {
    return (
      <Group gap="xs" wrap="wrap">
        <Text>{label}</Text>
        {canEdit ? (
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => {
              form.reset();
              setEditing(true);
            }}
          >
            {data.currentDoctorSpecialty ? t('providers.editCurrentDoctor') : t('providers.setCurrentDoctor')}
          </Button>
        ) : null}
      </Group>
    );
  }
  const done = async (saving: () => Promise<unknown>) => {
    if (await saving()) setEditing(false);
  };
  return (
    <Stack gap="sm">
      <TextInput label={t('guidedStart.currentDoctorSpecialty')} value={form.draft.currentDoctorSpecialty} onChange={(e) => form.set('currentDoctorSpecialty', e.currentTarget.value)} />
      <TextInput label={t('guidedStart.currentDoctorSubSpecialty')} value={form.draft.currentDoctorSubSpecialty} onChange={(e) => form.set('currentDoctorSubSpecialty', e.currentTarget.value)} />
      <DraftConflict
        form={form}
        fields={(mine, theirs) => [
          { label: t('guidedStart.currentDoctorSpecialty'), mine: mine.currentDoctorSpecialty.trim(), theirs: theirs.currentDoctorSpecialty },
          { label: t('guidedStart.currentDoctorSubSpecialty'), mine: mine.currentDoctorSubSpecialty.trim(), theirs: theirs.currentDoctorSubSpecialty },
        ]}
        busy={result.fetching}
        onSave={done}
        onClose={() => setEditing(false)}
      />
      {errorCode(result.error) !== 'STALE_VERSION' ? <ErrorAlert error={result.error} /> : null}
      <Group>
        <Button loading={result.fetching} onClick={() => void done(form.save)}>
          {t('common.save')}
        </Button>
        <Button variant="subtle" onClick={() => setEditing(false)}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Candidate second-opinion providers side by side (cards that stack on a phone), and the choice. */
export function ProvidersPanel({ item }: { item: CaseDetail }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const staff = isStaffRole(viewer.role);
  const [result, reexecute] = useQuery({ query: CaseProvidersQuery, variables: { id: item.id }, requestPolicy: 'cache-and-network' });
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const data = result.data?.case;
  const canEdit = item.permissions.edit;
  const strengthsOf = (id: string) => data?.providerChoice.strengths.find((s) => s.candidateId === id)?.strengths ?? [];

  return (
    <Panel headingId="providers-heading" title={t('providers.heading')} intro={t('providers.intro')} gap="md">
      {!data && result.fetching ? <Loading /> : null}
      {!data && result.error ? <ErrorAlert error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
      {data ? (
        <>
          <CurrentDoctor data={data} canEdit={canEdit} />
          {data.providerChoice.hint ? (
            <Alert variant="light" color="yellow" role="note" title={undefined}>
              {t(`providers.hint.${data.providerChoice.hint}`)}
            </Alert>
          ) : null}
          {data.providerCandidates.length ? (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" component="ul" aria-label={t('providers.candidatesLabel')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {data.providerCandidates.map((c) => (
                <li key={c.id}>
                  <CandidateCard candidate={c} strengths={strengthsOf(c.id)} canEdit={canEdit} staff={staff} caseId={item.id} onChosen={(name) => setStatus(t('providers.chosen', { name }))} />
                </li>
              ))}
            </SimpleGrid>
          ) : (
            <Text>{t('providers.empty')}</Text>
          )}
          {status ? (
            <Text role="status" c="teal.9" size="sm">
              {status}
            </Text>
          ) : null}
          {canEdit ? (
            adding ? (
              <Paper p="sm" radius="md" bg="gray.0" component="section" aria-label={t('providers.addTitle')}>
                <CandidateForm
                  caseId={item.id}
                  staff={staff}
                  onDone={(name) => {
                    setAdding(false);
                    if (name) setStatus(t('providers.added', { name }));
                  }}
                />
              </Paper>
            ) : (
              <Group>
                <Button
                  variant="outline"
                  onClick={() => {
                    setStatus(null);
                    setAdding(true);
                  }}
                >
                  + {t('providers.add')}
                </Button>
              </Group>
            )
          ) : null}
        </>
      ) : null}
    </Panel>
  );
}
