import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { chosenLanguage, addAreaStrings, enumsWords } from '@second-look/web-i18n';
import { useMutation, useQuery } from 'urql';
import { Role } from '@second-look/domain';
import { ErrorAlert, Loading, PageTitle, PublicLayout, errorCode, fieldErrors, isNetworkError, useResetClient } from '@second-look/web-ui';
import { AcceptInvitationMutation, InvitationPreviewQuery } from '@second-look/contracts/graphql';
import { MIN_PASSWORD_LENGTH } from './sign-up-page';

addAreaStrings(enumsWords);

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const reset = useResetClient();
  const [preview, refetch] = useQuery({
    query: InvitationPreviewQuery,
    variables: { token },
    requestPolicy: 'network-only',
  });
  const [result, accept] = useMutation(AcceptInvitationMutation);
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);

  if (preview.fetching && !preview.data) {
    return (
      <PublicLayout>
        <Loading />
      </PublicLayout>
    );
  }
  if (preview.error && isNetworkError(preview.error)) {
    return (
      <PublicLayout>
        <Stack>
          <PageTitle title={t('errors.title')}>{t('errors.title')}</PageTitle>
          <ErrorAlert error={preview.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        </Stack>
      </PublicLayout>
    );
  }
  const invitation = preview.data?.invitationPreview;
  if (!invitation || errorCode(preview.error) === 'INVITATION_INVALID') {
    return (
      <PublicLayout>
        <Stack>
          <PageTitle title={t('auth.invitationInvalidTitle')}>{t('auth.invitationInvalidTitle')}</PageTitle>
          <Text size="lg">{t('auth.invitationInvalid')}</Text>
        </Stack>
      </PublicLayout>
    );
  }

  const server = fieldErrors(result.error);
  const nameError = (touched && !displayName.trim() ? t('validation.required') : undefined) ?? server['displayName'];
  const passwordError = (touched && password.length < MIN_PASSWORD_LENGTH ? t('validation.passwordLength', { count: MIN_PASSWORD_LENGTH }) : undefined) ?? server['password'];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!displayName.trim() || password.length < MIN_PASSWORD_LENGTH) return;
    const res = await accept({ input: { token, displayName: displayName.trim(), password, language: chosenLanguage() } });
    if (res.data?.acceptInvitation) {
      // Someone else may have been signed in on this device: drop their cached data first.
      reset();
      navigate('/', { replace: true });
    }
  };

  const org = invitation.organizationName;
  const intro =
    invitation.role === Role.PATIENT
      ? t('auth.inviteIntroPatient', { organization: org })
      : invitation.role === Role.CAREGIVER
        ? t('auth.inviteIntroCaregiver', { organization: org, patient: invitation.patientName ?? '' })
        : t('auth.inviteIntroStaff', { organization: org, role: t(`enums.role.${invitation.role}`) });

  return (
    <PublicLayout>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PageTitle title={t('auth.inviteTitle', { organization: org })}>{t('auth.inviteTitle', { organization: org })}</PageTitle>
          <Text size="lg">{intro}</Text>
          <Text>{t('auth.inviteEmail', { email: invitation.email })}</Text>
          <ErrorAlert error={result.error} />
          <TextInput label={t('auth.displayName')} required autoComplete="name" value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} error={nameError} />
          <PasswordInput
            label={t('auth.password')}
            description={t('auth.passwordHelp', { count: MIN_PASSWORD_LENGTH })}
            required
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={passwordError}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          />
          <Button type="submit" loading={result.fetching} fullWidth>
            {t('auth.acceptInvitation')}
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
