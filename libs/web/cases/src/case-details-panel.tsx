import { Badge, Button, Group, List, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseTrigger, Urgency } from '@second-look/domain';
import { AutoTextarea, type ConflictField, DraftConflict, ErrorAlert, errorCode, Panel, theirsFrom } from '@second-look/web-ui';
import type { CaseDetail } from '@second-look/contracts/graphql';
import { URGENCIES } from './labels';
import { TriggerCheckboxes } from './trigger-checkboxes';
import { useCaseUpdate } from './use-case-update';
import { addAreaStrings, caseWords, enumsWords } from '@second-look/web-i18n';

addAreaStrings(caseWords, enumsWords);

interface Draft {
  question: string;
  diagnosisInDoubt: string;
  triggers: CaseTrigger[];
  triggerNotes: string;
  urgency: Urgency;
}

const draftOf = (item: CaseDetail): Draft => ({
  question: item.question,
  diagnosisInDoubt: item.diagnosisInDoubt,
  triggers: [...item.triggers],
  triggerNotes: item.triggerNotes,
  urgency: item.urgency,
});

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text component="h3" fw={600} size="sm" c="dimmed">
        {label}
      </Text>
      {children}
    </div>
  );
}

/** The question, the diagnosis in doubt, the reasons and urgency: editable together. */
export function CaseDetailsPanel({ item, reload }: { item: CaseDetail; reload: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const { save, saving, error, stale, conflict, clearStale } = useCaseUpdate(item.id, reload);

  const start = () => {
    setDraft(draftOf(item));
    setBaseVersion(item.version);
  };
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => (d ? { ...d, [k]: v } : d));
  const submit = async (against?: number) => {
    if (!draft) return;
    const ok = await save(draft, against ?? (stale ? item.version : (baseVersion ?? item.version)));
    if (ok) setDraft(null);
    else if (stale) setBaseVersion(item.version);
  };
  const takeTheirs = () => {
    clearStale();
    setDraft(null);
  };
  // The other person's values: from the refusal itself, else from the reloaded case.
  const theirs = stale ? theirsFrom(conflict?.current ?? {}, draftOf(item)).theirs : null;
  const triggerWords = (v: CaseTrigger[]) => v.map((tr) => t(`enums.trigger.${tr}`)).join(', ');
  const conflictFields = (mine: Draft, other: Draft): ConflictField[] => [
    { label: t('case.question'), mine: mine.question, theirs: other.question },
    { label: t('case.diagnosis'), mine: mine.diagnosisInDoubt, theirs: other.diagnosisInDoubt },
    { label: t('case.triggers'), mine: triggerWords(mine.triggers), theirs: triggerWords(other.triggers) },
    { label: t('case.triggerNotes'), mine: mine.triggerNotes, theirs: other.triggerNotes },
    { label: t('case.urgency'), mine: t(`enums.urgency.${mine.urgency}`), theirs: t(`enums.urgency.${other.urgency}`) },
  ];

  return (
    <Panel
      headingId="case-details-heading"
      title={t('case.detailsHeading')}
      action={
        item.permissions.edit && !draft ? (
          <Button variant="outline" size="sm" onClick={start}>
            {t('common.edit')}
          </Button>
        ) : null
      }
      gap="md"
    >
      {draft ? <DraftConflict form={{ draft, theirs, keepMine: () => submit(conflict?.currentVersion), takeTheirs }} fields={conflictFields} busy={saving} /> : null}
      {draft ? (
        <Stack gap="md">
          <AutoTextarea
            label={t('case.question')}
            required
            value={draft.question}
            onChange={(e) => set('question', e.currentTarget.value)}
            description={stale ? `${t('case.latestSaved')} ${item.question}` : undefined}
          />
          <AutoTextarea
            label={t('case.diagnosis')}
            required
            value={draft.diagnosisInDoubt}
            onChange={(e) => set('diagnosisInDoubt', e.currentTarget.value)}
            description={stale ? `${t('case.latestSaved')} ${item.diagnosisInDoubt}` : undefined}
          />
          <TriggerCheckboxes value={draft.triggers} onChange={(v) => set('triggers', v)} label={t('case.triggers')} />
          <AutoTextarea label={t('case.triggerNotes')} value={draft.triggerNotes} onChange={(e) => set('triggerNotes', e.currentTarget.value)} />
          <Radio.Group label={t('case.urgency')} value={draft.urgency} onChange={(v) => set('urgency', v as Urgency)}>
            <Stack gap="sm" mt="xs">
              {URGENCIES.map((u) => (
                <Radio key={u} value={u} label={t(`enums.urgency.${u}`)} description={t(`enums.urgencyHelp.${u}`)} />
              ))}
            </Stack>
          </Radio.Group>
          {errorCode(error) !== 'STALE_VERSION' ? <ErrorAlert error={error} /> : null}
          <Group>
            <Button onClick={() => void submit()} loading={saving} disabled={!draft.question.trim() || !draft.triggers.length}>
              {t('common.save')}
            </Button>
            <Button variant="subtle" onClick={() => setDraft(null)} disabled={saving}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Field label={t('case.question')}>
            <Text size="lg" className="sl-pre-wrap">
              {item.question}
            </Text>
          </Field>
          <Field label={t('case.diagnosis')}>
            <Text className="sl-pre-wrap">{item.diagnosisInDoubt}</Text>
          </Field>
          <Field label={t('case.triggers')}>
            <List spacing={4}>
              {item.triggers.map((tr) => (
                <List.Item key={tr}>
                  <Text component="span" fw={500}>
                    {t(`enums.trigger.${tr}`)}
                  </Text>
                  <Text component="span" c="dimmed">
                    {' '}
                    · {t(`enums.triggerHelp.${tr}`)}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Field>
          {item.triggerNotes ? (
            <Field label={t('case.triggerNotes')}>
              <Text className="sl-pre-wrap">{item.triggerNotes}</Text>
            </Field>
          ) : null}
          <Field label={t('case.urgency')}>
            <Badge color={item.urgency === 'URGENT' ? 'red' : 'gray'} variant={item.urgency === 'URGENT' ? 'filled' : 'light'}>
              {t(`enums.urgency.${item.urgency}`)}
            </Badge>
          </Field>
        </Stack>
      )}
    </Panel>
  );
}
