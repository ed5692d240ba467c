import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { chosenLanguage } from '@second-look/web-i18n';
import { useMutation, type CombinedError } from 'urql';
import { ErrorAlert, Loading, PageTitle, PublicLayout, errorCode, lazyNamed, setOwnDevice, useResetClient } from '@second-look/web-ui';
import { SignInMutation } from '@second-look/contracts/graphql';
import { safeNext } from './require-viewer';
import { useViewerState } from './viewer';

// The second step and passkeys load (with their words) only when someone needs them.
const SecondStepForm = lazyNamed(() => import('./security/second-step-form'), 'SecondStepForm');
const PasskeySignIn = lazyNamed(() => import('./security/passkey-sign-in'), 'PasskeySignIn');

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const { viewer } = useViewerState();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [result, signIn] = useMutation(SignInMutation);
  // The password was right and the account has a second step: the API's answer carries the challenge.
  const [secondStep, setSecondStep] = useState<CombinedError | null>(null);
  // Off by default: the case is kept on the device (to read offline) only when the person says it is theirs.
  const [ownDevice, setOwn] = useState(false);
  const resetClient = useResetClient();

  if (viewer && !result.fetching) return <Navigate to={next} replace />;

  /** Signed in: remember the device choice, go on, and on an own device start the client that keeps the case. */
  const finish = () => {
    setOwnDevice(ownDevice);
    navigate(next, { replace: true });
    if (ownDevice) resetClient();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await signIn({ input: { email: email.trim(), password, language: chosenLanguage() } });
    if (res.data?.signIn) finish();
    if (res.error && errorCode(res.error) === 'SECOND_FACTOR_REQUIRED') setSecondStep(res.error);
  };

  if (secondStep) {
    return (
      <PublicLayout>
        <Suspense fallback={<Loading />}>
          <SecondStepForm
            error={secondStep}
            onStartOver={() => {
              setSecondStep(null);
              setPassword('');
            }}
            onDone={finish}
          />
        </Suspense>
      </PublicLayout>
    );
  }

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
            <ErrorAlert error={errorCode(result.error) === 'SECOND_FACTOR_REQUIRED' ? undefined : result.error} />
          )}
          <TextInput label={t('auth.email')} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          />
          {/* A native checkbox: Mantine's would add a chunk to this first screen (tools/web/bundle-budget.mjs). */}
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <input id="own-device" type="checkbox" checked={ownDevice} onChange={(e) => setOwn(e.currentTarget.checked)} aria-describedby="own-device-hint" className="sl-checkbox" />
            <div>
              <Text component="label" htmlFor="own-device" size="sm" fw={500}>
                {t('auth.ownDevice')}
              </Text>
              <Text id="own-device-hint" size="xs" c="dimmed">
                {t('auth.ownDeviceHint')}
              </Text>
            </div>
          </Group>
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('recovery.forgotLink')}
          </Anchor>
          <Button type="submit" loading={result.fetching} fullWidth>
            {t('auth.signIn')}
          </Button>
          {/* A plain rule: Mantine's Divider is a chunk of its own, and this first screen is at its budget. */}
          <hr className="sl-rule" />
          <Suspense fallback={null}>
            <PasskeySignIn onSignedIn={finish} />
          </Suspense>
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
