import { Alert, Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorAlert } from '@second-look/web-ui';
import { PasskeySignInOptionsMutation, SignInWithPasskeyMutation } from '@second-look/contracts/graphql';
import { answerWithPasskey } from './passkey-browser';
import { addSecurityAccountStrings } from './strings';

addSecurityAccountStrings();

/** "Sign in with a passkey": no e-mail, no password; the passkey checks who it is (fingerprint, face, PIN). */
export function PasskeySignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [options, start] = useMutation(PasskeySignInOptionsMutation);
  const [result, finish] = useMutation(SignInWithPasskeyMutation);
  const [failed, setFailed] = useState(false);

  const signIn = async () => {
    setFailed(false);
    const opts = await start({});
    if (!opts.data) return;
    try {
      const response = await answerWithPasskey(opts.data.passkeySignInOptions.options);
      const res = await finish({ token: opts.data.passkeySignInOptions.token, response });
      if (res.data?.signInWithPasskey) onSignedIn();
      else setFailed(true);
    } catch {
      setFailed(true);
    }
  };

  return (
    <Stack gap="xs">
      {failed ? (
        <Alert color="red" variant="light" role="alert">
          {t('securityAccount.signIn.passkeyFailed')}
        </Alert>
      ) : (
        <ErrorAlert error={options.error} />
      )}
      <Button variant="default" onClick={() => void signIn()} loading={options.fetching || result.fetching} fullWidth>
        {t('securityAccount.signIn.withPasskey')}
      </Button>
    </Stack>
  );
}
