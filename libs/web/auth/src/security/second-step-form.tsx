import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, type CombinedError } from 'urql';
import { ErrorAlert, PageTitle, errorCode } from '@second-look/web-ui';
import { CompleteSignInMutation, SecondStepPasskeyOptionsMutation } from '@second-look/contracts/graphql';
import { CodeInput } from './code-input';
import { answerWithPasskey } from './passkey-browser';
import { addSecurityAccountStrings } from './strings';

addSecurityAccountStrings();

/** The challenge the API handed back (SECOND_FACTOR_REQUIRED) when the password was right. */
function challengeOf(error: CombinedError): { challenge: string; methods: string[] } {
  const d = error.graphQLErrors[0]?.extensions?.['details'] as { challenge?: unknown; methods?: unknown } | undefined;
  return { challenge: typeof d?.challenge === 'string' ? d.challenge : '', methods: Array.isArray(d?.methods) ? d.methods.map(String) : [] };
}

/**
 * The second step of a sign-in, after a right password: a code from the authenticator app, a
 * recovery code, or the person's passkey. `onDone` runs once the session has started.
 */
export function SecondStepForm({ error, onDone, onStartOver }: { error: CombinedError; onDone: () => void; onStartOver: () => void }) {
  const { t } = useTranslation();
  const [step] = useState(() => challengeOf(error));
  const hasCode = step.methods.includes('TOTP');
  const hasPasskey = step.methods.includes('PASSKEY');
  const [mode, setMode] = useState<'code' | 'recovery'>('code');
  const [value, setValue] = useState('');
  const [passkeyFailed, setPasskeyFailed] = useState(false);
  const [result, complete] = useMutation(CompleteSignInMutation);
  const [optionsResult, passkeyOptions] = useMutation(SecondStepPasskeyOptionsMutation);
  const code = errorCode(result.error ?? optionsResult.error);
  const expired =
    code === 'UNAUTHENTICATED' &&
    (result.error ?? optionsResult.error)?.graphQLErrors[0]?.extensions?.['details'] &&
    ((result.error ?? optionsResult.error)?.graphQLErrors[0]?.extensions?.['details'] as Record<string, unknown>)['expired'] === true;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = mode === 'code' ? { challenge: step.challenge, code: value.trim() } : { challenge: step.challenge, recoveryCode: value.trim() };
    const res = await complete({ input });
    if (res.data?.completeSignIn) onDone();
  };

  const signInWithPasskey = async () => {
    setPasskeyFailed(false);
    const options = await passkeyOptions({ challenge: step.challenge });
    if (!options.data) return;
    let answer: string;
    try {
      answer = await answerWithPasskey(options.data.secondStepPasskeyOptions);
    } catch {
      setPasskeyFailed(true);
      return;
    }
    const res = await complete({ input: { challenge: step.challenge, passkeyResponse: answer } });
    if (res.data?.completeSignIn) onDone();
  };

  return (
    <Stack gap="md">
      <PageTitle title={t('securityAccount.signIn.heading')}>{t('securityAccount.signIn.heading')}</PageTitle>
      {hasCode && mode === 'code' ? <Text>{t('securityAccount.signIn.explainCode')}</Text> : null}
      {hasPasskey && !hasCode ? <Text>{t('securityAccount.signIn.explainPasskey')}</Text> : null}
      {expired ? (
        <Alert color="red" variant="light" role="alert">
          <Stack gap="xs">
            <Text size="sm">{t('securityAccount.signIn.expired')}</Text>
            <Button size="sm" variant="default" onClick={onStartOver}>
              {t('securityAccount.signIn.startOver')}
            </Button>
          </Stack>
        </Alert>
      ) : code === 'UNAUTHENTICATED' ? (
        <Alert color="red" variant="light" role="alert">
          {t('securityAccount.signIn.wrong')}
        </Alert>
      ) : (
        <ErrorAlert error={result.error ?? optionsResult.error} />
      )}
      {passkeyFailed ? (
        <Alert color="red" variant="light" role="alert">
          {t('securityAccount.signIn.passkeyFailed')}
        </Alert>
      ) : null}
      {hasPasskey ? (
        <Button onClick={() => void signInWithPasskey()} loading={optionsResult.fetching} variant={hasCode ? 'default' : 'filled'} fullWidth>
          {t('securityAccount.signIn.usePasskey')}
        </Button>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {mode === 'code' && hasCode ? <CodeInput kind="totp" label={t('securityAccount.signIn.code')} value={value} onChange={setValue} /> : null}
          {mode === 'recovery' ? <CodeInput kind="recovery" label={t('securityAccount.signIn.recoveryCode')} value={value} onChange={setValue} /> : null}
          {mode === 'recovery' || hasCode ? (
            <Button type="submit" loading={result.fetching} fullWidth>
              {t('securityAccount.signIn.verify')}
            </Button>
          ) : null}
        </Stack>
      </form>
      <Anchor
        component="button"
        type="button"
        size="sm"
        onClick={() => {
          setValue('');
          setMode(mode === 'code' ? 'recovery' : 'code');
        }}
      >
        {mode === 'code' ? t('securityAccount.signIn.useRecovery') : t('securityAccount.signIn.useCode')}
      </Anchor>
    </Stack>
  );
}
