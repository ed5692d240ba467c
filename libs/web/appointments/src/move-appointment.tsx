import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { DraftConflict, ErrorAlert, errorCode, useVersionedDraft, isDay, isTime, orgToday } from '@second-look/web-ui';
import { MoveAppointmentMutation, type Appointment } from '@second-look/contracts/graphql';
import { addAreaStrings, appointmentsWords } from '@second-look/web-i18n';

addAreaStrings(appointmentsWords);

/** The visit's date and time on the organization's clock, as the form fields want them. */
function wallClock(iso: string, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
  return { date: `${p('year')}-${p('month')}-${p('day')}`, time: `${p('hour')}:${p('minute')}` };
}

/**
 * A visit moved: a new date or time. Saving reschedules its reminders (and asks staff to check
 * the insurance again), so the form says so.
 */
export function MoveAppointment({ appointment, timeZone }: { appointment: Appointment; timeZone: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [touched, setTouched] = useState(false);
  const [saved, setSaved] = useState(false);
  const [result, move] = useMutation(MoveAppointmentMutation);
  // Saved against the version the form opened with (live updates refresh `appointment` under
  // it): a move someone else saved meanwhile shows as a conflict instead of being overwritten.
  const form = useVersionedDraft({
    live: wallClock(appointment.startsAt, timeZone),
    liveVersion: appointment.version,
    send: (d, expectedVersion) => move({ id: appointment.id, expectedVersion: expectedVersion ?? 0, date: d.date, time: d.time }),
    savedVersion: (data) => data.updateAppointment.version,
    theirs: (current, live) => (typeof current['startsAt'] === 'string' ? { theirs: wallClock(current['startsAt'], timeZone), complete: true } : { theirs: live, complete: false }),
  });
  const { date, time } = form.draft;
  const details = (result.error?.graphQLErrors[0]?.extensions?.['details'] ?? {}) as { field?: string };
  const serverField = errorCode(result.error) === 'VALIDATION_FAILED' ? details.field : undefined;
  const when = (v: { date: string; time: string }) => `${v.date} ${v.time}`;

  const start = () => {
    form.reset();
    setTouched(false);
    setSaved(false);
    setOpen(true);
  };
  const done = async (saving: () => Promise<unknown>) => {
    if (await saving()) {
      setOpen(false);
      setSaved(true);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!isDay(date) || !isTime(time)) return;
    void done(form.save);
  };

  if (!open) {
    return (
      <Stack gap={4}>
        <Group>
          <Button size="sm" variant="default" onClick={start}>
            {t('appointments.move.open')}
          </Button>
        </Group>
        {saved ? (
          <Text size="sm" role="status">
            {t('appointments.move.done')}
          </Text>
        ) : null}
      </Stack>
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('appointments.move.formLabel')}>
      <Stack gap="xs">
        <Text size="sm">{t('appointments.move.intro')}</Text>
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            type="date"
            label={t('appointments.book.date')}
            value={date}
            min={orgToday(timeZone)}
            onChange={(e) => form.set('date', e.currentTarget.value)}
            required
            data-autofocus
            style={{ minWidth: '10rem' }}
            error={touched && !isDay(date) ? t('appointments.book.errors.required') : serverField === 'date' ? t('appointments.book.errors.date') : undefined}
          />
          <TextInput
            type="time"
            label={t('appointments.book.time')}
            description={t('appointments.book.timeHelp', { zone: timeZone })}
            value={time}
            onChange={(e) => form.set('time', e.currentTarget.value)}
            required
            style={{ minWidth: '8rem' }}
            error={touched && !isTime(time) ? t('appointments.book.errors.required') : serverField === 'time' ? t('appointments.book.errors.date') : undefined}
          />
        </Group>
        <DraftConflict
          form={form}
          fields={(mine, theirs) => [{ label: t('appointments.move.formLabel'), mine: when(mine), theirs: when(theirs) }]}
          busy={result.fetching}
          onSave={done}
          onClose={() => setOpen(false)}
        />
        {serverField || errorCode(result.error) === 'STALE_VERSION' ? null : <ErrorAlert error={result.error} />}
        <Group gap="xs">
          <Button type="submit" size="sm" loading={result.fetching}>
            {t('appointments.move.save')}
          </Button>
          <Button size="sm" variant="subtle" onClick={() => setOpen(false)} disabled={result.fetching}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
