import { Button, Group, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useMutation } from 'urql';
import { DEFAULT_LANGUAGE, LANGUAGES, Urgency, isLanguage, type CaseTrigger, type Language } from '@second-look/domain';
import { AutoTextarea, ErrorAlert, PageTitle, fieldErrors } from '@second-look/web-ui';
import { CreateCaseMutation } from '@second-look/contracts/graphql';
import { URGENCIES } from './labels';
import { TriggerCheckboxes } from './trigger-checkboxes';
import { useStaff } from './use-staff';
import { addAreaStrings, enumsWords, guidedStartWords, newCaseWords } from '@second-look/web-i18n';

addAreaStrings(enumsWords, guidedStartWords, newCaseWords);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function NewCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { staff } = useStaff();
  const [result, createCase] = useMutation(CreateCaseMutation);
  const [touched, setTouched] = useState(false);
  const [form, setForm] = useState({
    patientName: '',
    patientEmail: '',
    preferredLanguage: DEFAULT_LANGUAGE as Language,
    question: '',
    diagnosisInDoubt: '',
    triggers: [] as CaseTrigger[],
    triggerNotes: '',
    urgency: Urgency.ROUTINE as Urgency,
    currentDoctorSpecialty: '',
    currentDoctorSubSpecialty: '',
    leadAdvocateId: '' as string,
  });
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const server = fieldErrors(result.error);
  const local: Record<string, string | undefined> = {
    patientName: form.patientName.trim() ? undefined : t('validation.required'),
    patientEmail: !form.patientEmail.trim() || EMAIL.test(form.patientEmail.trim()) ? undefined : t('validation.email'),
    question: form.question.trim() ? undefined : t('validation.required'),
    diagnosisInDoubt: form.diagnosisInDoubt.trim() ? undefined : t('validation.required'),
    triggers: form.triggers.length ? undefined : t('validation.chooseTrigger'),
  };
  const err = (k: string) => (touched ? local[k] : undefined) ?? server[k];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (Object.values(local).some(Boolean)) return;
    const res = await createCase({
      input: {
        patientName: form.patientName.trim(),
        patientEmail: form.patientEmail.trim() || null,
        preferredLanguage: form.preferredLanguage,
        question: form.question.trim(),
        diagnosisInDoubt: form.diagnosisInDoubt.trim(),
        triggers: form.triggers,
        triggerNotes: form.triggerNotes.trim() || null,
        urgency: form.urgency,
        currentDoctorSpecialty: form.currentDoctorSpecialty.trim() || null,
        currentDoctorSubSpecialty: form.currentDoctorSubSpecialty.trim() || null,
        leadAdvocateId: form.leadAdvocateId || null,
      },
    });
    if (res.data?.createCase) navigate(`/cases/${res.data.createCase.id}`);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={720}>
        <div>
          <PageTitle title={t('newCase.title')}>{t('newCase.title')}</PageTitle>
          <Text mt="xs">{t('newCase.intro')}</Text>
        </div>
        <ErrorAlert error={result.error} />

        <Stack gap="md" component="section" aria-labelledby="new-case-patient">
          <Title order={2} size="h3" id="new-case-patient">
            {t('newCase.patientSection')}
          </Title>
          <TextInput label={t('newCase.patientName')} required autoComplete="off" value={form.patientName} onChange={(e) => set('patientName', e.currentTarget.value)} error={err('patientName')} />
          <TextInput
            label={`${t('newCase.patientEmail')} (${t('common.optional')})`}
            description={t('newCase.patientEmailHelp')}
            type="email"
            autoComplete="off"
            value={form.patientEmail}
            onChange={(e) => set('patientEmail', e.currentTarget.value)}
            error={err('patientEmail')}
          />
          <Select
            label={t('language.preferred')}
            description={t('language.preferredHelp')}
            data={LANGUAGES.map((l) => ({ value: l, label: t(`language.spoken.${l}`) }))}
            value={form.preferredLanguage}
            allowDeselect={false}
            onChange={(v) => (isLanguage(v) ? set('preferredLanguage', v) : undefined)}
            maw={320}
          />
        </Stack>

        <Stack gap="md" component="section" aria-labelledby="new-case-question">
          <Title order={2} size="h3" id="new-case-question">
            {t('newCase.questionSection')}
          </Title>
          <AutoTextarea
            label={t('newCase.question')}
            description={t('newCase.questionHelp')}
            required
            value={form.question}
            onChange={(e) => set('question', e.currentTarget.value)}
            error={err('question')}
          />
          <AutoTextarea
            label={t('newCase.diagnosis')}
            description={t('newCase.diagnosisHelp')}
            required
            value={form.diagnosisInDoubt}
            onChange={(e) => set('diagnosisInDoubt', e.currentTarget.value)}
            error={err('diagnosisInDoubt')}
          />
          <TriggerCheckboxes value={form.triggers} onChange={(v) => set('triggers', v)} error={err('triggers')} urgency={form.urgency} />
          <AutoTextarea
            label={`${t('newCase.triggerNotes')} (${t('common.optional')})`}
            description={t('newCase.triggerNotesHelp')}
            value={form.triggerNotes}
            onChange={(e) => set('triggerNotes', e.currentTarget.value)}
            error={err('triggerNotes')}
          />
          <Radio.Group label={t('newCase.urgency')} value={form.urgency} onChange={(v) => set('urgency', v as Urgency)} error={err('urgency')}>
            <Stack gap="sm" mt="xs">
              {URGENCIES.map((u) => (
                <Radio key={u} value={u} label={t(`enums.urgency.${u}`)} description={t(`enums.urgencyHelp.${u}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput
            label={`${t('guidedStart.currentDoctorSpecialty')} (${t('common.optional')})`}
            description={t('guidedStart.currentDoctorSpecialtyHelp')}
            value={form.currentDoctorSpecialty}
            onChange={(e) => set('currentDoctorSpecialty', e.currentTarget.value)}
            error={err('currentDoctorSpecialty')}
          />
          <TextInput
            label={`${t('guidedStart.currentDoctorSubSpecialty')} (${t('common.optional')})`}
            description={t('guidedStart.currentDoctorSubSpecialtyHelp')}
            value={form.currentDoctorSubSpecialty}
            onChange={(e) => set('currentDoctorSubSpecialty', e.currentTarget.value)}
          />
          <Select
            label={t('newCase.leadAdvocate')}
            data={[{ value: '', label: t('newCase.leadAdvocatePlaceholder') }, ...staff.map((m) => ({ value: m.id, label: `${m.displayName} (${t(`enums.role.${m.role}`)})` }))]}
            value={form.leadAdvocateId}
            onChange={(v) => set('leadAdvocateId', v ?? '')}
            allowDeselect={false}
            searchable
            error={err('leadAdvocateId')}
          />
        </Stack>

        <Group>
          <Button type="submit" loading={result.fetching}>
            {t('newCase.create')}
          </Button>
          <Button variant="subtle" component={Link} to="/cases">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
