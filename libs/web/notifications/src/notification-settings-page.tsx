import { Anchor, Group, Radio, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { NotificationPreferencesQuery, UpdateNotificationPreferencesMutation, type NotificationCategory } from '@second-look/contracts/graphql';
import { EmailMode } from '@second-look/domain';
import { Loading, PageTitle, QueryErrorState, fieldErrors, formatClockTime } from '@second-look/web-ui';
import { intlLocale, addAreaStrings, notificationsWords } from '@second-look/web-i18n';
import { SettingsForm, SettingsSection } from './settings-form';

addAreaStrings(notificationsWords);

const MODES: EmailMode[] = [EmailMode.IMMEDIATE, EmailMode.DIGEST, EmailMode.OFF];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "America/Chicago" → "Central Time" in the reader's words; the full id when Intl cannot name it. */
function zoneName(zone: string, language: string): string {
  try {
    const part = new Intl.DateTimeFormat(intlLocale(language), { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName');
    return part?.value ?? zone;
  } catch {
    return zone;
  }
}

/**
 * A person's own e-mail choices: per category right away / daily summary / only in the app,
 * and quiet hours. In-app notifications are always on. Phone first: one column, large targets.
 */
export function NotificationSettingsPage() {
  const { t, i18n } = useTranslation();
  const [result, reexecute] = useQuery({ query: NotificationPreferencesQuery, variables: {} });
  const [saveResult, save] = useMutation(UpdateNotificationPreferencesMutation);
  const prefs = result.data?.notificationPreferences;
  const [modes, setModes] = useState<Partial<Record<NotificationCategory, EmailMode>>>({});
  const [quietOn, setQuietOn] = useState(false);
  const [start, setStart] = useState('20:00');
  const [end, setEnd] = useState('08:00');
  const [saved, setSaved] = useState(false);
  const [touched, setTouched] = useState(false);

  // Start the form from what the server has (once it has loaded, and again after a save).
  useEffect(() => {
    if (!prefs) return;
    setModes(Object.fromEntries(prefs.email.map((e) => [e.category, e.mode])));
    setQuietOn(!!prefs.quietHours);
    if (prefs.quietHours) {
      setStart(prefs.quietHours.start);
      setEnd(prefs.quietHours.end);
    }
  }, [prefs]);

  if (!prefs && result.fetching) return <Loading />;
  if (!prefs) return result.error ? <QueryErrorState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null;

  const zone = zoneName(prefs.timeZone, i18n.language);
  const server = fieldErrors(saveResult.error);
  const startError = touched && quietOn && !TIME.test(start) ? t('validation.required') : server['quietHours.start'];
  const endError = touched && quietOn && !TIME.test(end) ? t('validation.required') : touched && quietOn && start === end ? t('notifications.settings.quietSame') : server['quietHours.end'];
  const quietValid = !quietOn || (TIME.test(start) && TIME.test(end) && start !== end);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    setSaved(false);
    if (!quietValid) return;
    const r = await save({
      input: {
        email: prefs.email.map((p) => ({ category: p.category, mode: modes[p.category] ?? p.mode })),
        quietHours: quietOn ? { start, end } : null,
      },
    });
    if (!r.error) {
      setSaved(true);
      setTouched(false);
    }
  };

  return (
    <Stack gap="lg" maw={640}>
      <Stack gap={4}>
        <Anchor component={Link} to="/notifications" size="sm" className="sl-small-target">
          ← {t('notifications.settings.back')}
        </Anchor>
        <PageTitle title={t('notifications.settings.title')}>{t('notifications.settings.title')}</PageTitle>
        <Text>{t('notifications.settings.intro')}</Text>
      </Stack>
      <SettingsForm onSubmit={submit} error={saveResult.error} saving={saveResult.fetching} saveLabel={t('notifications.settings.save')} saved={saved} savedLabel={t('notifications.settings.saved')}>
        <SettingsSection
          id="email-heading"
          title={t('notifications.settings.emailHeading')}
          note={t('notifications.settings.digestAt', { time: formatClockTime(prefs.digestTime, i18n.language), zone })}
          gap="md"
        >
          {prefs.email.map((p) => (
            <Radio.Group
              key={p.category}
              name={`email-${p.category}`}
              label={t(`notifications.settings.category.${p.category}`)}
              description={t(`notifications.settings.categoryHelp.${p.category}`)}
              value={modes[p.category] ?? p.mode}
              onChange={(v) => {
                setSaved(false);
                setModes((m) => ({ ...m, [p.category]: v as EmailMode }));
              }}
            >
              <Stack gap="xs" mt="xs">
                {MODES.map((mode) => (
                  <Radio key={mode} value={mode} label={t(`notifications.settings.mode.${mode}`)} styles={{ body: { minHeight: 32, alignItems: 'center' } }} />
                ))}
              </Stack>
            </Radio.Group>
          ))}
        </SettingsSection>

        <SettingsSection id="quiet-heading" title={t('notifications.settings.quietHeading')} intro={t('notifications.settings.quietIntro')}>
          <Switch
            checked={quietOn}
            onChange={(e) => {
              setSaved(false);
              setQuietOn(e.currentTarget.checked);
            }}
            label={t('notifications.settings.quietOn')}
            size="md"
          />
          {quietOn ? (
            <>
              <Group grow align="flex-start" gap="sm">
                <TextInput type="time" label={t('notifications.settings.quietStart')} value={start} onChange={(e) => setStart(e.currentTarget.value)} error={startError} required />
                <TextInput type="time" label={t('notifications.settings.quietEnd')} value={end} onChange={(e) => setEnd(e.currentTarget.value)} error={endError} required />
              </Group>
              <Text size="sm" c="gray.8">
                {TIME.test(start) && TIME.test(end) && start !== end
                  ? t(end < start ? 'notifications.settings.quietSpansMidnight' : 'notifications.settings.quietSameDay', {
                      start: formatClockTime(start, i18n.language),
                      end: formatClockTime(end, i18n.language),
                    })
                  : null}{' '}
                {t('notifications.settings.quietZone', { zone })}
              </Text>
            </>
          ) : null}
        </SettingsSection>
      </SettingsForm>
    </Stack>
  );
}
