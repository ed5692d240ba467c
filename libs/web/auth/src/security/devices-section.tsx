import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert, Loading, QueryErrorState, formatDateTime } from '@second-look/web-ui';
import { MySessionsQuery, SignOutOtherSessionsMutation, SignOutSessionMutation } from '@second-look/contracts/graphql';

/** "Signed-in devices": each browser in plain words, where from, when last active; sign one or all others out. */
export function DevicesSection({ timeZone }: { timeZone: string }) {
  const { t, i18n } = useTranslation();
  const [sessions, refetch] = useQuery({ query: MySessionsQuery, variables: {}, requestPolicy: 'cache-and-network' });
  const [one, signOutOne] = useMutation(SignOutSessionMutation);
  const [others, signOutOthers] = useMutation(SignOutOtherSessionsMutation);
  const [notice, setNotice] = useState<string | null>(null);

  if (sessions.error && !sessions.data) return <QueryErrorState error={sessions.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  const list = sessions.data?.mySessions;
  if (!list) return <Loading />;
  const name = (s: (typeof list)[number]) =>
    t('securityAccount.devices.describe', { browser: s.browser ?? t('securityAccount.devices.unknownBrowser'), os: s.os ?? t('securityAccount.devices.unknownOs') });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="devices-heading">
      <Stack gap="md">
        <Text component="h2" fw={600} size="lg" id="devices-heading">
          {t('securityAccount.devices.heading')}
        </Text>
        <Text size="sm">{t('securityAccount.devices.explain')}</Text>
        {notice ? (
          <Alert color="green" variant="light" role="status">
            {notice}
          </Alert>
        ) : null}
        <ErrorAlert error={one.error ?? others.error} />
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('securityAccount.devices.heading')}>
          {list.map((s) => (
            <Paper component="li" key={s.id} withBorder p="sm" radius="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <div>
                  <Group gap="xs">
                    <Text fw={500}>{name(s)}</Text>
                    <Badge variant="light" color="gray">
                      {s.mobile ? t('securityAccount.devices.phone') : t('securityAccount.devices.computer')}
                    </Badge>
                    {s.current ? <Badge variant="filled">{t('securityAccount.devices.thisDevice')}</Badge> : null}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t('securityAccount.devices.lastSeen', { when: formatDateTime(s.lastSeenAt, i18n.language, timeZone) })}
                    {s.ip ? ` · ${t('securityAccount.devices.place', { ip: s.ip })}` : ''}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('securityAccount.devices.signedIn', { when: formatDateTime(s.signedInAt, i18n.language, timeZone) })}
                  </Text>
                </div>
                {s.current ? null : (
                  <Button
                    variant="default"
                    size="sm"
                    aria-label={t('securityAccount.devices.signOutLabel', { device: name(s) })}
                    onClick={async () => {
                      const res = await signOutOne({ id: s.id });
                      if (res.data) {
                        setNotice(t('securityAccount.devices.signedOut'));
                        refetch({ requestPolicy: 'network-only' });
                      }
                    }}
                  >
                    {t('securityAccount.devices.signOut')}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
        {list.length > 1 ? (
          <Group>
            <Button
              variant="default"
              loading={others.fetching}
              onClick={async () => {
                const res = await signOutOthers({});
                if (res.data) {
                  setNotice(t('securityAccount.devices.signedOutOthers', { count: res.data.signOutOtherSessions }));
                  refetch({ requestPolicy: 'network-only' });
                }
              }}
            >
              {t('securityAccount.devices.signOutOthers')}
            </Button>
          </Group>
        ) : (
          <Text size="sm">{t('securityAccount.devices.onlyThis')}</Text>
        )}
      </Stack>
    </Paper>
  );
}
