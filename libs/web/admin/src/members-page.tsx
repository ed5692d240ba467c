import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { INVITABLE_STAFF_ROLES, Role } from '@second-look/domain';
import { addSecurityAccountStrings, useViewer } from '@second-look/web-auth';
import { addAreaStrings, memberAccessEn, memberAccessEs, adminWords, enumsWords } from '@second-look/web-i18n';
import { badgeText, ConfirmDialog, ErrorAlert, fieldErrors, formatDate, Loading, PageTitle, Panel, QueryErrorState } from '@second-look/web-ui';
import {
  ChangeMemberRoleMutation,
  DeactivateMemberMutation,
  InviteStaffMutation,
  MemberOpenWorkQuery,
  MembersQuery,
  ReactivateMemberMutation,
  RevokeInvitationMutation,
  StaffInvitationsQuery,
  type User,
} from '@second-look/contracts/graphql';
import { MemberSignInSteps, StaffSecuritySection } from './staff-security';

addAreaStrings(adminWords, enumsWords);

addAreaStrings({ en: { memberAccess: memberAccessEn }, es: { memberAccess: memberAccessEs } });

addSecurityAccountStrings();

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function RoleSelect({ member, isSelf }: { member: User; isSelf: boolean }) {
  const { t } = useTranslation();
  const [result, change] = useMutation(ChangeMemberRoleMutation);
  const [done, setDone] = useState(false);
  return (
    <Stack gap={4}>
      <Select
        aria-label={t('admin.roleFor', { name: member.displayName })}
        data={INVITABLE_STAFF_ROLES.map((r) => ({ value: r, label: t(`enums.role.${r}`) }))}
        value={member.role}
        onChange={async (v) => {
          setDone(false);
          if (!v || v === member.role) return;
          const res = await change({ userId: member.id, role: v as Role });
          if (res.data) setDone(true);
        }}
        allowDeselect={false}
        disabled={result.fetching}
        size="sm"
        miw={150}
        data-self={isSelf || undefined}
      />
      {done ? (
        <Text size="xs" role="status" c="teal.9">
          {t('admin.roleChanged', { name: member.displayName, role: t(`enums.role.${member.role}`) })}
        </Text>
      ) : null}
      <ErrorAlert error={result.error} />
    </Stack>
  );
}

/** What a member still holds, read when the admin opens the confirmation (their work stays theirs). */
function OpenWork({ member }: { member: Pick<User, 'id' | 'displayName'> }) {
  const { t } = useTranslation();
  const [result] = useQuery({ query: MemberOpenWorkQuery, variables: { userId: member.id }, requestPolicy: 'network-only' });
  const work = result.data?.memberOpenWork;
  if (result.error) return <ErrorAlert error={result.error} />;
  if (!work) return <Text size="sm">{t('memberAccess.holdsChecking')}</Text>;
  if (!work.leadCases && !work.openTasks) return <Text size="sm">{t('memberAccess.holdsNothing')}</Text>;
  return (
    <Stack gap={4}>
      {work.leadCases ? <Text size="sm">{t('memberAccess.holdsCases', { count: work.leadCases })}</Text> : null}
      {work.openTasks ? <Text size="sm">{t('memberAccess.holdsTasks', { count: work.openTasks })}</Text> : null}
      <Text size="sm">{t('memberAccess.holdsHandOver')}</Text>
    </Stack>
  );
}

/**
 * Whether a member can sign in, and the admin's switch: deactivating (confirmed first, showing
 * what they still hold) signs them out everywhere at once; reactivating lets them sign in again.
 * Not for yourself.
 */
