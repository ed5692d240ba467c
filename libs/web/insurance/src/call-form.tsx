import { Button, Group, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { InsuranceOutcome, parseCalendarDate, suggestedOutcome, type CalendarDate } from '@second-look/domain';
import { AutoTextarea, ErrorAlert, fieldErrors } from '@second-look/web-ui';
import { LogInsuranceCallMutation } from '@second-look/contracts/graphql';
import { addAreaStrings, insuranceWords } from '@second-look/web-i18n';

addAreaStrings(insuranceWords);

type Tri = 'yes' | 'no' | 'unknown';
const toBool = (v: Tri): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);
const OUTCOMES = Object.values(InsuranceOutcome);
const asDate = (s: string): CalendarDate | null => {
  try {
    return s ? parseCalendarDate(s) : null;
  } catch {
    return null;
  }
};

function YesNo(props: { label: string; value: Tri; onChange: (v: Tri) => void }) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={props.label} value={props.value} onChange={(v) => props.onChange(v as Tri)}>
      <Group gap="md" mt={4}>
        <Radio value="yes" label={t('insurance.answer.yes')} />
        <Radio value="no" label={t('insurance.answer.no')} />
        <Radio value="unknown" label={t('insurance.answer.unknown')} />
      </Group>
    </Radio.Group>
  );
}

