import { Alert, Checkbox, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { secondOpinionAdvice, type CaseTrigger } from '@second-look/domain';
import { TRIGGERS } from './labels';

/** The reasons for a second opinion, each with one plain line saying what it means. */
export function TriggerCheckboxes(props: {
  value: CaseTrigger[];
  onChange: (v: CaseTrigger[]) => void;
  error?: string;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Checkbox.Group
        label={props.label ?? t('newCase.triggers')}
        description={t('newCase.triggersHelp')}
        value={props.value}
        onChange={(v) => props.onChange(v as CaseTrigger[])}
        error={props.error}
      >
        <Stack gap="sm" mt="xs">
          {TRIGGERS.map((trigger) => (
            <Checkbox
              key={trigger}
              value={trigger}
              label={t(`enums.trigger.${trigger}`)}
              description={t(`enums.triggerHelp.${trigger}`)}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      {props.value.length ? (
        <Alert variant="light" color="blue" role="status">
          {t(`enums.advice.${secondOpinionAdvice(props.value)}`)}
        </Alert>
      ) : null}
    </Stack>
  );
}
