import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMutation } from 'urql';
import { ErrorAlert, PageTitle, PublicLayout } from '@second-look/web-ui';
import { RequestPasswordResetMutation } from '@second-look/contracts/graphql';
import { EMAIL } from './sign-up-page';

/** "Forgot your password?": the same answer for every address, so it tells no one who has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [touched, setTouched] = useState(false);
  const [result, request] = useMutation(RequestPasswordResetMutation);
  const invalid = !EMAIL.test(email.trim());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (invalid) return;
    await request({ input: { email: email.trim() } });
  };

  return (
    <PublicLayout>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PageTitle title={t('recovery.forgotTitle')}>{t('recovery.forgotTitle')}</PageTitle>
          {result.data?.requestPasswordReset ? (
            <Alert variant="light" color="blue" role="status" title={t('recovery.checkEmailTitle')}>
              {t('recovery.forgotSent', { email: email.trim() })}
            </Alert>
          ) : (
            <>
              <Text>{t('recovery.forgotIntro')}</Text>
              <ErrorAlert error={result.error} />
              <TextInput
                label={t('auth.email')}
                type="email"
                autoComplete="email"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={touched && invalid ? t('validation.email') : undefined}
              />
              <Button type="submit" loading={result.fetching} fullWidth>
                {t('recovery.sendLink')}
              </Button>
            </>
          )}
          <Anchor component={Link} to="/sign-in" size="sm">
            {t('recovery.backToSignIn')}
          </Anchor>
        </Stack>
      </form>
    </PublicLayout>
  );
}
