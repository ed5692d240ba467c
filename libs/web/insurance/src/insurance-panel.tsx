import { Badge, Button, Group, List, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { InsuranceNetworkType, InsuranceOutcome, InsurancePlanType, isStaffRole } from '@second-look/domain';
import { useViewer } from '@second-look/web-auth';
import { ErrorAlert, fieldErrors, formatDay, Loading, orgToday, Panel } from '@second-look/web-ui';
import { CaseInsuranceQuery, SaveInsurancePlanMutation, type CaseDetail, type InsuranceCall, type InsurancePlan } from '@second-look/contracts/graphql';
import { InsuranceCallForm } from './call-form';
import { addAreaStrings, insuranceWords } from '@second-look/web-i18n';

addAreaStrings(insuranceWords);

const PLAN_TYPES = Object.values(InsurancePlanType);
const NETWORK_TYPES = Object.values(InsuranceNetworkType);
const NETWORK_UNKNOWN = '';
const OUTCOME_COLOR: Record<InsuranceOutcome, string> = {
  [InsuranceOutcome.VERIFIED]: 'teal',
  [InsuranceOutcome.NEEDS_PRE_AUTHORISATION]: 'orange',
  [InsuranceOutcome.NEEDS_REFERRAL]: 'orange',
  [InsuranceOutcome.NOT_COVERED]: 'red',
};
// Darker text on light badges so every status passes 4.5:1.
const OUTCOME_TEXT: Record<InsuranceOutcome, string> = {
  [InsuranceOutcome.VERIFIED]: '#066649',
  [InsuranceOutcome.NEEDS_PRE_AUTHORISATION]: '#8a3c00',
  [InsuranceOutcome.NEEDS_REFERRAL]: '#8a3c00',
  [InsuranceOutcome.NOT_COVERED]: '#a51111',
};

function PlanForm(props: { caseId: string; plan: InsurancePlan | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [result, save] = useMutation(SaveInsurancePlanMutation);
  const [f, setF] = useState({
    payer: props.plan?.payer ?? '',
    planType: props.plan?.planType ?? InsurancePlanType.COMMERCIAL,
    networkType: props.plan?.networkType ?? null,
    memberId: props.plan?.memberId ?? '',
    groupNumber: props.plan?.groupNumber ?? '',
    phone: props.plan?.phone ?? '',
  });
  const errs = fieldErrors(result.error);
  return (
    <Stack gap="sm">
      <TextInput label={t('insurance.payer')} required value={f.payer} onChange={(e) => setF({ ...f, payer: e.currentTarget.value })} error={errs['payer']} />
      <Select
        label={t('insurance.planType')}
        data={PLAN_TYPES.map((p) => ({ value: p, label: t(`insurance.planTypes.${p}`) }))}
        value={f.planType}
        onChange={(v) => v && setF({ ...f, planType: v as InsurancePlanType })}
        allowDeselect={false}
      />
      <Select
        label={t('insurance.networkType')}
        description={t('insurance.networkTypeHelp')}
        data={[{ value: NETWORK_UNKNOWN, label: t('insurance.networkUnknown') }, ...NETWORK_TYPES.map((n) => ({ value: n, label: t(`insurance.networkTypes.${n}`) }))]}
        value={f.networkType ?? NETWORK_UNKNOWN}
        onChange={(v) => setF({ ...f, networkType: v ? (v as InsuranceNetworkType) : null })}
        allowDeselect={false}
      />
      <TextInput label={`${t('insurance.memberId')} (${t('common.optional')})`} value={f.memberId} onChange={(e) => setF({ ...f, memberId: e.currentTarget.value })} />
      <TextInput label={`${t('insurance.groupNumber')} (${t('common.optional')})`} value={f.groupNumber} onChange={(e) => setF({ ...f, groupNumber: e.currentTarget.value })} />
      <TextInput label={`${t('insurance.phone')} (${t('common.optional')})`} type="tel" value={f.phone} onChange={(e) => setF({ ...f, phone: e.currentTarget.value })} />
      <ErrorAlert error={Object.keys(errs).length ? undefined : result.error} />
      <Group>
        <Button
          loading={result.fetching}
          onClick={async () => {
            const r = await save({ input: { caseId: props.caseId, ...f } });
            if (r.data?.saveInsurancePlan) props.onDone();
          }}
        >
          {t('insurance.savePlan')}
        </Button>
        <Button variant="subtle" onClick={props.onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

function CallItem({ call, staff }: { call: InsuranceCall; staff: boolean }) {
  const { t, i18n } = useTranslation();
  const day = (d: string | null) => formatDay(d, i18n.language);
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-label={t('insurance.callLine', { date: day(call.calledOn), who: call.representative || t('common.unknown') })}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600}>{t('insurance.callLine', { date: day(call.calledOn), who: call.representative || t('common.unknown') })}</Text>
          <Badge color={OUTCOME_COLOR[call.outcome]} c={OUTCOME_TEXT[call.outcome]} variant="light">
            {t(`insurance.outcome.${call.outcome}`)}
          </Badge>
        </Group>
        {call.referenceNumber ? <Text size="sm">{t('insurance.callRef', { ref: call.referenceNumber })}</Text> : null}
        {(
          [
            ['covered', call.covered],
            ['preAuthRequired', call.preAuthRequired],
            ['referringDoctorMustRequest', call.referringDoctorMustRequest],
          ] as const
        )
          .filter(([, v]) => v !== null)
          .map(([k, v]) => (
            <Text size="sm" key={k}>
              {t('insurance.answerLine', { question: t(`insurance.${k}`), answer: v ? t('insurance.answer.yes') : t('insurance.answer.no') })}
            </Text>
          ))}
        {call.preAuthNumber ? (
          <Text size="sm">
            {t('insurance.preAuthLine', { number: call.preAuthNumber })}
            {call.preAuthValidFrom || call.preAuthValidTo ? ` · ${t('insurance.preAuthWindow', { from: day(call.preAuthValidFrom) || '…', to: day(call.preAuthValidTo) || '…' })}` : ''}
          </Text>
        ) : null}
        {call.costShare ? <Text size="sm">{`${t('insurance.costShare')} ${call.costShare}`}</Text> : null}
        {call.networkRestrictions ? <Text size="sm">{`${t('insurance.networkRestrictions')} ${call.networkRestrictions}`}</Text> : null}
        {call.notes ? (
          <Text size="sm" className="sl-pre-wrap">
            {call.notes}
          </Text>
        ) : null}
        {staff && call.staffNotes ? (
          <Paper p="xs" radius="sm" className="sl-internal">
            <Badge color="grape" variant="filled" size="sm" mb={2}>
              {t('insurance.staffNotesBadge')}
            </Badge>
            <Text size="sm" className="sl-pre-wrap">
              {call.staffNotes}
            </Text>
          </Paper>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The insurance check: the plan, general coverage hints, where it stands and what to do next, and every call. */
export function InsurancePanel({ item }: { item: CaseDetail }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const staff = isStaffRole(viewer.role);
  const [result, reexecute] = useQuery({ query: CaseInsuranceQuery, variables: { id: item.id }, requestPolicy: 'cache-and-network' });
  const [editingPlan, setEditingPlan] = useState(false);
  const [logging, setLogging] = useState(false);
  const [saved, setSaved] = useState(false);
  const check = result.data?.case.insuranceCheck;
  const canEdit = item.permissions.edit;
  const plan = check?.plan ?? null;

  return (
    <Panel headingId="insurance-heading" title={t('insurance.heading')} intro={t('insurance.intro')} gap="md">
      {!check && result.fetching ? <Loading /> : null}
      {!check && result.error ? <ErrorAlert error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
      {check ? (
        <>
          <Stack gap={4} component="section" aria-labelledby="insurance-plan-heading">
            <Title order={3} size="h5" id="insurance-plan-heading">
              {t('insurance.planHeading')}
            </Title>
            {editingPlan ? (
              <PlanForm caseId={item.id} plan={plan} onDone={() => setEditingPlan(false)} />
            ) : (
              <>
                {plan ? (
                  <>
                    <Text>{t('insurance.planSummary', { payer: plan.payer, type: t(`insurance.planTypes.${plan.planType}`) })}</Text>
                    {plan.networkType ? <Text size="sm">{t('insurance.networkLine', { type: t(`insurance.networkTypes.${plan.networkType}`) })}</Text> : null}
                    {plan.memberId ? <Text size="sm">{t('insurance.memberIdLine', { id: plan.memberId })}</Text> : null}
                  </>
                ) : (
                  <Text>{t('insurance.noPlan')}</Text>
                )}
                {canEdit ? (
                  <Group>
                    <Button size="compact-sm" variant="subtle" onClick={() => setEditingPlan(true)}>
                      {plan ? t('insurance.editPlan') : t('insurance.addPlan')}
                    </Button>
                  </Group>
                ) : null}
              </>
            )}
          </Stack>
          {check.coverageHints.length ? (
            <Paper p="sm" radius="md" bg="blue.0" role="note" aria-label={t('insurance.hintsHeading')}>
              <Text fw={600} size="sm">
                {t('insurance.hintsHeading')}
              </Text>
              {check.coverageHints.map((h) => (
                <Text key={h} size="sm">
                  {t(`insurance.hint.${h}`)}
                </Text>
              ))}
            </Paper>
          ) : null}
          <Stack gap={6} component="section" aria-labelledby="insurance-status-heading">
            <Title order={3} size="h5" id="insurance-status-heading">
              {t('insurance.statusHeading')}
            </Title>
            {check.outcome ? (
              <Group>
                <Badge size="lg" color={OUTCOME_COLOR[check.outcome]} c={OUTCOME_TEXT[check.outcome]} variant="light" data-testid="insurance-outcome">
                  {t('insurance.outcomeLabel', { outcome: t(`insurance.outcome.${check.outcome}`) })}
                </Badge>
              </Group>
            ) : (
              <Text>{t('insurance.notChecked')}</Text>
            )}
            {check.nextSteps.length ? (
              <>
                <Text fw={600} size="sm">
                  {t('insurance.nextStepsHeading')}
                </Text>
                <List type="ordered" size="sm" spacing={4} aria-label={t('insurance.nextStepsHeading')}>
                  {check.nextSteps.map((s) => (
                    <List.Item key={s}>{t(`insurance.nextStep.${s}`)}</List.Item>
                  ))}
                </List>
              </>
            ) : null}
          </Stack>
          {saved && !logging ? (
            <Text role="status" c="teal.9" size="sm">
              {t('insurance.callSaved')}
            </Text>
          ) : null}
          {canEdit && plan ? (
            logging ? (
              <Paper p="sm" radius="md" bg="gray.0">
                <InsuranceCallForm
                  caseId={item.id}
                  staff={staff}
                  today={orgToday(viewer.organization.timeZone)}
                  onDone={(ok) => {
                    setLogging(false);
                    setSaved(ok);
                  }}
                />
              </Paper>
            ) : (
              <Group>
                <Button
                  variant="outline"
                  onClick={() => {
                    setSaved(false);
                    setLogging(true);
                  }}
                >
                  + {t('insurance.logCall')}
                </Button>
              </Group>
            )
          ) : null}
          <Stack gap="xs" component="section" aria-labelledby="insurance-calls-heading">
            <Title order={3} size="h5" id="insurance-calls-heading">
              {t('insurance.callsHeading')}
            </Title>
            {check.calls.length ? (
              <Stack component="ul" gap="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {check.calls.map((c) => (
                  <li key={c.id}>
                    <CallItem call={c} staff={staff} />
                  </li>
                ))}
              </Stack>
            ) : (
              <Text size="sm">{t('insurance.noCalls')}</Text>
            )}
          </Stack>
        </>
      ) : null}
    </Panel>
  );
}
