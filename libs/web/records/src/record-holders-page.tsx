import { Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { ErrorAlert, Loading, PageTitle, Panel } from '@second-look/web-ui';
import { RecordHoldersQuery, type RecordHolder } from '@second-look/contracts/graphql';
import { HolderForm } from './holder-form';
import { addAreaStrings, recordsWords } from '@second-look/web-i18n';

addAreaStrings(recordsWords);

function HolderCard({ holder, onSaved }: { holder: RecordHolder; onSaved: (name: string) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const headingId = `holder-${holder.id}`;
  const contact = [holder.phone && t('records.phoneShort', { phone: holder.phone }), holder.fax && t('records.faxShort', { fax: holder.fax }), holder.email].filter(Boolean) as string[];
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-labelledby={headingId}>
      {editing ? (
        <Stack gap="sm">
          <Title order={2} size="h5" id={headingId}>
            {t('records.editHolderHeading', { name: holder.name })}
          </Title>
          <HolderForm
            holder={holder}
            idPrefix={`edit-${holder.id}`}
            onSaved={(h) => {
              setEditing(false);
              onSaved(h.name);
            }}
            onCancel={() => setEditing(false)}
          />
        </Stack>
      ) : (
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={2} size="h5" id={headingId} style={{ overflowWrap: 'anywhere' }}>
              {holder.name}
            </Title>
            {holder.department ? <Text size="sm">{holder.department}</Text> : null}
            {contact.length ? (
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {contact.join(' · ')}
              </Text>
            ) : null}
            {holder.portalUrl ? (
              <Anchor href={holder.portalUrl} target="_blank" rel="noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }} className="sl-small-target">
                {holder.portalUrl}
              </Anchor>
            ) : null}
            {holder.address ? (
              <Text size="sm" c="dimmed" className="sl-pre-wrap">
                {holder.address}
              </Text>
            ) : null}
          </Stack>
          <Button variant="default" size="sm" onClick={() => setEditing(true)} aria-label={t('records.editHolderLabel', { name: holder.name })}>
            {t('records.editHolder')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

/** The organization's directory of providers and facilities that hold records. */
export function RecordHoldersPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [result, reexecute] = useQuery({ query: RecordHoldersQuery, variables: { search: debounced || null }, requestPolicy: 'cache-and-network' });
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const holders = result.data?.recordHolders;

  return (
    <Stack gap="lg" maw={900}>
      <Stack gap={4}>
        <Anchor component={Link} to="/records" size="sm" className="sl-small-target">
          ← {t('nav.records')}
        </Anchor>
        <Group justify="space-between" align="center">
          <PageTitle title={t('records.holdersTitle')}>{t('records.holdersTitle')}</PageTitle>
          {!adding ? (
            <Button
              onClick={() => {
                setSaved(null);
                setAdding(true);
              }}
            >
              {t('records.addHolder')}
            </Button>
          ) : null}
        </Group>
        <Text c="dimmed">{t('records.holdersIntro')}</Text>
      </Stack>
      {adding ? (
        <Panel headingId="add-holder-heading" title={t('records.addHolder')} titleSize="h4">
          <HolderForm
            idPrefix="add-holder"
            onSaved={(h) => {
              setAdding(false);
              setSaved(h.name);
            }}
            onCancel={() => setAdding(false)}
          />
        </Panel>
      ) : null}
      {saved ? (
        <Text role="status" c="teal.9">
          {t('records.holderSaved', { name: saved })}
        </Text>
      ) : null}
      <TextInput type="search" label={t('records.holdersSearch')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} maw={420} />
      <section aria-labelledby="holders-list-heading">
        <Text id="holders-list-heading" component="h2" fw={600} mb="xs" aria-live="polite">
          {holders ? t('records.holderCount', { count: holders.length }) : t('app.loading')}
        </Text>
        {!holders && result.fetching ? <Loading /> : null}
        {!holders && result.error ? <ErrorAlert error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
        {holders && !holders.length ? <Text>{debounced ? t('records.holdersNoMatch', { search: debounced }) : t('records.holdersEmpty')}</Text> : null}
        {holders?.length ? (
          <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {holders.map((h) => (
              <li key={h.id}>
                <HolderCard holder={h} onSaved={setSaved} />
              </li>
            ))}
          </Stack>
        ) : null}
      </section>
    </Stack>
  );
}
