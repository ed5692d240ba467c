import { Badge, Group, Stack, Tabs, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseNoteKind } from '@second-look/contracts/graphql';
import { NoteEditor } from './note-editor';
import { useNoteStatus, useNoteSync } from './use-note-sync';
import { Panel } from '@second-look/web-ui';
import { addAreaStrings, notesWords } from '@second-look/web-i18n';

addAreaStrings(notesWords);

function NoteStatusLine({ status, live, refusal }: ReturnType<typeof useNoteStatus>) {
  const { t } = useTranslation();
  const text = status === 'refused' ? (refusal === 'TEXT_TOO_LONG' ? t('notes.status.tooLong') : t('notes.status.refused')) : t(`notes.status.${status}`);
  const color = status === 'offline' ? 'var(--mantine-color-orange-light-color)' : status === 'refused' || status === 'gone' ? 'red.8' : status === 'saved' ? 'teal.9' : 'dimmed';
  return (
    <Group gap="xs" justify="space-between" wrap="wrap">
      <Text size="sm" c={color} role="status" aria-live="polite" data-testid="note-status" data-status={status}>
        {text}
      </Text>
      {live && status !== 'gone' && status !== 'offline' ? (
        <Badge variant="dot" color="teal" size="sm">
          {t('notes.live')}
        </Badge>
      ) : null}
    </Group>
  );
}

function NoteTab({ caseId, kind, readOnly }: { caseId: string; kind: CaseNoteKind; readOnly: boolean }) {
  const { t } = useTranslation();
  const sync = useNoteSync(caseId, kind);
  const status = useNoteStatus(sync);

  // Leaving with edits that have not reached the server yet: the browser asks first.
  useEffect(() => {
    if (!sync) return;
    const warn = (e: BeforeUnloadEvent) => {
      if (!sync.unsaved) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [sync]);

  if (!sync) return null;
  const help = kind === 'STAFF' ? t('notes.staffHelp') : readOnly ? t('notes.sharedReadOnlyHelp') : t('notes.sharedHelp');
  return (
    <Stack gap="xs">
      <NoteEditor
        sync={sync}
        label={kind === 'STAFF' ? t('notes.staffLabel') : t('notes.sharedLabel')}
        description={help}
        readOnly={readOnly || status.status === 'loading' || status.status === 'gone'}
        placeholder={readOnly ? undefined : t('notes.placeholder')}
        testId={`note-${kind.toLowerCase()}`}
      />
      <NoteStatusLine {...status} />
    </Stack>
  );
}

/**
 * The case's notes: one shared with the patient that everyone on the case types in together,
 * and, for staff, one the patient never sees.
 */
export function CaseNotesPanel({ item }: { item: CaseDetail }) {
  const { t } = useTranslation();
  const staff = item.permissions.internal;
  const shared = <NoteTab caseId={item.id} kind={'SHARED' as CaseNoteKind} readOnly={!item.permissions.edit} />;
  return (
    <Panel headingId="case-notes-heading" title={t('notes.heading')}>
      {staff ? (
        <Tabs defaultValue="SHARED" keepMounted>
          <Tabs.List grow>
            <Tabs.Tab value="SHARED">{t('notes.sharedTab')}</Tabs.Tab>
            <Tabs.Tab value="STAFF" className="sl-internal-tab">
              {t('notes.staffTab')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="SHARED" pt="sm">
            {shared}
          </Tabs.Panel>
          <Tabs.Panel value="STAFF" pt="sm" className="sl-internal">
            <NoteTab caseId={item.id} kind={'STAFF' as CaseNoteKind} readOnly={false} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        shared
      )}
    </Panel>
  );
}
