import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation } from 'urql';
import { ErrorAlert, PageTitle, PublicLayout, errorCode, useResetClient } from '@second-look/web-ui';
import { ConfirmSignUpMutation } from '@second-look/contracts/graphql';

/**
 * The page the sign-up e-mail links to. It waits for a click (mail scanners that open links on
 * their own must not finish someone's sign-up), then creates the organization and signs in.
 */
export function ConfirmSignUpPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const resetClient = useResetClient();
  const [result, confirm] = useMutation(ConfirmSignUpMutation);

  const finish = async () => {
    const res = await confirm({ token });
    if (res.data?.confirmSignUp) {
      resetClient();
      navigate('/', { replace: true });
    }
  };

  return (
    <PublicLayout>
      <Stack gap="md">
        <PageTitle title={t('recovery.confirmTitle')}>{t('recovery.confirmTitle')}</PageTitle>
        <Text>{t('recovery.confirmIntro')}</Text>
        {errorCode(result.error) === 'LINK_INVALID' ? (
          <Alert color="red" variant="light" role="alert">
            {t('recovery.confirmLinkInvalid')}{' '}
            <Anchor component={Link} to="/sign-up">
              {t('recovery.startAgain')}
            </Anchor>
          </Alert>
        ) : (
          <ErrorAlert error={result.error} />
        )}
        <Button onClick={() => void finish()} loading={result.fetching} fullWidth>
          {t('recovery.confirmButton')}
        </Button>
      </Stack>
    </PublicLayout>
  );
}
