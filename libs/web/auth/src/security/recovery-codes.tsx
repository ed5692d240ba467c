import { Alert, Button, CopyButton, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Recovery codes, shown once right after they are made; the person confirms they saved them. */
export function RecoveryCodesShown({ codes, onSaved }: { codes: string[]; onSaved: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="blue" variant="light" title={t('securityAccount.codes.heading')} role="status">
      <Stack gap="sm">
        <Text size="sm">{t('securityAccount.codes.shownOnce')}</Text>
        <List spacing={2} aria-label={t('securityAccount.codes.heading')} style={{ fontFamily: 'monospace' }}>
          {codes.map((c) => (
            <List.Item key={c}>{c}</List.Item>
          ))}
        </List>
        <Group gap="sm">
          <CopyButton value={codes.join('\n')}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t('securityAccount.codes.copied') : t('securityAccount.codes.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onSaved}>{t('securityAccount.codes.saved')}</Button>
        </Group>
      </Stack>
    </Alert>
  );
}
