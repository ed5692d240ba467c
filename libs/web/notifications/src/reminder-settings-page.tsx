import { Checkbox, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ReminderSettingsQuery, UpdateReminderSettingsMutation, type ReminderSettings } from '@second-look/contracts/graphql';
import { Loading, PageTitle, QueryErrorState, fieldErrors } from '@second-look/web-ui';
import { SettingsForm, SettingsSection } from './settings-form';
import { addAreaStrings, notificationsWords } from '@second-look/web-i18n';

addAreaStrings(notificationsWords);

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'];
const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }));

function zones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}

/** "7, 14, 25" → [7, 14, 25]; null when something is not a whole number. */
function parseDays(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.some((p) => !/^\d+$/.test(p))) return null;
  return parts.map(Number);
}

type Form = Omit<ReminderSettings, 'id' | 'daysAfterSent' | 'workingDays'> & { days: string; workingDays: string[] };

/** A number of days: [field, min, max]. */
type DaysField = readonly [key: 'targetSoonDays' | 'legalSoonDays' | 'appointmentSoonDays' | 'verifyCoverageWorkingDays' | 'recordOpinionDays' | 'bookFollowUpDays', min: number, max: number];

/** The reminders before a request's dates (the server checks the same ranges, validateRecordReminderSettings). */
const DUE_SOON_FIELDS: readonly DaysField[] = [
  ['targetSoonDays', 0, 14],
  ['legalSoonDays', 0, 30],
];

/** The appointment distances (the server checks the same ranges, APPOINTMENT_REMINDER_LIMITS). */
const APPOINTMENT_FIELDS: readonly DaysField[] = [
  ['appointmentSoonDays', 0, 21],
  ['verifyCoverageWorkingDays', 1, 20],
  ['recordOpinionDays', 1, 14],
  ['bookFollowUpDays', 2, 60],
];

/** Org admins: when record requests are chased and appointments remembered, working hours, time zone and the digest hour. */
export function ReminderSettingsPage() {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({ query: ReminderSettingsQuery, variables: {} });
  const [saveResult, save] = useMutation(UpdateReminderSettingsMutation);
  const settings = result.data?.reminderSettings;
  const [form, setForm] = useState<Form | null>(null);
  const [saved, setSaved] = useState(false);
  const [daysError, setDaysError] = useState<string | undefined>();
  const zoneList = useMemo(() => (settings ? zones(settings.timeZone) : []), [settings]);

  useEffect(() => {
    if (!settings) return;
    const { id: _id, daysAfterSent, workingDays, ...rest } = settings;
    void _id;
    setForm({ ...rest, days: daysAfterSent.join(', '), workingDays: workingDays.map(String) });
  }, [settings]);

  if (!settings && result.fetching) return <Loading />;
  if (!settings) return result.error ? <QueryErrorState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null;
  if (!form) return <Loading />;

  const refused = (field: string) => t(`notifications.reminderSettings.refused.${field}`);
  const server = fieldErrors(saveResult.error, {
    workStart: refused('workStart'),
    workEnd: refused('workEnd'),
    workingDays: refused('workingDays'),
    timeZone: refused('timeZone'),
    bookFollowUpDays: refused('bookFollowUpDays'),
  });
  const firstRefusal = Object.values(server)[0];
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setSaved(false);
    setForm((f) => (f ? { ...f, [key]: value } : f));
  };

  const daysInputs = (fields: readonly DaysField[]) => (
    <Group grow align="flex-start" gap="sm" wrap="wrap">
      {fields.map(([key, min, max]) => (
        <NumberInput
          key={key}
          label={t(`notifications.reminderSettings.${key}`)}
          description={t(`notifications.reminderSettings.${key}Help`)}
          value={form[key]}
          onChange={(v) => set(key, typeof v === 'number' ? v : Number(v) || 0)}
          min={min}
          max={max}
          allowDecimal={false}
          error={server[key]}
          miw={220}
        />
      ))}
    </Group>
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const days = parseDays(form.days);
    if (!days || days.some((d) => d < 1 || d > 60)) {
      setDaysError(t('notifications.reminderSettings.daysInvalid'));
      return;
    }
    setDaysError(undefined);
    const { days: _days, workingDays, ...rest } = form;
    void _days;
    const r = await save({ input: { ...rest, daysAfterSent: days, workingDays: workingDays.map(Number).sort() } });
    if (!r.error) setSaved(true);
  };

  return (
    <Stack gap="lg" maw={720}>
      <Stack gap={4}>
        <PageTitle title={t('notifications.reminderSettings.title')}>{t('notifications.reminderSettings.title')}</PageTitle>
        <Text>{t('notifications.reminderSettings.intro')}</Text>
      </Stack>
      <SettingsForm
        onSubmit={submit}
        error={saveResult.error}
        errorText={firstRefusal}
        saving={saveResult.fetching}
        saveLabel={t('notifications.reminderSettings.save')}
        saved={saved}
        savedLabel={t('notifications.reminderSettings.saved')}
      >
        <SettingsSection id="reminder-days-heading" title={t('notifications.reminderSettings.daysHeading')} note={t('notifications.reminderSettings.alwaysNote')}>
          <TextInput
            label={t('notifications.reminderSettings.daysAfterSent')}
            description={t('notifications.reminderSettings.daysAfterSentHelp')}
            value={form.days}
            onChange={(e) => set('days', e.currentTarget.value)}
            error={daysError ?? server['daysAfterSent']}
            inputMode="numeric"
          />
          {daysInputs(DUE_SOON_FIELDS)}
        </SettingsSection>

        <SettingsSection
          id="appointment-reminders-heading"
          title={t('notifications.reminderSettings.appointmentsHeading')}
          intro={t('notifications.reminderSettings.appointmentsIntro')}
          note={t('notifications.reminderSettings.appointmentsNote')}
        >
          {daysInputs(APPOINTMENT_FIELDS)}
        </SettingsSection>

        <SettingsSection id="working-hours-heading" title={t('notifications.reminderSettings.hoursHeading')} intro={t('notifications.reminderSettings.hoursIntro')}>
          <Group grow align="flex-start" gap="sm">
            <TextInput type="time" label={t('notifications.reminderSettings.workStart')} value={form.workStart} onChange={(e) => set('workStart', e.currentTarget.value)} error={server['workStart']} />
            <TextInput type="time" label={t('notifications.reminderSettings.workEnd')} value={form.workEnd} onChange={(e) => set('workEnd', e.currentTarget.value)} error={server['workEnd']} />
          </Group>
          <Checkbox.Group label={t('notifications.reminderSettings.workingDays')} value={form.workingDays} onChange={(v) => set('workingDays', v)} error={server['workingDays']}>
            <Group gap="md" mt="xs">
              {WEEKDAYS.map((d) => (
                <Checkbox key={d} value={d} label={t(`notifications.reminderSettings.weekday.${d}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Select
            label={t('notifications.reminderSettings.timeZone')}
            description={t('notifications.reminderSettings.timeZoneHelp')}
            data={zoneList}
            value={form.timeZone}
            onChange={(v) => v && set('timeZone', v)}
            searchable
            allowDeselect={false}
            error={server['timeZone']}
            limit={50}
          />
          <Select
            label={t('notifications.reminderSettings.digestHour')}
            data={HOURS}
            value={String(form.digestHour)}
            onChange={(v) => v !== null && set('digestHour', Number(v))}
            allowDeselect={false}
            error={server['digestHour']}
            maw={200}
          />
        </SettingsSection>
      </SettingsForm>
    </Stack>
  );
}
