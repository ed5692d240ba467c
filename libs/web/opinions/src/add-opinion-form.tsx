import { Button, Group, Radio, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Urgency } from '@second-look/domain';
import { AutoTextarea, ErrorAlert, errorCode, orgToday } from '@second-look/web-ui';
import { AddOpinionMutation, type CaseOpinions } from '@second-look/contracts/graphql';
import { addAreaStrings, enumsWords, opinionsWords } from '@second-look/web-i18n';

addAreaStrings(enumsWords, opinionsWords);

/** The next opinion, with who gave it (required), when, and what they said and why. */
export function AddOpinionForm(props: { data: CaseOpinions; staff: boolean; timeZone: string; onDone: (n: number | null) => void }) {
  const { t } = useTranslation();
  const n = props.data.opinionAdvice.nextOpinionNumber;
  const today = orgToday(props.timeZone);
  const [providerName, setProviderName] = useState('');
  const [givenOn, setGivenOn] = useState(today);
  const [diagnosis, setDiagnosis] = useState('');
  const [plan, setPlan] = useState('');
  const [urgency, setUrgency] = useState<Urgency>(Urgency.ROUTINE);
  const [reasoning, setReasoning] = useState('');
  const [source, setSource] = useState<string | null>(null);
  const [staffNotes, setStaffNotes] = useState('');
  const [touched, setTouched] = useState(false);
  const [result, add] = useMutation(AddOpinionMutation);
  const field = errorCode(result.error) === 'VALIDATION_FAILED' ? (result.error?.graphQLErrors[0]?.extensions?.['details'] as { field?: string } | undefined)?.field : undefined;
  const documents = props.data.packet.flatMap((p) => p.documents.map((d) => ({ value: d.id, label: `${d.fileName} (${t(`enums.packetKind.${p.kind}`)})` })));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!providerName.trim() || !givenOn || givenOn > today) return;
    const res = await add({
      input: {
        caseId: props.data.id,
        providerName: providerName.trim(),
        givenOn,
        diagnosis: diagnosis.trim(),
        recommendedPlan: plan.trim(),
        urgency,
        reasoning: reasoning.trim(),
        sourceDocumentId: source,
        ...(props.staff && staffNotes.trim() ? { staffNotes: staffNotes.trim() } : {}),
      },
    });
    if (res.data) props.onDone(n);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('opinions.add.provider')}
          value={providerName}
          maxLength={300}
          onChange={(e) => setProviderName(e.currentTarget.value)}
          required
          data-autofocus
          error={(touched && !providerName.trim()) || field === 'providerName' ? t('opinions.add.errors.provider') : undefined}
        />
        <TextInput
          type="date"
          label={t('opinions.add.date')}
          value={givenOn}
          max={today}
          onChange={(e) => setGivenOn(e.currentTarget.value)}
          required
          error={(touched && (!givenOn || givenOn > today)) || field === 'givenOn' ? t('opinions.add.errors.date') : undefined}
        />
        <AutoTextarea label={t('opinions.add.diagnosis')} value={diagnosis} maxLength={10000} minRows={2} onChange={(e) => setDiagnosis(e.currentTarget.value)} />
        <AutoTextarea label={t('opinions.add.plan')} value={plan} maxLength={10000} minRows={2} onChange={(e) => setPlan(e.currentTarget.value)} />
        <Radio.Group label={t('opinions.add.urgencyLegend')} value={urgency} onChange={(v) => setUrgency(v as Urgency)}>
          <Group gap="md" mt={4}>
            {Object.values(Urgency).map((u) => (
              <Radio key={u} value={u} label={t(`opinions.urgency.${u}`)} />
            ))}
          </Group>
        </Radio.Group>
        <AutoTextarea label={t('opinions.add.reasoning')} value={reasoning} maxLength={20000} minRows={3} onChange={(e) => setReasoning(e.currentTarget.value)} />
        {documents.length ? (
          <Select label={t('opinions.add.source')} placeholder={t('opinions.add.sourceNone')} data={documents} value={source} onChange={setSource} clearable comboboxProps={{ withinPortal: true }} />
        ) : null}
        {props.staff ? <AutoTextarea label={t('opinions.add.staffNotes')} value={staffNotes} maxLength={10000} minRows={2} onChange={(e) => setStaffNotes(e.currentTarget.value)} /> : null}
        {field ? null : <ErrorAlert error={result.error} />}
        <Group>
          <Button type="submit" loading={result.fetching}>
            {t('opinions.add.submit')}
          </Button>
          <Button variant="subtle" onClick={() => props.onDone(null)} disabled={result.fetching}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
