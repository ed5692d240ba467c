import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AutoTextarea, DraftConflict, ErrorAlert, errorCode, Panel } from '@second-look/web-ui';
import type { CaseDetail } from '@second-look/contracts/graphql';
import { useCaseUpdate } from './use-case-update';
import { addAreaStrings, caseWords } from '@second-look/web-i18n';

addAreaStrings(caseWords);

export function CaseSummaryPanel({ item, reload }: { item: CaseDetail; reload: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const [saved, setSaved] = useState(false);
  const { save, saving, error, stale, conflict, clearStale } = useCaseUpdate(item.id, reload);
  const editing = draft !== null;

  const start = () => {
    setSaved(false);
    setDraft(item.summary);
    setBaseVersion(item.version);
  };
  const submit = async (against?: number) => {
    if (draft === null) return;
    // After a stale-version warning the user has seen the newer text: the next save is against it.
    const ok = await save({ summary: draft }, against ?? (stale ? item.version : (baseVersion ?? item.version)));
    if (ok) {
      setDraft(null);
      setSaved(true);
    } else if (stale) {
      setBaseVersion(item.version);
    }
  };
  const takeTheirs = () => {
    clearStale();
    setDraft(null);
  };
  // The other person's text while a save is refused: from the refusal itself, else from the reloaded case.
  const theirs = stale ? (conflict && typeof conflict.current['summary'] === 'string' ? (conflict.current['summary'] as string) : item.summary) : null;

  return (
    <Panel
      headingId="case-summary-heading"
      title={t('case.summaryHeading')}
      action={
        item.permissions.edit && !editing ? (
          <Button variant="outline" size="sm" onClick={start}>
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      {editing ? (
        <DraftConflict
          form={{ draft, theirs, keepMine: () => submit(conflict?.currentVersion), takeTheirs }}
          fields={(mine, other) => [{ label: t('case.summaryLabel'), mine, theirs: other }]}
          busy={saving}
        />
      ) : null}
      {editing ? (
        <>
          <AutoTextarea label={t('case.summaryLabel')} description={t('case.summaryHelp')} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} minRows={4} data-autofocus />
          {errorCode(error) !== 'STALE_VERSION' ? <ErrorAlert error={error} /> : null}
          <Group>
            <Button onClick={() => void submit()} loading={saving}>
              {t('common.save')}
            </Button>
            <Button variant="subtle" onClick={() => setDraft(null)} disabled={saving}>
              {t('common.cancel')}
            </Button>
          </Group>
        </>
      ) : (
        <>
          <Text className="sl-pre-wrap" c={item.summary ? undefined : 'dimmed'}>
            {item.summary || t('case.summaryEmpty')}
          </Text>
          {saved ? (
            <Text role="status" size="sm" c="teal.9">
              {t('case.saved')}
            </Text>
          ) : null}
        </>
      )}
    </Panel>
  );
}
