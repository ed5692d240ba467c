import { Anchor, Badge, Box, Button, Flex, Group, Paper, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useViewer } from '@second-look/web-auth';
import { ErrorAlert, Loading, PageTitle, formatDateTime, formatDay, orgToday } from '@second-look/web-ui';
import { MarkNotificationsReadMutation, NotificationCaseQuery, NotificationsQuery, UnreadNotificationCountQuery, type AppNotification, type PageInfo } from '@second-look/contracts/graphql';
import { useNotificationText } from './notification-text';
import { addAreaStrings, notificationsWords } from '@second-look/web-i18n';

addAreaStrings(notificationsWords);

const PAGE_SIZE = 20;

/** "Open the case for Maria Lopez": the name comes from the case itself, when it can be read. */
function CaseLink({ caseId, onOpen }: { caseId: string; onOpen: () => void }) {
  const { t } = useTranslation();
  const [result] = useQuery({ query: NotificationCaseQuery, variables: { id: caseId } });
  const name = result.data?.case.patientName;
  return (
    <Anchor component={Link} to={`/cases/${caseId}`} onClick={onOpen} fw={500} className="sl-small-target">
      {name ? t('notifications.openCaseOf', { name }) : t('notifications.openCase')}
    </Anchor>
  );
}

function NotificationItem({ n, today, timeZone }: { n: AppNotification; today: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const text = useNotificationText(today);
  const [, markRead] = useMutation(MarkNotificationsReadMutation);
  const unread = !n.readAt;
  // Opening it is reading it; the link still navigates while the mutation finishes.
  const onOpen = () => {
    if (unread) void markRead({ ids: [n.id] });
  };
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="md"
      style={{
        borderLeft: unread ? '4px solid var(--mantine-color-blue-8)' : undefined,
        background: unread ? 'var(--mantine-color-blue-0)' : undefined,
      }}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Text fw={unread ? 600 : 400} style={{ overflowWrap: 'anywhere' }}>
            {text(n)}
          </Text>
          {unread ? (
            <Badge color="blue.9" variant="filled" style={{ flexShrink: 0 }}>
              {t('notifications.unread')}
            </Badge>
          ) : null}
        </Group>
        <Flex wrap="wrap" columnGap="md" rowGap={2}>
          {n.dueOn ? (
            <Text size="sm" c="gray.8">
              {t('notifications.dueOn', { date: formatDay(n.dueOn, i18n.language) })}
            </Text>
          ) : null}
          <Text size="sm" c="gray.8">
            {t('notifications.received', { when: formatDateTime(n.createdAt, i18n.language, timeZone) })}
          </Text>
        </Flex>
        {n.caseId ? (
          <Box>
            <CaseLink caseId={n.caseId} onOpen={onOpen} />
          </Box>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** One page of the list; the last one reports its page info so "Load more" knows where to go. */
function NotificationPage(props: { after: string | null; today: string; timeZone: string; onPageInfo?: (info: PageInfo) => void; onCount: (after: string | null, n: number) => void }) {
  const [result, reexecute] = useQuery({
    query: NotificationsQuery,
    variables: { first: PAGE_SIZE, after: props.after },
    requestPolicy: 'cache-and-network',
  });
  const conn = result.data?.notifications;
  const { onPageInfo, onCount, after } = props;
  useEffect(() => {
    if (conn && onPageInfo) onPageInfo(conn.pageInfo);
  }, [conn, onPageInfo]);
  useEffect(() => {
    if (conn) onCount(after, conn.nodes.length);
  }, [conn, after, onCount]);

  if (!conn && result.fetching) {
    return (
      <li>
        <Loading />
      </li>
    );
  }
  if (!conn && result.error) {
    return (
      <li>
        <ErrorAlert error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </li>
    );
  }
  return (
    <>
      {conn?.nodes.map((n) => (
        <NotificationItem key={n.id} n={n} today={props.today} timeZone={props.timeZone} />
      ))}
    </>
  );
}

/** The signed-in person's notifications, newest first, in plain words with a way to the case. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const timeZone = viewer.organization.timeZone;
  const today = orgToday(timeZone);
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [last, setLast] = useState<PageInfo | null>(null);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [marked, setMarked] = useState(false);
  // The button goes away once nothing is unread: keep keyboard focus on the message instead.
  const statusRef = useRef<HTMLParagraphElement>(null);
  const [countResult] = useQuery({ query: UnreadNotificationCountQuery, variables: {}, requestPolicy: 'cache-and-network' });
  const [markAll, markAllRead] = useMutation(MarkNotificationsReadMutation);
  const unread = countResult.data?.unreadNotificationCount;
  const shown = Object.values(counts).reduce((a, b) => a + b, 0);
  const loaded = last !== null;

  const onLast = useCallback((info: PageInfo) => setLast(info), []);
  const onCount = useCallback((after: string | null, n: number) => setCounts((c) => (c[after ?? ''] === n ? c : { ...c, [after ?? '']: n })), []);

  return (
    <Stack gap="lg" maw={760}>
      <Stack gap={4}>
        <Group justify="space-between" align="center" gap="sm">
          <PageTitle title={t('notifications.title')}>{t('notifications.title')}</PageTitle>
          <Anchor component={Link} to="/notifications/settings" className="sl-small-target">
            {t('notifications.settingsLink')}
          </Anchor>
        </Group>
        <Text>{t('notifications.intro')}</Text>
      </Stack>
      {shown > 0 ? (
        <Group justify="space-between" align="center" gap="sm">
          <Text role="status" aria-live="polite" ref={statusRef} tabIndex={-1} style={{ outline: 'none' }}>
            {marked && unread === 0 ? t('notifications.markedAllRead') : unread !== undefined ? t('notifications.unreadSummary', { count: unread }) : ''}
          </Text>
          {unread ? (
            <Button
              variant="outline"
              loading={markAll.fetching}
              onClick={() => {
                setMarked(false);
                void markAllRead({ ids: null }).then((r) => {
                  setMarked(!r.error);
                  if (!r.error) statusRef.current?.focus();
                });
              }}
            >
              {t('notifications.markAllRead')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      <ErrorAlert error={markAll.error} />
      <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('notifications.title')}>
        {cursors.map((after, i) => (
          <NotificationPage key={after ?? 'first'} after={after} today={today} timeZone={timeZone} onPageInfo={i === cursors.length - 1 ? onLast : undefined} onCount={onCount} />
        ))}
      </Stack>
      {loaded && shown === 0 ? <Text>{t('notifications.empty')}</Text> : null}
      {last?.hasNextPage && last.endCursor ? (
        <Group justify="center">
          <Button
            variant="outline"
            onClick={() => {
              const c = last.endCursor as string;
              setLast(null);
              setCursors((list) => [...list, c]);
            }}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
