import { Badge, Button, Group, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CaregiverAccess, Role } from '@second-look/domain';
import { ErrorAlert, fieldErrors, formatDate, Panel } from '@second-look/web-ui';
import { AssignLeadAdvocateMutation, InviteCaregiverMutation, InvitePatientMutation, type CaseDetail } from '@second-look/contracts/graphql';
import { ACCESS_LEVELS } from './labels';
import { useStaff } from './use-staff';
import { addAreaStrings, caseWords, enumsWords } from '@second-look/web-i18n';

addAreaStrings(caseWords, enumsWords);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function InviteForm({ item, kind, again }: { item: CaseDetail; kind: 'patient' | 'caregiver'; again?: boolean }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [access, setAccess] = useState<CaregiverAccess>(CaregiverAccess.VIEW);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const [patientResult, invitePatient] = useMutation(InvitePatientMutation);
  const [caregiverResult, inviteCaregiver] = useMutation(InviteCaregiverMutation);
  const result = kind === 'patient' ? patientResult : caregiverResult;
  const id = `invite-${kind}-heading`;
  const emailError = (touched && !EMAIL.test(email.trim()) ? t('validation.email') : undefined) ?? fieldErrors(result.error)['email'];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    setSentTo(null);
    const to = email.trim();
    if (!EMAIL.test(to)) return;
    const res = kind === 'patient' ? await invitePatient({ input: { caseId: item.id, email: to } }) : await inviteCaregiver({ input: { caseId: item.id, email: to, access } });
    if (res.data) {
      setSentTo(to);
      setEmail('');
      setTouched(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={id}>
      <Stack gap="xs">
        <Title order={3} size="h4" id={id}>
          {kind === 'caregiver' ? t('case.inviteCaregiverHeading') : again ? t('case.invitePatientAgainHeading') : t('case.invitePatientHeading')}
        </Title>
        <Text size="sm">{kind === 'caregiver' ? t('case.inviteCaregiverHelp') : again ? t('case.invitePatientAgainHelp') : t('case.invitePatientHelp')}</Text>
        <TextInput label={t('case.inviteEmail')} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={emailError} required />
        {kind === 'caregiver' ? (
          <Radio.Group label={t('case.inviteAccess')} value={access} onChange={(v) => setAccess(v as CaregiverAccess)}>
            <Stack gap="sm" mt="xs">
              {ACCESS_LEVELS.map((a) => (
                <Radio key={a} value={a} label={t(`enums.access.${a}`)} description={t(`enums.accessHelp.${a}`)} />
              ))}
            </Stack>
          </Radio.Group>
        ) : null}
        <ErrorAlert error={result.error} />
        {sentTo ? (
          <Text role="status" c="teal.9" size="sm">
            {t('case.inviteSent', { email: sentTo })}
          </Text>
        ) : null}
        <Group>
          <Button type="submit" loading={result.fetching}>
            {t('case.sendInvite')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AssignAdvocate({ item }: { item: CaseDetail }) {
  const { t } = useTranslation();
  const { staff } = useStaff();
  const [advocateId, setAdvocateId] = useState<string | null>(item.leadAdvocate?.id ?? null);
  const [result, assign] = useMutation(AssignLeadAdvocateMutation);
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs">
        <Select
          label={t('case.leadAdvocate')}
          data={staff.map((m) => ({ value: m.id, label: `${m.displayName} (${t(`enums.role.${m.role}`)})` }))}
          value={advocateId}
          onChange={setAdvocateId}
          placeholder={t('case.noLeadAdvocate')}
          searchable
          allowDeselect={false}
          style={{ flex: 1, minWidth: 200 }}
        />
        <Button onClick={() => advocateId && assign({ caseId: item.id, advocateId })} loading={result.fetching} disabled={!advocateId || advocateId === item.leadAdvocate?.id}>
          {t('case.assign')}
        </Button>
      </Group>
      <ErrorAlert error={result.error} />
    </Stack>
  );
}

export function CasePeoplePanel({ item, timeZone }: { item: CaseDetail; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const pending = item.invitations.filter((inv) => !inv.acceptedAt);
  // Once the patient has joined there is nobody left to invite as patient.
  const hasPatient = item.participants.some((p) => p.role === Role.PATIENT);
  return (
    <Panel headingId="case-people-heading" title={t('case.peopleHeading')} gap="md">
      {item.permissions.assignAdvocate ? (
        <AssignAdvocate item={item} />
      ) : (
        <div>
          <Text fw={600} size="sm" c="dimmed">
            {t('case.leadAdvocate')}
          </Text>
          <Text>{item.leadAdvocate?.displayName ?? t('case.noLeadAdvocate')}</Text>
        </div>
      )}
      {item.participants.length ? (
        <Stack component="ul" gap="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {item.participants.map((p) => (
            <li key={p.id}>
              <Group gap="xs" wrap="wrap">
                <Text fw={500}>{p.user.displayName}</Text>
                <Badge variant="light" color="gray">
                  {t(`enums.role.${p.role}`)}
                </Badge>
                {p.access ? (
                  <Text size="sm" c="dimmed">
                    {t(`enums.access.${p.access}`)}
                  </Text>
                ) : null}
              </Group>
            </li>
          ))}
        </Stack>
      ) : (
        <Text c="dimmed">{t('case.noParticipants')}</Text>
      )}
      {pending.length ? (
        <div>
          <Title order={3} size="h4" mb={4}>
            {t('case.pendingInvitations')}
          </Title>
          <Stack component="ul" gap={4} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {pending.map((inv) => (
              <li key={inv.id}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {t('case.invitationFor', { email: inv.email, role: t(`enums.role.${inv.role}`) })}
                  {inv.access ? ` · ${t(`enums.access.${inv.access}`)}` : ''}
                  {' · '}
                  {t('case.invitationExpires', { when: formatDate(inv.expiresAt, i18n.language, timeZone) })}
                </Text>
              </li>
            ))}
          </Stack>
        </div>
      ) : null}
      {item.permissions.invitePatient && !hasPatient ? <InviteForm item={item} kind="patient" again={pending.some((inv) => inv.role === Role.PATIENT)} /> : null}
      {item.permissions.inviteCaregiver ? <InviteForm item={item} kind="caregiver" /> : null}
    </Panel>
  );
}
