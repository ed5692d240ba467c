import { Anchor, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorAlert, errorCode } from '@second-look/web-ui';
import { ConfirmTotpEnrollmentMutation, StartTotpEnrollmentMutation } from '@second-look/contracts/graphql';
import { CodeInput } from './code-input';

/**
 * Adding an authenticator app: the key to type in (or the otpauth link to open on the phone),
 * then the first 6-digit code, which proves the app has the key. No QR picture: making one
 * would need a QR library, and the key works in every app.
 */
export function TotpEnroll({ onAdded, onCancel }: { onAdded: (recoveryCodes: string[] | null) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [started, start] = useMutation(StartTotpEnrollmentMutation);
  const [confirmed, confirm] = useMutation(ConfirmTotpEnrollmentMutation);
  const [label, setLabel] = useState(() => t('securityAccount.totp.nameDefault'));
  const [code, setCode] = useState('');
  useEffect(() => {
    void start({});
  }, [start]);
  const enrollment = started.data?.startTotpEnrollment;
  // The key in groups of four, as apps show it, so it is easy to type.
  const grouped = enrollment?.secret.replace(/(.{4})/g, '$1 ').trim();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!enrollment) return;
    const res = await confirm({ input: { factorId: enrollment.factorId, code: code.trim(), label: label.trim() || null } });
    if (res.data) onAdded(res.data.confirmTotpEnrollment.recoveryCodes ?? null);
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="totp-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text component="h3" fw={600} id="totp-heading">
            {t('securityAccount.totp.heading')}
          </Text>
          <ErrorAlert error={started.error} />
          <Text size="sm">{t('securityAccount.totp.step1')}</Text>
          <Text size="sm">{t('securityAccount.totp.step2')}</Text>
          {enrollment ? (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="totp-secret-label">
                {t('securityAccount.totp.secretLabel')}
              </Text>
              <Text data-testid="totp-secret" ff="monospace" fz="lg" style={{ letterSpacing: '0.05em', overflowWrap: 'anywhere' }}>
                {grouped}
              </Text>
              <Anchor href={enrollment.uri} size="sm">
                {t('securityAccount.totp.openLink')}
              </Anchor>
            </Stack>
          ) : null}
          <Text size="sm">{t('securityAccount.totp.step3')}</Text>
          <TextInput label={t('securityAccount.totp.name')} value={label} maxLength={100} onChange={(e) => setLabel(e.currentTarget.value)} />
          <CodeInput
            kind="totp"
            label={t('securityAccount.totp.code')}
            value={code}
            onChange={setCode}
            error={errorCode(confirmed.error) === 'VALIDATION_FAILED' ? t('securityAccount.totp.wrongCode') : undefined}
          />
          {errorCode(confirmed.error) !== 'VALIDATION_FAILED' ? <ErrorAlert error={confirmed.error} /> : null}
          <Group gap="sm">
            <Button type="submit" loading={confirmed.fetching} disabled={!enrollment}>
              {t('securityAccount.totp.confirm')}
            </Button>
            <Button variant="subtle" onClick={onCancel}>
              {t('securityAccount.totp.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
