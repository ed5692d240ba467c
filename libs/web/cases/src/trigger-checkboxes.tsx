import { Alert, Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { secondOpinionHint, Urgency, type CaseTrigger } from '@second-look/domain';
import { TRIGGERS } from './labels';
import { addAreaStrings, enumsWords, guidedStartWords, newCaseWords } from '@second-look/web-i18n';

addAreaStrings(enumsWords, guidedStartWords, newCaseWords);

/** The reasons for a second opinion, each with one plain line saying what it means. */
export function TriggerCheckboxes(props: {
  value: CaseTrigger[];
  onChange: (v: CaseTrigger[]) => void;
  error?: string;
  label?: string;
  /** With the urgency the hint also says whether to move fast (the guided start of a new case). */
  urgency?: Urgency;
}) {
  const { t } = useTranslation();
  const hint = secondOpinionHint(props.value, props.urgency ?? Urgency.ROUTINE);
  return (
    <Stack gap="sm">
      <Checkbox.Group label={props.label ?? t('newCase.triggers')} description={t('newCase.triggersHelp')} value={props.value} onChange={(v) => props.onChange(v as CaseTrigger[])} error={props.error}>
        <Stack gap="sm" mt="xs">
          {TRIGGERS.map((trigger) => (
            <Checkbox key={trigger} value={trigger} label={t(`enums.trigger.${trigger}`)} description={t(`enums.triggerHelp.${trigger}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      {props.value.length ? (
        <Alert variant="light" color="blue" role="status" title={props.urgency ? t('guidedStart.heading') : undefined}>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t(`enums.advice.${hint.advice}`)}
            </Text>
            {hint.because.length ? <Text size="sm">{t('guidedStart.because', { reasons: hint.because.map((r) => t(`enums.trigger.${r}`).toLowerCase()).join(', ') })}</Text> : null}
            {props.urgency && hint.actSoon ? <Text size="sm">{t('guidedStart.actSoon')}</Text> : null}
            {props.urgency ? (
              <Text size="xs" c="dimmed">
                {t('guidedStart.ruleOfThumb')}
              </Text>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}
