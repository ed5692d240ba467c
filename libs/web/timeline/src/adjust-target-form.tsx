import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, type CombinedError } from 'urql';
import { AutoTextarea, ErrorAlert, errorCode, formatDay, isDay } from '@second-look/web-ui';
import { AdjustCaseTimelineMutation, type TimelinePhase } from '@second-look/contracts/graphql';
import { addAreaStrings, timelineWords } from '@second-look/web-i18n';

addAreaStrings(timelineWords);

type Field = 'targetOn' | 'reason';

/**
 * The API answers VALIDATION_FAILED with `details.field` and, for dates, what it compared
 * against (`today`, `earliest`). Its message names enums and ISO dates, so we say the same
 * thing in plain words under the field it is about.
 */
function useServerFieldErrors(): (error: CombinedError | undefined) => Partial<Record<Field, string>> {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (errorCode(error) !== 'VALIDATION_FAILED') return {};
    const details = (error?.graphQLErrors[0]?.extensions?.['details'] ?? {}) as Record<string, unknown>;
    if (details['field'] === 'reason') return { reason: t('timeline.errors.reasonRequired') };
    if (details['field'] !== 'targetOn') return {};
    if (typeof details['earliest'] === 'string') {
      return { targetOn: t('timeline.errors.tooEarly', { earliest: formatDay(details['earliest'], i18n.language) }) };
    }
    if (typeof details['today'] === 'string') return { targetOn: t('timeline.errors.past') };
    return { targetOn: t('validation.checkField') };
  };
}

export function AdjustTargetForm(props: { caseId: string; phase: TimelinePhase; phaseName: string; today: string; onDone: (message: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const { phase } = props;
  const [targetOn, setTargetOn] = useState(phase.dueOn >= props.today ? phase.dueOn : props.today);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [result, adjust] = useMutation(AdjustCaseTimelineMutation);
  const server = useServerFieldErrors()(result.error);
  const dateError = touched && !isDay(targetOn) ? t('timeline.errors.dateRequired') : undefined;
  const reasonError = touched && !reason.trim() ? t('timeline.errors.reasonRequired') : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    // Only what the browser can know for sure is checked here; the API judges the dates
    // against the plan (not in the past, after the step before) and we show its answer.
    if (!isDay(targetOn) || !reason.trim()) return;
    const res = await adjust({ input: { caseId: props.caseId, phase: phase.phase, targetOn, reason: reason.trim() } });
    const updated = res.data?.adjustCaseTimeline.timeline.phases.find((p) => p.phase === phase.phase);
    if (updated) props.onDone(t('timeline.adjusted', { phase: props.phaseName, date: formatDay(updated.plannedTargetOn, i18n.language) }));
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('timeline.adjustHelp')}</Text>
        <Text size="sm" fw={600}>
          {t('timeline.currentTarget', { date: formatDay(phase.dueOn, i18n.language) })}
        </Text>
        <TextInput
          type="date"
          label={t('timeline.newTarget')}
          value={targetOn}
          min={props.today}
          onChange={(e) => setTargetOn(e.currentTarget.value)}
          required
          data-autofocus
          error={dateError ?? server.targetOn}
        />
        <AutoTextarea
          label={t('timeline.reason')}
          description={t('timeline.reasonHelp')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          maxLength={2000}
          error={reasonError ?? server.reason}
        />
        {/* Field problems are shown at their field; anything else (no permission, no connection) here. */}
        {server.targetOn || server.reason ? null : <ErrorAlert error={result.error} />}
        <Group>
          <Button type="submit" loading={result.fetching}>
            {t('common.save')}
          </Button>
          <Button variant="subtle" onClick={() => props.onDone(null)} disabled={result.fetching}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
