import { Alert, Anchor, Button, CopyButton, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { CalendarFeedQuery, ResetCalendarFeedMutation, TurnOffCalendarFeedMutation } from '@second-look/contracts/graphql';
import { useViewer } from '@second-look/web-auth';
import { ErrorAlert, formatDateTime, Loading, PageTitle, Panel, QueryErrorState } from '@second-look/web-ui';
import { addAreaStrings, exportsWords } from '@second-look/web-i18n';

addAreaStrings(exportsWords);

/**
 * A person's own calendar feed: turn it on (the secret link is shown once), make a new link
 * (the old one stops), or turn it off. Says what the feed carries and what it never carries.
 */
export function CalendarFeedPage() {
  const { t, i18n } = useTranslation();
  const [result, reexecute] = useQuery({ query: CalendarFeedQuery, variables: {} });
  const [resetResult, reset] = useMutation(ResetCalendarFeedMutation);
  const [offResult, turnOff] = useMutation(TurnOffCalendarFeedMutation);
  const [shown, setShown] = useState<{ url: string; webcalUrl: string } | null>(null);
  const [turnedOff, setTurnedOff] = useState(false);
  const feed = result.data?.calendarFeed;
  const tz = useViewer().organization.timeZone;

  if (!feed && result.fetching) return <Loading />;
  if (!feed) return result.error ? <QueryErrorState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null;

  const makeLink = async () => {
    setTurnedOff(false);
    const r = await reset({});
    if (r.data) setShown({ url: r.data.resetCalendarFeed.url, webcalUrl: r.data.resetCalendarFeed.webcalUrl });
  };
  const off = async () => {
    const r = await turnOff({});
    if (!r.error) {
      setShown(null);
      setTurnedOff(true);
    }
  };

  return (
    <Stack gap="lg" maw={640}>
      <Stack gap={4}>
        <PageTitle title={t('exports.feed.title')}>{t('exports.feed.title')}</PageTitle>
        <Text>{t('exports.feed.intro')}</Text>
      </Stack>

      <Panel
        headingId="feed-status-heading"
        title={feed.enabled && feed.createdAt ? t('exports.feed.on', { when: formatDateTime(feed.createdAt, i18n.language, tz) }) : t('exports.feed.off')}
        titleSize="h4"
      >
        {feed.enabled ? <Text size="sm">{feed.lastFetchedAt ? t('exports.feed.lastRead', { when: formatDateTime(feed.lastFetchedAt, i18n.language, tz) }) : t('exports.feed.neverRead')}</Text> : null}
        {turnedOff ? (
          <Alert color="teal" role="status">
            {t('exports.feed.turnedOff')}
          </Alert>
        ) : null}
        {shown ? (
          <Stack gap="xs">
            <Alert color="yellow" c="#5c4400">
              {t('exports.feed.urlOnce')} {t('exports.feed.urlSecret')}
            </Alert>
            <TextInput label={t('exports.feed.urlLabel')} value={shown.url} readOnly onFocus={(e) => e.currentTarget.select()} />
            <Group gap="sm">
              <CopyButton value={shown.url}>
                {({ copied, copy }) => (
                  <Button size="sm" variant={copied ? 'light' : 'filled'} onClick={copy}>
                    {copied ? t('exports.feed.copied') : t('exports.feed.copy')}
                  </Button>
                )}
              </CopyButton>
              <Anchor href={shown.webcalUrl} fw={600} className="sl-small-target">
                {t('exports.feed.openInApp')}
              </Anchor>
            </Group>
            <Text size="sm">{t('exports.feed.howTo')}</Text>
          </Stack>
        ) : null}
        <ErrorAlert error={resetResult.error ?? offResult.error} />
        <Group gap="sm">
          <Button onClick={() => void makeLink()} loading={resetResult.fetching} variant={feed.enabled ? 'default' : 'filled'}>
            {feed.enabled ? t('exports.feed.newLink') : t('exports.feed.turnOn')}
          </Button>
          {feed.enabled ? (
            <Button onClick={() => void off()} loading={offResult.fetching} variant="subtle" color="red">
              {t('exports.feed.turnOff')}
            </Button>
          ) : null}
        </Group>
        {feed.enabled ? (
          <Text size="sm" c="gray.8">
            {t('exports.feed.newLinkHelp')}
          </Text>
        ) : null}
      </Panel>

      <Stack gap="xs" component="section" aria-labelledby="feed-carries-heading">
        <Title order={2} size="h4" id="feed-carries-heading">
          {t('exports.feed.carriesHeading')}
        </Title>
        <List>
          {feed.carries.map((c) => (
            <List.Item key={c}>{t(`exports.feed.carries.${c}`)}</List.Item>
          ))}
        </List>
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="feed-privacy-heading">
        <Title order={2} size="h4" id="feed-privacy-heading">
          {t('exports.feed.privacyHeading')}
        </Title>
        <Text>{t('exports.feed.privacy')}</Text>
      </Stack>
    </Stack>
  );
}