function MemberAccess({ member, isSelf, timeZone }: { member: User; isSelf: boolean; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [, deactivate] = useMutation(DeactivateMemberMutation);
  const [reactivated, reactivate] = useMutation(ReactivateMemberMutation);
  const [done, setDone] = useState<string | null>(null);
  const name = member.displayName;
  return (
    <Stack gap={4} align="flex-start">
      <Group gap="xs">
        {member.deactivatedAt ? (
          <Badge variant="filled" color="red.9">
            {t('memberAccess.deactivated')}
          </Badge>
        ) : (
          // The light teal's own text is too faint on its background (axe color-contrast).
          <Badge variant="light" color="teal" c={badgeText('teal')}>
            {t('memberAccess.active')}
          </Badge>
        )}
        {isSelf ? null : member.deactivatedAt ? (
          <Button
            size="compact-sm"
            variant="subtle"
            loading={reactivated.fetching}
            aria-label={t('memberAccess.reactivateLabel', { name })}
            onClick={async () => {
              setDone(null);
              const res = await reactivate({ userId: member.id });
              if (res.data) setDone(t('memberAccess.reactivatedDone', { name }));
            }}
          >
            {t('memberAccess.reactivate')}
          </Button>
        ) : (
          <Button
            size="compact-sm"
            variant="subtle"
            color="red.9"
            c="red.9"
            aria-label={t('memberAccess.deactivateLabel', { name })}
            onClick={() => {
              setDone(null);
              setConfirming(true);
            }}
          >
            {t('memberAccess.deactivate')}
          </Button>
        )}
      </Group>
      {member.deactivatedAt ? <Text size="xs">{t('memberAccess.deactivatedSince', { date: formatDate(member.deactivatedAt, i18n.language, timeZone) })}</Text> : null}
      {done ? (
        <Text size="xs" role="status" c="teal.9">
          {done}
        </Text>
      ) : null}
      <ErrorAlert error={reactivated.error} />
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('memberAccess.deactivateTitle', { name })}
        message={
          <Stack gap="xs">
            <Text size="sm">{t('memberAccess.deactivateWhat', { name })}</Text>
            <OpenWork member={member} />
          </Stack>
        }
        confirmLabel={t('memberAccess.deactivateYes')}
        onConfirm={async () => {
          const res = await deactivate({ userId: member.id });
          if (!res.data) return <ErrorAlert error={res.error} />;
          setDone(t('memberAccess.deactivatedDone', { name }));
          return null;
        }}
      />
    </Stack>
  );
}

