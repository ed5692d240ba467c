import { Alert, Badge, Button, Group, List, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseTrigger, Urgency } from '@second-look/domain';
import { ErrorAlert, errorCode } from '@second-look/web-ui';
import type { CaseDetail } from '@second-look/contracts/graphql';
import { URGENCIES } from './labels';
import { TriggerCheckboxes } from './trigger-checkboxes';
import { useCaseUpdate } from './use-case-update';

interface Draft {
  question: string;
  diagnosisInDoubt: string;
  triggers: CaseTrigger[];
  triggerNotes: string;
  urgency: Urgency;
}

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
  const { save, saving, error, stale } = useCaseUpdate(item.id, reload);

  const start = () => {
    setDraft({
      question: item.question,
      diagnosisInDoubt: item.diagnosisInDoubt,
      triggers: [...item.triggers],
      triggerNotes: item.triggerNotes,
      urgency: item.urgency,
    });
    setBaseVersion(item.version);
  };
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => (d ? { ...d, [k]: v } : d));
  const submit = async () => {
    if (!draft) return;
    const ok = await save(draft, stale ? item.version : (baseVersion ?? item.version));
    if (ok) setDraft(null);
    else if (stale) setBaseVersion(item.version);
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="case-details-heading">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3" id="case-details-heading">
            {t('case.detailsHeading')}
          </Title>
          {item.permissions.edit && !draft ? (
            <Button variant="outline" size="sm" onClick={start}>
              {t('common.edit')}
            </Button>
          ) : null}
        </Group>
        {stale ? (
          <Alert color="orange" variant="light" role="alert" title={t('case.staleTitle')}>
            {t('case.staleHelpDetails')}
          </Alert>
        ) : null}
        {draft ? (
          <Stack gap="md">
            <Textarea
              label={t('case.question')}
              required
              value={draft.question}
              onChange={(e) => set('question', e.currentTarget.value)}
              description={stale ? `${t('case.latestSaved')} ${item.question}` : undefined}
            />
            <Textarea
              label={t('case.diagnosis')}
              required
              value={draft.diagnosisInDoubt}
              onChange={(e) => set('diagnosisInDoubt', e.currentTarget.value)}
              description={stale ? `${t('case.latestSaved')} ${item.diagnosisInDoubt}` : undefined}
            />
            <TriggerCheckboxes value={draft.triggers} onChange={(v) => set('triggers', v)} label={t('case.triggers')} />
            <Textarea
              label={t('case.triggerNotes')}
              value={draft.triggerNotes}
              onChange={(e) => set('triggerNotes', e.currentTarget.value)}
            />
            <Radio.Group label={t('case.urgency')} value={draft.urgency} onChange={(v) => set('urgency', v as Urgency)}>
              <Stack gap="sm" mt="xs">
                {URGENCIES.map((u) => (
                  <Radio key={u} value={u} label={t(`enums.urgency.${u}`)} description={t(`enums.urgencyHelp.${u}`)} />
                ))}
              </Stack>
            </Radio.Group>
            {errorCode(error) !== 'STALE_VERSION' ? <ErrorAlert error={error} /> : null}
            <Group>
              <Button onClick={submit} loading={saving} disabled={!draft.question.trim() || !draft.triggers.length}>
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
      </Stack>
    </Paper>
  );
}