/** One call to the plan: who, the reference, the check's questions, and the outcome. */
export function InsuranceCallForm(props: { caseId: string; staff: boolean; today: string; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const [result, log] = useMutation(LogInsuranceCallMutation);
  const [f, setF] = useState({
    calledOn: props.today,
    representative: '',
    referenceNumber: '',
    covered: 'unknown' as Tri,
    networkRestrictions: '',
    preAuthRequired: 'unknown' as Tri,
    preAuthNumber: '',
    preAuthValidFrom: '',
    preAuthValidTo: '',
    referringDoctorMustRequest: 'unknown' as Tri,
    costShare: '',
    outcome: null as InsuranceOutcome | null,
    notes: '',
    staffNotes: '',
  });
  const set = <K extends keyof typeof f>(k: K, v: (typeof f)[K]) => setF((x) => ({ ...x, [k]: v }));
  const suggestion = suggestedOutcome({
    covered: toBool(f.covered),
    networkRestrictions: f.networkRestrictions,
    preAuthRequired: toBool(f.preAuthRequired),
    preAuthNumber: f.preAuthNumber,
    preAuthValidFrom: asDate(f.preAuthValidFrom),
    preAuthValidTo: asDate(f.preAuthValidTo),
    referringDoctorMustRequest: toBool(f.referringDoctorMustRequest),
    costShare: f.costShare,
  });
  const outcome = f.outcome ?? suggestion;
  const backwards = !!f.preAuthValidFrom && !!f.preAuthValidTo && f.preAuthValidTo < f.preAuthValidFrom;
  const server = fieldErrors(result.error);

  const submit = async () => {
    if (backwards) return;
    const r = await log({
      input: {
        caseId: props.caseId,
        calledOn: f.calledOn,
        representative: f.representative,
        referenceNumber: f.referenceNumber,
        covered: toBool(f.covered),
        networkRestrictions: f.networkRestrictions,
        preAuthRequired: toBool(f.preAuthRequired),
        preAuthNumber: f.preAuthNumber,
        preAuthValidFrom: f.preAuthValidFrom || null,
        preAuthValidTo: f.preAuthValidTo || null,
        referringDoctorMustRequest: toBool(f.referringDoctorMustRequest),
        costShare: f.costShare,
        outcome,
        notes: f.notes,
        ...(props.staff ? { staffNotes: f.staffNotes } : {}),
      },
    });
    if (r.data?.logInsuranceCall) props.onDone(true);
  };

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('insurance.logCallTitle')}
      </Title>
      <TextInput type="date" label={t('insurance.calledOn')} required value={f.calledOn} max={props.today} onChange={(e) => set('calledOn', e.currentTarget.value)} error={server['calledOn']} />
      <TextInput label={t('insurance.representative')} value={f.representative} onChange={(e) => set('representative', e.currentTarget.value)} />
      <TextInput label={t('insurance.referenceNumber')} value={f.referenceNumber} onChange={(e) => set('referenceNumber', e.currentTarget.value)} />
      <Title order={4} size="h5">
        {t('insurance.questionsHeading')}
      </Title>
      <YesNo label={t('insurance.covered')} value={f.covered} onChange={(v) => set('covered', v)} />
      <AutoTextarea
        label={t('insurance.networkRestrictions')}
        description={t('insurance.networkRestrictionsHelp')}
        minRows={1}
        value={f.networkRestrictions}
        onChange={(e) => set('networkRestrictions', e.currentTarget.value)}
      />
      <YesNo label={t('insurance.preAuthRequired')} value={f.preAuthRequired} onChange={(v) => set('preAuthRequired', v)} />
      {f.preAuthRequired === 'yes' ? (
        <>
          <TextInput label={t('insurance.preAuthNumber')} value={f.preAuthNumber} onChange={(e) => set('preAuthNumber', e.currentTarget.value)} error={server['preAuthNumber']} />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput type="date" label={t('insurance.preAuthValidFrom')} value={f.preAuthValidFrom} onChange={(e) => set('preAuthValidFrom', e.currentTarget.value)} style={{ minWidth: '10rem' }} />
            <TextInput
              type="date"
              label={t('insurance.preAuthValidTo')}
              value={f.preAuthValidTo}
              min={f.preAuthValidFrom || undefined}
              onChange={(e) => set('preAuthValidTo', e.currentTarget.value)}
              error={backwards ? t('insurance.endBeforeStart') : server['preAuthValidTo']}
              style={{ minWidth: '10rem' }}
            />
          </Group>
        </>
      ) : null}
      <YesNo label={t('insurance.referringDoctorMustRequest')} value={f.referringDoctorMustRequest} onChange={(v) => set('referringDoctorMustRequest', v)} />
      <TextInput label={t('insurance.costShare')} description={t('insurance.costShareHelp')} value={f.costShare} onChange={(e) => set('costShare', e.currentTarget.value)} />
      <Select
        label={t('insurance.outcomeField')}
        description={t('insurance.suggested', { outcome: t(`insurance.outcome.${suggestion}`) })}
        data={OUTCOMES.map((o) => ({ value: o, label: t(`insurance.outcome.${o}`) }))}
        value={outcome}
        onChange={(v) => set('outcome', (v as InsuranceOutcome) ?? null)}
        allowDeselect={false}
        error={server['outcome']}
      />
      <AutoTextarea label={`${t('insurance.notes')} (${t('common.optional')})`} minRows={2} value={f.notes} onChange={(e) => set('notes', e.currentTarget.value)} />
      {props.staff ? <AutoTextarea label={t('insurance.staffNotes')} minRows={2} value={f.staffNotes} onChange={(e) => set('staffNotes', e.currentTarget.value)} className="sl-internal" /> : null}
      <ErrorAlert error={Object.keys(server).length ? undefined : result.error} />
      {Object.keys(server).length && !['calledOn', 'preAuthNumber', 'preAuthValidTo', 'outcome'].some((k) => server[k]) ? <ErrorAlert error={result.error} /> : null}
      <Group>
        <Button loading={result.fetching} onClick={submit} disabled={backwards}>
          {t('insurance.saveCall')}
        </Button>
        <Button variant="subtle" onClick={() => props.onDone(false)}>
          {t('common.cancel')}
        </Button>
      </Group>
      {backwards ? (
        <Text size="sm" c="red.9" role="alert">
          {t('insurance.endBeforeStart')}
        </Text>
      ) : null}
    </Stack>
  );
}
