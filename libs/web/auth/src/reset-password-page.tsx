import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useMutation } from 'urql';
import { ErrorAlert, PageTitle, PublicLayout, errorCode, fieldErrors, useResetClient } from '@second-look/web-ui';
import { ResetPasswordMutation } from '@second-look/contracts/graphql';
import { MIN_PASSWORD_LENGTH } from './sign-up-page';

/** The page the reset e-mail links to: choose a new password, then sign in with it. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const resetClient = useResetClient();
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [done, setDone] = useState(false);
  const [result, reset] = useMutation(ResetPasswordMutation);
  const tooShort = password.length < MIN_PASSWORD_LENGTH;
  const passwordError = (touched && tooShort ? t('validation.passwordLength', { count: MIN_PASSWORD_LENGTH }) : undefined) ?? fieldErrors(result.error)['password'];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (tooShort) return;
    const res = await reset({ input: { token, password } });
    if (res.data?.resetPassword) {
      setDone(true);
      // Every session of the account has ended, this browser's included: forget what it showed.
      resetClient();
    }
  };

  if (done) {
    return (
      <PublicLayout>
        <Stack gap="md">
          <PageTitle title={t('recovery.resetDoneTitle')}>{t('recovery.resetDoneTitle')}</PageTitle>
          <Text size="lg">{t('recovery.resetDone')}</Text>
          <Button component={Link} to="/sign-in" fullWidth>
            {t('auth.signIn')}
          </Button>
        </Stack>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PageTitle title={t('recovery.resetTitle')}>{t('recovery.resetTitle')}</PageTitle>
          <Text>{t('recovery.resetIntro')}</Text>
          {errorCode(result.error) === 'LINK_INVALID' ? (
            <Alert color="red" variant="light" role="alert">
              {t('recovery.resetLinkInvalid')}{' '}
              <Anchor component={Link} to="/forgot-password">
                {t('recovery.askAgain')}
              </Anchor>
            </Alert>
          ) : (
            <ErrorAlert error={result.error} />
          )}
          <PasswordInput
            label={t('recovery.newPassword')}
            description={t('auth.passwordHelp', { count: MIN_PASSWORD_LENGTH })}
            required
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={passwordError}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          />
          <Button type="submit" loading={result.fetching} fullWidth>
            {t('recovery.saveNewPassword')}
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