function InviteStaffForm() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(Role.ADVOCATE);
  const [touched, setTouched] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [result, invite] = useMutation(InviteStaffMutation);
  const emailError = (touched && !EMAIL.test(email.trim()) ? t('validation.email') : undefined) ?? fieldErrors(result.error)['email'];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    setSentTo(null);
    const to = email.trim();
    if (!EMAIL.test(to)) return;
    const res = await invite({ input: { email: to, role } });
    if (res.data) {
      setSentTo(to);
      setEmail('');
      setTouched(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="invite-staff-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="invite-staff-heading">
            {t('admin.inviteHeading')}
          </Title>
          <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
            <TextInput label={t('admin.email')} type="email" autoComplete="off" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={emailError} miw={220} />
            <Select
              label={t('admin.role')}
              data={INVITABLE_STAFF_ROLES.map((r) => ({ value: r, label: t(`enums.role.${r}`) }))}
              value={role}
              onChange={(v) => v && setRole(v as Role)}
              allowDeselect={false}
              miw={180}
            />
          </Group>
          <ErrorAlert error={result.error} />
          {sentTo ? (
            <Text role="status" c="teal.9">
              {t('admin.inviteSent', { email: sentTo })}
            </Text>
          ) : null}
          <Group>
            <Button type="submit" loading={result.fetching}>
              {t('admin.invite')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function PendingInvitations({ timeZone }: { timeZone: string }) {
  const { t, i18n } = useTranslation();
  const [result, reexecute] = useQuery({ query: StaffInvitationsQuery, variables: {}, requestPolicy: 'cache-and-network' });
  const [revokeResult, revoke] = useMutation(RevokeInvitationMutation);
  const pending = (result.data?.staffInvitations ?? []).filter((i) => !i.acceptedAt);
  return (
    <Panel headingId="pending-heading" title={t('admin.pendingHeading')}>
      {result.fetching && !result.data ? <Loading /> : null}
      {result.error ? <ErrorAlert error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
      <ErrorAlert error={revokeResult.error} />
      {result.data && !pending.length ? <Text c="dimmed">{t('admin.noPending')}</Text> : null}
      {pending.length ? (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.email')}</Table.Th>
                <Table.Th scope="col">{t('admin.role')}</Table.Th>
                <Table.Th scope="col">{t('admin.expires')}</Table.Th>
                <Table.Th scope="col">
                  <span className="sl-visually-hidden">{t('admin.revoke')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pending.map((inv) => (
                <Table.Tr key={inv.id}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{inv.email}</Table.Td>
                  <Table.Td>{t(`enums.role.${inv.role}`)}</Table.Td>
                  <Table.Td>{formatDate(inv.expiresAt, i18n.language, timeZone)}</Table.Td>
                  <Table.Td>
                    <Button size="sm" variant="outline" color="red" aria-label={t('admin.revokeLabel', { email: inv.email })} onClick={() => revoke({ id: inv.id })} disabled={revokeResult.fetching}>
                      {t('admin.revoke')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Panel>
  );
}

export function MembersPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const [result, reexecute] = useQuery({ query: MembersQuery, variables: {}, requestPolicy: 'cache-and-network' });
  if (result.fetching && !result.data) return <Loading />;
  if (result.error && !result.data) {
    return <QueryErrorState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  const members = result.data?.members ?? [];
  return (
    <Stack gap="lg">
      <div>
        <PageTitle title={t('admin.membersTitle')}>{t('admin.membersTitle')}</PageTitle>
        <Text mt="xs">{t('admin.membersIntro')}</Text>
      </div>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="members-heading">
        <Title order={2} size="h3" id="members-heading" mb="sm">
          {t('admin.membersList', { count: members.length })}
        </Title>
        {wide ? (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.name')}</Table.Th>
                  <Table.Th scope="col">{t('admin.email')}</Table.Th>
                  <Table.Th scope="col">{t('admin.role')}</Table.Th>
                  <Table.Th scope="col">{t('securityAccount.steps.heading')}</Table.Th>
                  <Table.Th scope="col">{t('memberAccess.access')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      {m.displayName}{' '}
                      {m.id === viewer.id ? (
                        <Text component="span" c="dimmed">
                          {t('admin.you')}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{m.email}</Table.Td>
                    <Table.Td>
                      <RoleSelect member={m} isSelf={m.id === viewer.id} />
                    </Table.Td>
                    <Table.Td>
                      <MemberSignInSteps member={m} />
                    </Table.Td>
                    <Table.Td>
                      <MemberAccess member={m} isSelf={m.id === viewer.id} timeZone={viewer.organization.timeZone} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          // A phone gets one card per person instead of a sideways-scrolling table.
          <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {members.map((m) => (
              <Paper component="li" key={m.id} withBorder p="sm" radius="md">
                <Text fw={600}>
                  {m.displayName}{' '}
                  {m.id === viewer.id ? (
                    <Text component="span" c="dimmed">
                      {t('admin.you')}
                    </Text>
                  ) : null}
                </Text>
                <Text size="sm" c="dimmed" mb="xs" style={{ overflowWrap: 'anywhere' }}>
                  {m.email}
                </Text>
                <RoleSelect member={m} isSelf={m.id === viewer.id} />
                <MemberSignInSteps member={m} />
                <MemberAccess member={m} isSelf={m.id === viewer.id} timeZone={viewer.organization.timeZone} />
              </Paper>
            ))}
          </Stack>
        )}
      </Paper>
      <StaffSecuritySection />
      <InviteStaffForm />
      <PendingInvitations timeZone={viewer.organization.timeZone} />
    </Stack>
  );
}
