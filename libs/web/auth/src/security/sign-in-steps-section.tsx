import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert, Loading, QueryErrorState, formatDate } from '@second-look/web-ui';
import { FinishPasskeyEnrollmentMutation, MySecurityQuery, RegenerateRecoveryCodesMutation, RemoveSignInFactorMutation, StartPasskeyEnrollmentMutation } from '@second-look/contracts/graphql';
import { createPasskey } from './passkey-browser';
import { RecoveryCodesShown } from './recovery-codes';
import { TotpEnroll } from './totp-enroll';

/** Your second sign-in steps: the list, adding an app or a passkey, removing one, recovery codes. */
export function SignInStepsSection({ onChanged }: { onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [security, refetch] = useQuery({ query: MySecurityQuery, variables: {}, requestPolicy: 'cache-and-network' });
  const [removed, remove] = useMutation(RemoveSignInFactorMutation);
  const [regenerated, regenerate] = useMutation(RegenerateRecoveryCodesMutation);
  const [passkeyStart, startPasskey] = useMutation(StartPasskeyEnrollmentMutation);
  const [passkeyDone, finishPasskey] = useMutation(FinishPasskeyEnrollmentMutation);
  const [addingApp, setAddingApp] = useState(false);
  const [passkeyLabel, setPasskeyLabel] = useState(() => t('securityAccount.steps.passkeyNameDefault'));
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [passkeyFailed, setPasskeyFailed] = useState(false);

  const added = (message: string, recoveryCodes: string[] | null | undefined) => {
    setNotice(message);
    if (recoveryCodes?.length) setCodes(recoveryCodes);
    refetch({ requestPolicy: 'network-only' });
    onChanged();
  };

  const addPasskey = async () => {
    setPasskeyFailed(false);
    setNotice(null);
    const options = await startPasskey({});
    if (!options.data) return;
    let response: string;
    try {
      response = await createPasskey(options.data.startPasskeyEnrollment);
    } catch {
      setPasskeyFailed(true);
      return;
    }
    const res = await finishPasskey({ input: { response, label: passkeyLabel.trim() || null } });
    if (res.data) added(t('securityAccount.steps.passkeyAdded'), res.data.finishPasskeyEnrollment.recoveryCodes);
    else setPasskeyFailed(true);
  };

  if (security.error && !security.data) return <QueryErrorState error={security.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  const mine = security.data?.mySecurity;
  if (!mine) return <Loading />;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="steps-heading">
      <Stack gap="md">
        <Group justify="space-between" gap="xs">
          <Text component="h2" fw={600} size="lg" id="steps-heading">
            {t('securityAccount.steps.heading')}
          </Text>
          {mine.required ? <Badge variant="light">{t('securityAccount.steps.required')}</Badge> : null}
        </Group>
        <Text size="sm">{t('securityAccount.steps.explain')}</Text>
        {notice ? (
          <Alert color="green" variant="light" role="status">
            {notice}
          </Alert>
        ) : null}
        {codes ? <RecoveryCodesShown codes={codes} onSaved={() => setCodes(null)} /> : null}
        <ErrorAlert error={removed.error ?? regenerated.error ?? passkeyStart.error} />
        {mine.factors.length === 0 ? <Text>{t('securityAccount.steps.none')}</Text> : null}
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {mine.factors.map((f) => (
            <Paper component="li" key={f.id} withBorder p="sm" radius="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <div>
                  <Text fw={500}>{f.label}</Text>
                  <Text size="sm" c="dimmed">
                    {t(`securityAccount.steps.kind.${f.kind}`)} · {t('securityAccount.steps.added', { date: formatDate(f.createdAt, i18n.language) })}
                    {f.lastUsedAt ? ` · ${t('securityAccount.steps.lastUsed', { date: formatDate(f.lastUsedAt, i18n.language) })}` : ''}
                  </Text>
                </div>
                <Button
                  variant="default"
                  size="sm"
                  aria-label={t('securityAccount.steps.removeLabel', { label: f.label })}
                  onClick={async () => {
                    setNotice(null);
                    const res = await remove({ id: f.id });
                    if (res.data) {
                      setNotice(t('securityAccount.steps.removed'));
                      refetch({ requestPolicy: 'network-only' });
                    }
                  }}
                >
                  {t('securityAccount.steps.remove')}
                </Button>
              </Group>
            </Paper>
          ))}
        </Stack>
        {addingApp ? (
          <TotpEnroll
            onCancel={() => setAddingApp(false)}
            onAdded={(recoveryCodes) => {
              setAddingApp(false);
              added(t('securityAccount.totp.added'), recoveryCodes);
            }}
          />
        ) : (
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Button onClick={() => setAddingApp(true)}>{t('securityAccount.steps.addApp')}</Button>
          </Group>
        )}
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput label={t('securityAccount.steps.passkeyName')} value={passkeyLabel} maxLength={100} onChange={(e) => setPasskeyLabel(e.currentTarget.value)} />
          <Button variant="default" onClick={() => void addPasskey()} loading={passkeyStart.fetching || passkeyDone.fetching}>
            {t('securityAccount.steps.addPasskey')}
          </Button>
        </Group>
        {passkeyFailed ? (
          <Alert color="red" variant="light" role="alert">
            {t('securityAccount.steps.passkeyFailed')}
          </Alert>
        ) : null}
        {mine.factors.length > 0 ? (
          <Stack gap="xs">
            <Text component="h3" fw={600}>
              {t('securityAccount.codes.heading')}
            </Text>
            <Text size="sm">{t('securityAccount.codes.explain')}</Text>
            <Text size="sm">{t('securityAccount.codes.left', { count: mine.recoveryCodesLeft })}</Text>
            <Group>
              <Button
                variant="default"
                loading={regenerated.fetching}
                onClick={async () => {
                  const res = await regenerate({});
                  if (res.data) added(t('securityAccount.codes.madeNew'), res.data.regenerateRecoveryCodes);
                }}
              >
                {t('securityAccount.codes.makeNew')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
