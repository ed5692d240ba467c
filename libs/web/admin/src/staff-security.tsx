import { Badge, Button, Group, Stack, Switch, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { badgeText, Dialog, ErrorAlert, Panel } from '@second-look/web-ui';
import { ResetMemberSignInStepsMutation, SetRequireStaffMfaMutation, StaffSecurityQuery, type User } from '@second-look/contracts/graphql';

/** The admin's switch: every staff member must have a second sign-in step. */
export function StaffSecuritySection() {
  const { t } = useTranslation();
  const [result] = useQuery({ query: StaffSecurityQuery, variables: {}, requestPolicy: 'cache-and-network' });
  const [saved, save] = useMutation(SetRequireStaffMfaMutation);
  const [done, setDone] = useState(false);
  const required = saved.data?.setRequireStaffMfa.requireStaffMfa ?? result.data?.staffSecurity.requireStaffMfa ?? false;
  return (
    <Panel headingId="staff-security-heading" title={t('securityAccount.admin.heading')}>
      <Switch
        label={t('securityAccount.admin.requireLabel')}
        description={t('securityAccount.admin.requireHelp')}
        checked={required}
        disabled={!result.data || saved.fetching}
        onChange={async (e) => {
          setDone(false);
          const res = await save({ required: e.currentTarget.checked });
          if (res.data) setDone(true);
        }}
      />
      {done ? (
        <Text size="sm" role="status" c="teal.9">
          {t('securityAccount.admin.saved')}
        </Text>
      ) : null}
      <ErrorAlert error={result.error ?? saved.error} />
    </Panel>
  );
}

/** Whether a member has a second sign-in step, and the reset for one who lost it (confirmed first). */
export function MemberSignInSteps({ member }: { member: Pick<User, 'id' | 'displayName'> }) {
  const { t } = useTranslation();
  const [result, refetch] = useQuery({ query: StaffSecurityQuery, variables: {} });
  const [reset, doReset] = useMutation(ResetMemberSignInStepsMutation);
  const [confirming, { open, close }] = useDisclosure(false);
  const [done, setDone] = useState(false);
  const has = result.data?.staffSecurity.membersWithSecondStep.includes(member.id) ?? false;
  if (!result.data) return null;
  return (
    <Stack gap={4} align="flex-start">
      <Group gap="xs">
        <Badge variant="light" color={has ? 'teal' : 'gray'} c={has ? badgeText('teal') : undefined}>
          {has ? t('securityAccount.admin.hasStep') : t('securityAccount.admin.noStep')}
        </Badge>
        {has ? (
          <Button size="compact-sm" variant="subtle" onClick={open} aria-label={t('securityAccount.admin.resetLabel', { name: member.displayName })}>
            {t('securityAccount.admin.reset')}
          </Button>
        ) : null}
      </Group>
      {done ? (
        <Text size="xs" role="status" c="teal.9">
          {t('securityAccount.admin.resetDone', { name: member.displayName })}
        </Text>
      ) : null}
      <ErrorAlert error={reset.error} />
      <Dialog opened={confirming} onClose={close} title={t('securityAccount.admin.resetLabel', { name: member.displayName })} centered>
        <Stack gap="md">
          <Text size="sm">{t('securityAccount.admin.resetConfirm', { name: member.displayName })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('securityAccount.totp.cancel')}
            </Button>
            <Button
              color="red"
              loading={reset.fetching}
              onClick={async () => {
                const res = await doReset({ userId: member.id });
                close();
                if (res.data) {
                  setDone(true);
                  refetch({ requestPolicy: 'network-only' });
                }
              }}
            >
              {t('securityAccount.admin.resetYes')}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </Stack>
  );
}
