import { Badge, Button, Group, Paper, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { OwnTimelineKind, OwnTimelineSeverity, isStaffRole } from '@second-look/domain';
import { useViewer } from '@second-look/web-auth';
import { AutoTextarea, ErrorAlert, errorCode, formatDay, isDay, orgToday } from '@second-look/web-ui';
import { AddOwnTimelineEntryMutation, CaseAppointmentsQuery, RemoveOwnTimelineEntryMutation, type CaseDetail, type OwnTimelineEntry } from '@second-look/contracts/graphql';
import { addAreaStrings, ownTimelineWords } from '@second-look/web-i18n';

addAreaStrings(ownTimelineWords);

function AddEntryForm({ caseId, timeZone, onDone }: { caseId: string; timeZone: string; onDone: (added: boolean) => void }) {
  const { t } = useTranslation();
  const today = orgToday(timeZone);
  const [occurredOn, setOccurredOn] = useState(today);
  const [kind, setKind] = useState<OwnTimelineKind>(OwnTimelineKind.SYMPTOM);
  const [what, setWhat] = useState('');
  const [severity, setSeverity] = useState<string | null>(null);
  const [howItWent, setHowItWent] = useState('');
  const [touched, setTouched] = useState(false);
  const [result, add] = useMutation(AddOwnTimelineEntryMutation);
  const field = errorCode(result.error) === 'VALIDATION_FAILED' ? (result.error?.graphQLErrors[0]?.extensions?.['details'] as { field?: string } | undefined)?.field : undefined;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!isDay(occurredOn) || occurredOn > today || !what.trim()) return;
    const res = await add({ input: { caseId, occurredOn, kind, what: what.trim(), severity: (severity as OwnTimelineSeverity | null) ?? null, howItWent: howItWent.trim() } });
    if (res.data) onDone(true);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          type="date"
          label={t('ownTimeline.date')}
          value={occurredOn}
          max={today}
          onChange={(e) => setOccurredOn(e.currentTarget.value)}
          required
          data-autofocus
          error={(touched && (!isDay(occurredOn) || occurredOn > today)) || field === 'occurredOn' ? t('ownTimeline.errors.future') : undefined}
        />
        <Radio.Group label={t('ownTimeline.kindLegend')} value={kind} onChange={(v) => setKind(v as OwnTimelineKind)}>
          <Group gap="md" mt={4}>
            {Object.values(OwnTimelineKind).map((k) => (
              <Radio key={k} value={k} label={t(`ownTimeline.kind.${k}`)} />
            ))}
          </Group>
        </Radio.Group>
        <TextInput
          label={t('ownTimeline.what')}
          placeholder={t('ownTimeline.whatPlaceholder')}
          value={what}
          maxLength={1000}
          onChange={(e) => setWhat(e.currentTarget.value)}
          required
          error={touched && !what.trim() ? t('ownTimeline.errors.required') : undefined}
        />
        <Select
          label={t('ownTimeline.severity')}
          placeholder={t('ownTimeline.severityNone')}
          data={Object.values(OwnTimelineSeverity).map((s) => ({ value: s, label: t(`ownTimeline.severityLevel.${s}`) }))}
          value={severity}
          onChange={setSeverity}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <AutoTextarea label={t('ownTimeline.howItWent')} value={howItWent} maxLength={4000} minRows={2} onChange={(e) => setHowItWent(e.currentTarget.value)} />
        {field ? null : <ErrorAlert error={result.error} />}
        <Group>
          <Button type="submit" loading={result.fetching}>
            {t('common.save')}
          </Button>
          <Button variant="subtle" onClick={() => onDone(false)} disabled={result.fetching}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EntryItem({ entry, canEdit }: { entry: OwnTimelineEntry; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [result, remove] = useMutation(RemoveOwnTimelineEntryMutation);
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Text fw={700}>{formatDay(entry.occurredOn, i18n.language)}</Text>
          <Badge variant="light" color="gray" c="gray.8">
            {t(`ownTimeline.kind.${entry.kind}`)}
          </Badge>
          {entry.severity ? (
            <Badge variant="light" color={entry.severity === OwnTimelineSeverity.SEVERE ? 'red' : entry.severity === OwnTimelineSeverity.MODERATE ? 'orange' : 'yellow'} c="dark.7">
              {t(`ownTimeline.severityLevel.${entry.severity}`)}
            </Badge>
          ) : null}
        </Group>
        <Text style={{ overflowWrap: 'anywhere' }}>{entry.what}</Text>
        {entry.howItWent ? (
          <Text size="sm" className="sl-pre-wrap" style={{ overflowWrap: 'anywhere' }}>
            {t('ownTimeline.howItWent')}: {entry.howItWent}
          </Text>
        ) : null}
        {canEdit ? (
          <Group justify="flex-end">
            <Button size="sm" variant="subtle" color="red" c="red.9" loading={result.fetching} onClick={() => remove({ id: entry.id })} aria-label={t('ownTimeline.removeLabel', { what: entry.what })}>
              {t('ownTimeline.remove')}
            </Button>
          </Group>
        ) : null}
        <ErrorAlert error={result.error} />
      </Stack>
    </Paper>
  );
}

/** The patient's own log of symptoms and treatments tried; it is the packet's "own timeline" item. */
export function OwnTimelinePanel({ item }: { item: CaseDetail }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const staff = isStaffRole(viewer.role);
  const [result] = useQuery({ query: CaseAppointmentsQuery, variables: { id: item.id }, requestPolicy: 'cache-first' });
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);
  const entries = result.data?.case.ownTimeline ?? [];
  const canEdit = item.permissions.edit;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="own-timeline-heading">
      <Stack gap="sm">
        <Group gap="sm" align="center">
          <Title order={2} size="h3" id="own-timeline-heading">
            {staff ? t('ownTimeline.headingStaff') : t('ownTimeline.heading')}
          </Title>
          {entries.length ? (
            <Badge variant="light" color="teal" c="#066649">
              {t('ownTimeline.inPacket')}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          {t('ownTimeline.intro')}
        </Text>
        {entries.length ? (
          <Stack component="ol" gap="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {entries.map((e) => (
              <EntryItem key={e.id} entry={e} canEdit={canEdit} />
            ))}
          </Stack>
        ) : (
          <Text>{t('ownTimeline.empty')}</Text>
        )}
        {added && !adding ? (
          <Text role="status" size="sm" c="teal.9">
            {t('ownTimeline.added')}
          </Text>
        ) : null}
        {canEdit ? (
          adding ? (
            <Paper p="sm" radius="md" bg="gray.0">
              <AddEntryForm
                caseId={item.id}
                timeZone={viewer.organization.timeZone}
                onDone={(ok) => {
                  setAdding(false);
                  setAdded(ok);
                }}
              />
            </Paper>
          ) : (
            <Group>
              <Button
                variant="outline"
                onClick={() => {
                  setAdded(false);
                  setAdding(true);
                }}
              >
                + {t('ownTimeline.add')}
              </Button>
            </Group>
          )
        ) : null}
      </Stack>
    </Paper>
  );
}
