import { Button, Group, Stack, Text, type MantineSpacing } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { ErrorAlert, Panel } from '@second-look/web-ui';

/** One titled part of a settings form: a bordered section named by its heading, with an optional intro and closing note. */
export function SettingsSection(props: { id: string; title: string; intro?: string; note?: ReactNode; gap?: MantineSpacing; children: ReactNode }) {
  return (
    <Panel headingId={props.id} title={props.title} gap={props.gap}>
      {props.intro ? <Text size="sm">{props.intro}</Text> : null}
      {props.children}
      {props.note ? (
        <Text size="sm" c="gray.8">
          {props.note}
        </Text>
      ) : null}
    </Panel>
  );
}

/** A settings form: its sections, then what went wrong, the save button and a polite "saved". */
export function SettingsForm(props: {
  onSubmit: (e: FormEvent) => void;
  error?: CombinedError;
  errorText?: string;
  saving: boolean;
  saveLabel: string;
  saved: boolean;
  savedLabel: string;
  children: ReactNode;
}) {
  return (
    <form onSubmit={props.onSubmit} noValidate>
      <Stack gap="lg">
        {props.children}
        <ErrorAlert error={props.error} text={props.errorText} />
        <Group>
          <Button type="submit" loading={props.saving}>
            {props.saveLabel}
          </Button>
        </Group>
        <Text role="status" aria-live="polite" c="teal.9" fw={500}>
          {props.saved ? props.savedLabel : ''}
        </Text>
      </Stack>
    </form>
  );
}
