import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { chosenLanguage } from '@second-look/web-i18n';
import { useMutation } from 'urql';
import { ErrorAlert, PageTitle, PublicLayout, errorCode } from '@second-look/web-ui';
import { SignInMutation } from '@second-look/contracts/graphql';
import { safeNext } from './require-viewer';
import { useViewerState } from './viewer';

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const { viewer } = useViewerState();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [result, signIn] = useMutation(SignInMutation);

  if (viewer && !result.fetching) return <Navigate to={next} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await signIn({ input: { email: email.trim(), password, language: chosenLanguage() } });
    if (res.data?.signIn) navigate(next, { replace: true });
  };

  return (
    <PublicLayout>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PageTitle title={t('auth.signInTitle')}>{t('auth.signInTitle')}</PageTitle>
          <Text>{t('auth.signInIntro')}</Text>
          {errorCode(result.error) === 'UNAUTHENTICATED' ? (
            <Alert color="red" variant="light" role="alert">
              {t('auth.wrongCredentials')}
            </Alert>
          ) : (
            <ErrorAlert error={result.error} />
          )}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          />
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('recovery.forgotLink')}
          </Anchor>
          <Button type="submit" loading={result.fetching} fullWidth>
            {t('auth.signIn')}
          </Button>
          <Text size="sm">
            {t('auth.noAccount')}{' '}
            <Anchor component={Link} to="/sign-up">
              {t('auth.signUpLink')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </PublicLayout>
  );
}
