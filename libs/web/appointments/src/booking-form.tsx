import { Button, Checkbox, Group, Radio, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { AppointmentMode } from '@second-look/domain';
import { AutoTextarea, ErrorAlert, errorCode, isDay, isTime, orgToday } from '@second-look/web-ui';
import { BookAppointmentMutation, type CaseAppointments } from '@second-look/contracts/graphql';
import { addAreaStrings, appointmentsWords } from '@second-look/web-i18n';

addAreaStrings(appointmentsWords);

type Candidate = CaseAppointments['providerCandidates'][number];

/** Books the visit; the API refuses a date and time already past, and we say so at the date. */
export function BookingForm(props: { caseId: string; staff: boolean; timeZone: string; chosen: Candidate | null; onDone: (booked: boolean) => void }) {
  const { t } = useTranslation();
  const chosenName = props.chosen ? [props.chosen.name, props.chosen.institution].filter(Boolean).join(', ') : '';
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [mode, setMode] = useState<AppointmentMode>(AppointmentMode.IN_PERSON);
  const [place, setPlace] = useState('');
  const [videoLink, setVideoLink] = useState('');
  const [useChosen, setUseChosen] = useState(!!props.chosen);
  const [provider, setProvider] = useState(chosenName);
  const [bringNotes, setBringNotes] = useState('');
  const [staffNotes, setStaffNotes] = useState('');
  const [touched, setTouched] = useState(false);
  const [result, book] = useMutation(BookAppointmentMutation);
  const details = (result.error?.graphQLErrors[0]?.extensions?.['details'] ?? {}) as { field?: string };
  const serverField = errorCode(result.error) === 'VALIDATION_FAILED' ? details.field : undefined;
  const required = t('appointments.book.errors.required');
  const err = (field: string, bad: boolean) => (touched && bad ? required : serverField === field ? t(field === 'date' ? 'appointments.book.errors.date' : 'validation.checkField') : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!isDay(date) || !isTime(time) || !provider.trim()) return;
    if (mode === AppointmentMode.IN_PERSON && !place.trim()) return;
    if (mode === AppointmentMode.VIDEO && !videoLink.trim()) return;
    const res = await book({
      input: {
        caseId: props.caseId,
        date,
        time,
        mode,
        place: place.trim(),
        videoLink: mode === AppointmentMode.VIDEO ? videoLink.trim() : '',
        providerName: provider.trim(),
        candidateId: useChosen && props.chosen ? props.chosen.id : null,
        bringNotes: bringNotes.trim(),
        ...(props.staff && staffNotes.trim() ? { staffNotes: staffNotes.trim() } : {}),
      },
    });
    if (res.data) props.onDone(true);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            type="date"
            label={t('appointments.book.date')}
            value={date}
            min={orgToday(props.timeZone)}
            onChange={(e) => setDate(e.currentTarget.value)}
            required
            data-autofocus
            style={{ minWidth: '10rem' }}
            error={serverField === 'date' ? t('appointments.book.errors.date') : err('date', !isDay(date))}
          />
          <TextInput
            type="time"
            label={t('appointments.book.time')}
            description={t('appointments.book.timeHelp', { zone: props.timeZone })}
            value={time}
            onChange={(e) => setTime(e.currentTarget.value)}
            required
            style={{ minWidth: '8rem' }}
            error={err('time', !isTime(time))}
          />
        </Group>
        <Radio.Group label={t('appointments.book.mode')} value={mode} onChange={(v) => setMode(v as AppointmentMode)}>
          <Group gap="md" mt={4}>
            {Object.values(AppointmentMode).map((m) => (
              <Radio key={m} value={m} label={t(`appointments.mode.${m}`)} />
            ))}
          </Group>
        </Radio.Group>
        {props.chosen ? (
          <Checkbox
            label={t('appointments.book.useChosen', { name: chosenName })}
            checked={useChosen}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              setUseChosen(on);
              if (on) setProvider(chosenName);
            }}
          />
        ) : null}
        <TextInput
          label={t('appointments.book.provider')}
          description={t('appointments.book.providerHelp')}
          value={provider}
          maxLength={300}
          onChange={(e) => setProvider(e.currentTarget.value)}
          required
          error={err('providerName', !provider.trim())}
        />
        {mode === AppointmentMode.VIDEO ? (
          <TextInput
            type="url"
            label={t('appointments.book.videoLink')}
            description={t('appointments.book.videoLinkHelp')}
            value={videoLink}
            maxLength={1000}
            onChange={(e) => setVideoLink(e.currentTarget.value)}
            required
            error={err('videoLink', !videoLink.trim())}
          />
        ) : (
          <TextInput
            label={t('appointments.book.place')}
            description={mode === AppointmentMode.PHONE ? t('appointments.book.phoneHelp') : t('appointments.book.placeHelp')}
            value={place}
            maxLength={500}
            onChange={(e) => setPlace(e.currentTarget.value)}
            required={mode === AppointmentMode.IN_PERSON}
            error={err('place', mode === AppointmentMode.IN_PERSON && !place.trim())}
          />
        )}
        <AutoTextarea
          label={t('appointments.book.bringNotes')}
          description={t('appointments.book.bringNotesHelp')}
          value={bringNotes}
          maxLength={4000}
          minRows={2}
          onChange={(e) => setBringNotes(e.currentTarget.value)}
        />
        {props.staff ? <AutoTextarea label={t('appointments.book.staffNotes')} value={staffNotes} maxLength={10000} minRows={2} onChange={(e) => setStaffNotes(e.currentTarget.value)} /> : null}
        {serverField ? null : <ErrorAlert error={result.error} />}
        <Group>
          <Button type="submit" loading={result.fetching}>
            {t('appointments.book.submit')}
          </Button>
          <Button variant="subtle" onClick={() => props.onDone(false)} disabled={result.fetching}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
