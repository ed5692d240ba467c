import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { MyDayItemKind, MyDayUrgency, RecordClock, Role } from '@second-look/domain';
import { useViewer } from '@second-look/web-auth';
import { useStaffMembers } from '@second-look/web-records';
import { ErrorAlert, Loading, PageTitle, QueryErrorState, formatDay, relativeDay } from '@second-look/web-ui';
import { MarkNotificationsReadMutation, MarkRecordsReceivedMutation, MyDayQuery, SetCaseTaskDoneMutation, type MyDayEntry } from '@second-look/contracts/graphql';
import { addTasksStrings } from './strings';

addTasksStrings();

const EVERYONE = '';
const GROUPS = [MyDayUrgency.OVERDUE, MyDayUrgency.TODAY, MyDayUrgency.THIS_WEEK];
const GROUP_COLOR: Record<MyDayUrgency, string> = { [MyDayUrgency.OVERDUE]: '#a51111', [MyDayUrgency.TODAY]: '#8a3c00', [MyDayUrgency.THIS_WEEK]: '#1c4f8a' };

/** The words of one line: what it is, and its date said as people say it. */
function useItemText(today: string): (i: MyDayEntry) => string {
  const { t, i18n } = useTranslation();
  const when = (day: string) => relativeDay(day, today, i18n.language) ?? formatDay(day, i18n.language);
  return (i) => {
    switch (i.kind) {
      case MyDayItemKind.RECORD_REQUEST:
        return t(i.recordClock === RecordClock.LEGAL ? 'myDay.kind.RECORD_REQUEST_LEGAL' : 'myDay.kind.RECORD_REQUEST_PLAN', { holder: i.holderName ?? t('myDay.holderUnknown'), when: when(i.on) });
      case MyDayItemKind.TASK:
        return t('myDay.kind.TASK', { title: i.taskTitle ?? '' });
      case MyDayItemKind.VISIT_UNPREPARED:
      case MyDayItemKind.INSURANCE_PENDING:
        return t(`myDay.kind.${i.kind}`, { when: when(i.on) });
      case MyDayItemKind.MENTION:
        return t('myDay.kind.MENTION');
    }
  };
}

/** The one action an item needs, in place: mark received, tick, or open the case where the work is. */
function ItemAction({ item, onDone }: { item: MyDayEntry; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [received, markReceived] = useMutation(MarkRecordsReceivedMutation);
  const [ticked, tick] = useMutation(SetCaseTaskDoneMutation);
  const [, markRead] = useMutation(MarkNotificationsReadMutation);
  const after = (r: { error?: unknown }) => !r.error && onDone();
  const open = (section: string) => (
    <Button component={Link} to={`/cases/${item.caseId}#${section}`} variant="light" size="sm">
      {t(section === 'insurance' ? 'myDay.action.openInsurance' : 'myDay.action.openQuestions')}
    </Button>
  );
  switch (item.kind) {
    case MyDayItemKind.RECORD_REQUEST:
      return item.recordRequestId && item.outstandingItemIds.length ? (
        <Stack gap={4} align="flex-end">
          <Button size="sm" loading={received.fetching} onClick={() => void markReceived({ input: { requestId: item.recordRequestId!, packetItemIds: item.outstandingItemIds } }).then(after)}>
            {t('myDay.action.markReceived')}
          </Button>
          <ErrorAlert error={received.error} />
        </Stack>
      ) : null;
    case MyDayItemKind.TASK:
      return item.taskId ? (
        <Stack gap={4} align="flex-end">
          <Button size="sm" loading={ticked.fetching} onClick={() => void tick({ input: { id: item.taskId!, done: true } }).then(after)}>
            {t('myDay.action.tick')}
          </Button>
          <ErrorAlert error={ticked.error} />
        </Stack>
      ) : null;
    case MyDayItemKind.VISIT_UNPREPARED:
      return open('questions');
    case MyDayItemKind.INSURANCE_PENDING:
      return open('insurance');
    case MyDayItemKind.MENTION:
      return (
        <Button size="sm" variant="light" onClick={() => void markRead({ ids: [item.notificationId!] }).then(() => navigate(`/cases/${item.caseId}`))}>
          {t('myDay.action.openComment')}
        </Button>
      );
  }
}

/** My day, the staff's home (docs/domain.md, "My day"). */
export function MyDayPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const chooses = viewer.role === Role.COORDINATOR || viewer.role === Role.ADMIN;
  const members = useStaffMembers(chooses);
  const [advocateId, setAdvocateId] = useState(EVERYONE);
  const [result, reexecute] = useQuery({ query: MyDayQuery, variables: { advocateId: chooses ? advocateId || null : null }, requestPolicy: 'cache-and-network' });
  const [done, setDone] = useState(false);
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const day = result.data?.myDay;
  const text = useItemText(day?.today ?? '');

  return (
    <Stack gap="lg">
      <PageTitle title={t('myDay.heading')}>{t('myDay.heading')}</PageTitle>
      <Group justify="space-between" align="flex-end">
        <Text>{chooses && !advocateId ? t('myDay.introOrganization') : t('myDay.intro')}</Text>
        {chooses ? (
          <Select
            label={t('myDay.advocateFilter')}
            data={[{ value: EVERYONE, label: t('myDay.wholeOrganization') }, ...members.filter((m) => m.role === Role.ADVOCATE).map((m) => ({ value: m.id, label: m.displayName }))]}
            value={advocateId}
            onChange={(v) => setAdvocateId(v ?? EVERYONE)}
            allowDeselect={false}
            w={240}
          />
        ) : null}
      </Group>
      {done ? (
        <Text role="status" c="teal.9">
          {t('myDay.done')}
        </Text>
      ) : null}
      {!day && result.fetching ? <Loading /> : null}
      {!day && result.error ? <QueryErrorState error={result.error} onRetry={reload} /> : null}
      {day && !day.items.length ? <Text size="lg">{t('myDay.empty')}</Text> : null}
      {day
        ? GROUPS.map((g) => {
            const items = day.items.filter((i) => i.urgency === g);
            if (!items.length) return null;
            return (
              <Stack key={g} gap="sm" component="section" aria-labelledby={`my-day-${g}`}>
                <Group gap="xs">
                  <Title order={2} size="h3" id={`my-day-${g}`} c={GROUP_COLOR[g]}>
                    {t(`myDay.group.${g}`)}
                  </Title>
                  <Badge variant="light" color="gray" c="#333">
                    {items.length}
                  </Badge>
                </Group>
                {items.map((i) => (
                  <Paper key={i.key} withBorder p="sm" radius="md" component="article" aria-label={text(i)}>
                    <Group justify="space-between" align="center" wrap="wrap" gap="sm">
                      <Stack gap={2} style={{ flex: '1 1 16rem' }}>
                        <Text fw={600}>{text(i)}</Text>
                        <Anchor component={Link} to={`/cases/${i.caseId}`} size="sm" className="sl-small-target">
                          {i.leadAdvocateName ? t('myDay.caseLine', { patient: i.patientName, lead: i.leadAdvocateName }) : t('myDay.caseLineNoLead', { patient: i.patientName })}
                        </Anchor>
                      </Stack>
                      <ItemAction
                        item={i}
                        onDone={() => {
                          setDone(true);
                          reload();
                        }}
                      />
                    </Group>
                  </Paper>
                ))}
              </Stack>
            );
          })
        : null}
    </Stack>
  );
}
