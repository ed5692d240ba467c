import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { errorCode } from './errors';

/** What the API sends with STALE_VERSION: the version saved now and the values it holds. */
export interface StaleConflict {
  currentVersion: number;
  current: Record<string, unknown>;
}

export function staleConflict(error: CombinedError | undefined | null): StaleConflict | null {
  if (errorCode(error) !== 'STALE_VERSION') return null;
  const details = error?.graphQLErrors?.[0]?.extensions?.['details'] as Partial<StaleConflict> | undefined;
  if (!details || typeof details.currentVersion !== 'number') return null;
  return { currentVersion: details.currentVersion, current: details.current ?? {} };
}

export interface ConflictField {
  label: string;
  /** What this person typed or chose. */
  mine: string;
  /** What the other person saved in the meantime. */
  theirs: string;
}

/**
 * Someone else saved first: show both values side by side and let the person choose.
 * Nothing is overwritten until they do.
 */
export function ConflictNotice(props: { fields: ConflictField[]; onKeepMine: () => void; onTakeTheirs: () => void; busy?: boolean }) {
  const { t } = useTranslation();
  const changed = props.fields.filter((f) => f.mine !== f.theirs);
  return (
    <Alert color="orange" variant="light" role="alert" title={t('conflict.title')} data-testid="conflict">
      <Stack gap="sm">
        <Text size="sm">{t('conflict.help')}</Text>
        {(changed.length ? changed : props.fields).map((f) => (
          <Stack key={f.label} gap={2}>
            <Text size="sm" fw={700}>
              {f.label}
            </Text>
            <Text size="sm" data-testid="conflict-theirs">
              <Text span fw={600}>
                {t('conflict.theirs')}
              </Text>{' '}
              <span className="sl-pre-wrap">{f.theirs || t('conflict.empty')}</span>
            </Text>
            <Text size="sm" data-testid="conflict-mine">
              <Text span fw={600}>
                {t('conflict.mine')}
              </Text>{' '}
              <span className="sl-pre-wrap">{f.mine || t('conflict.empty')}</span>
            </Text>
          </Stack>
        ))}
        <Group gap="sm">
          <Button size="sm" onClick={props.onKeepMine} loading={props.busy}>
            {t('conflict.keepMine')}
          </Button>
          <Button size="sm" variant="default" onClick={props.onTakeTheirs} disabled={props.busy}>
            {t('conflict.takeTheirs')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
