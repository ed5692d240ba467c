import { Alert, Anchor, Button, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { useMutation } from 'urql';
import { chosenLanguage } from '@second-look/web-i18n';
import { ErrorAlert, PageTitle, PublicLayout, allTimeZones, browserTimeZone, fieldErrors } from '@second-look/web-ui';
import { SignUpMutation } from '@second-look/contracts/graphql';
import { useViewerState } from './viewer';

export const MIN_PASSWORD_LENGTH = 12;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function SignUpPage() {
  const { t } = useTranslation();
  const { viewer } = useViewerState();
  const zones = useMemo(() => allTimeZones().map((z) => ({ value: z, label: z.replace(/_/g, ' ') })), []);
  const [form, setForm] = useState({
    organizationName: '',
    timeZone: browserTimeZone(),
    displayName: '',
    email: '',
    password: '',
  });
  const [touched, setTouched] = useState(false);
  const [result, signUp] = useMutation(SignUpMutation);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const server = fieldErrors(result.error);

  if (viewer && !result.fetching) return <Navigate to="/" replace />;

  const local: Record<string, string | undefined> = {
    organizationName: form.organizationName.trim() ? undefined : t('validation.required'),
    timeZone: form.timeZone ? undefined : t('validation.required'),
    displayName: form.displayName.trim() ? undefined : t('validation.required'),
    email: EMAIL.test(form.email.trim()) ? undefined : t('validation.email'),
    password: form.password.length >= MIN_PASSWORD_LENGTH ? undefined : t('validation.passwordLength', { count: MIN_PASSWORD_LENGTH }),
  };
  const err = (k: keyof typeof form) => (touched ? local[k] : undefined) ?? server[k];
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (Object.values(local).some(Boolean)) return;
    const res = await signUp({
      input: { ...form, organizationName: form.organizationName.trim(), displayName: form.displayName.trim(), email: form.email.trim(), language: chosenLanguage() },
    });
    if (res.data?.signUp) setSentTo(form.email.trim());
  };

  // The same answer for every address: the e-mail says what happens next.
  if (sentTo) {
    return (
      <PublicLayout>
        <Stack gap="md">
          <PageTitle title={t('recovery.checkEmailTitle')}>{t('recovery.checkEmailTitle')}</PageTitle>
          <Text size="lg">{t('recovery.signUpSent', { email: sentTo })}</Text>
          <Alert color="blue" variant="light">
            {t('recovery.signUpSentHelp')}
          </Alert>
        </Stack>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PageTitle title={t('auth.signUpTitle')}>{t('auth.signUpTitle')}</PageTitle>
          <Text>{t('auth.signUpIntro')}</Text>
          <ErrorAlert error={result.error} />
          <TextInput
            label={t('auth.organizationName')}
            required
            autoComplete="organization"
            value={form.organizationName}
            onChange={(e) => set('organizationName')(e.currentTarget.value)}
            error={err('organizationName')}
          />
          <Select
            label={t('auth.timeZone')}
            description={t('auth.timeZoneHelp')}
            required
            searchable
            data={zones}
            value={form.timeZone}
            onChange={(v) => set('timeZone')(v ?? '')}
            error={err('timeZone')}
            allowDeselect={false}
            limit={50}
          />
          <TextInput label={t('auth.displayName')} required autoComplete="name" value={form.displayName} onChange={(e) => set('displayName')(e.currentTarget.value)} error={err('displayName')} />
          <TextInput label={t('auth.email')} type="email" required autoComplete="email" value={form.email} onChange={(e) => set('email')(e.currentTarget.value)} error={err('email')} />
          <PasswordInput
            label={t('auth.password')}
            description={t('auth.passwordHelp', { count: MIN_PASSWORD_LENGTH })}
            required
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => set('password')(e.currentTarget.value)}
            error={err('password')}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          />
          <Button type="submit" loading={result.fetching} fullWidth>
            {t('auth.signUp')}
          </Button>
          <Text size="sm">
            {t('auth.haveAccount')}{' '}
            <Anchor component={Link} to="/sign-in">
              {t('auth.signInLink')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </PublicLayout>
  );
}
