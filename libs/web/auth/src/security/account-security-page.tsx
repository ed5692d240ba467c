import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@second-look/web-ui';
import { useViewer, useViewerState } from '../viewer';
import { DevicesSection } from './devices-section';
import { SignInStepsSection } from './sign-in-steps-section';
import { addSecurityAccountStrings } from './strings';

addSecurityAccountStrings();

/** "Security and devices": every person's second sign-in steps and signed-in browsers. */
export function AccountSecurityPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { refetch } = useViewerState();
  return (
    <Stack gap="lg" maw={760}>
      <div>
        <PageTitle title={t('securityAccount.title')}>{t('securityAccount.title')}</PageTitle>
        <Text mt="xs">{t('securityAccount.intro')}</Text>
      </div>
      {viewer.mustAddSecondStep ? (
        <Alert color="blue" variant="light" role="alert">
          {t('securityAccount.mustAdd')}
        </Alert>
      ) : null}
      {/* Once a step is added, "who am I" is asked again so the rest of the product opens. */}
      <SignInStepsSection onChanged={refetch} />
      <DevicesSection timeZone={viewer.organization.timeZone} />
    </Stack>
  );
}
