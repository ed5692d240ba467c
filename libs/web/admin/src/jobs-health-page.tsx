import { Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { useViewer } from '@second-look/web-auth';
import { ErrorAlert, Loading, PageTitle, QueryErrorState, formatDateTime } from '@second-look/web-ui';
import { AdvanceDemoClockMutation, DemoClockQuery, JobsHealthQuery, RetryFailedJobMutation, type FailedJob, type QueueHealth } from '@second-look/contracts/graphql';
import { addAreaStrings, adminWords } from '@second-look/web-i18n';

addAreaStrings(adminWords);

const COUNTS = ['waiting', 'delayed', 'active', 'failed'] as const;

function QueueCard({ queue }: { queue: QueueHealth }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" aria-label={t('admin.jobs.queueLabel', { name: t(`admin.jobs.queue.${queue.name}`, { defaultValue: queue.name }) })}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t(`admin.jobs.queue.${queue.name}`, { defaultValue: queue.name })}</Text>
        {queue.failed > 0 ? (
          <Badge color="red">{t('admin.jobs.needsAttention')}</Badge>
        ) : (
          // A filled teal badge is 3.9:1 with white; light with the darker teal text the other panels use passes AA.
          <Badge color="teal" c="#066649" variant="light">
            {t('admin.jobs.healthy')}
          </Badge>
        )}
      </Group>
      <SimpleGrid cols={2} spacing="xs">
        {COUNTS.map((k) => (
          <div key={k}>
            <Text size="xs" c="dimmed">
              {t(`admin.jobs.count.${k}`)}
            </Text>
            <Text size="lg" fw={500} data-testid={`${queue.name}-${k}`}>
              {queue[k]}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}

function FailedJobRow({ job, timeZone, onRetried }: { job: FailedJob; timeZone: string; onRetried: () => void }) {
  const { t, i18n } = useTranslation();
  const [result, retry] = useMutation(RetryFailedJobMutation);
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={500}>{t(`admin.jobs.jobName.${job.name}`, { defaultValue: job.name })}</Text>
          <Button
            size="xs"
            loading={result.fetching}
            aria-label={t('admin.jobs.retryLabel', { name: t(`admin.jobs.jobName.${job.name}`, { defaultValue: job.name }) })}
            onClick={async () => {
              const r = await retry({ queue: job.queue, jobId: job.id });
              if (!r.error) onRetried();
            }}
          >
            {t('admin.jobs.retry')}
          </Button>
        </Group>
        {job.failedReason && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('admin.jobs.reason', { reason: job.failedReason })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('admin.jobs.attempts', { count: job.attemptsMade })}
          {job.failedAt ? ` · ${formatDateTime(job.failedAt, i18n.language, timeZone)}` : ''}
        </Text>
        {result.error && <ErrorAlert error={result.error} />}
      </Stack>
    </Paper>
  );
}

/** Development only: moves the shared demo clock so due reminders fire. Hidden where it is off. */
function DemoClockControl({ timeZone }: { timeZone: string }) {
  const { t, i18n } = useTranslation();
  const [clock, refresh] = useQuery({ query: DemoClockQuery, requestPolicy: 'network-only' });
  const [moved, advance] = useMutation(AdvanceDemoClockMutation);
  const c = clock.data?.demoClock;
  if (!c?.enabled) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('admin.jobs.demoClockTitle')}
        </Title>
        <Text size="sm">{t('admin.jobs.demoClockIntro')}</Text>
        <Text size="sm" data-testid="demo-clock-now">
          {t('admin.jobs.demoClockNow', { when: formatDateTime(c.now, i18n.language, timeZone) })}
        </Text>
        <Group gap="xs">
          {['+1d', '+7d', '+30d'].map((by) => (
            <Button
              key={by}
              variant="light"
              loading={moved.fetching}
              onClick={async () => {
                await advance({ by });
                refresh({ requestPolicy: 'network-only' });
              }}
            >
              {t('admin.jobs.demoClockMove', { by })}
            </Button>
          ))}
        </Group>
        {moved.error && <ErrorAlert error={moved.error} />}
      </Stack>
    </Paper>
  );
}

export function JobsHealthPage() {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const [done, setDone] = useState(false);
  const [result, reexecute] = useQuery({ query: JobsHealthQuery, requestPolicy: 'cache-and-network' });
  const h = result.data?.jobsHealth;
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <Stack gap="lg">
      <PageTitle title={t('admin.jobs.title')}>{t('admin.jobs.title')}</PageTitle>
      <Text>{t('admin.jobs.intro')}</Text>
      {result.fetching && !h ? (
        <Loading />
      ) : result.error && !h ? (
        <QueryErrorState error={result.error} onRetry={reload} />
      ) : h ? (
        <>
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed">
              {t('admin.jobs.checkedAt', { when: formatDateTime(h.checkedAt, i18n.language, viewer.organization.timeZone) })}
            </Text>
            <Button variant="default" size="xs" onClick={reload}>
              {t('admin.jobs.refresh')}
            </Button>
          </Group>
          <Text size="sm">{t('admin.jobs.sharedNote')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {h.queues.map((q) => (
              <QueueCard key={q.name} queue={q} />
            ))}
          </SimpleGrid>
          <Title order={2} size="h3">
            {t('admin.jobs.failedTitle')}
          </Title>
          {done && (
            <Text role="status" c="teal.9">
              {t('admin.jobs.retried')}
            </Text>
          )}
          {h.failedJobs.length === 0 ? (
            <Text>{t('admin.jobs.noFailed')}</Text>
          ) : (
            <Stack gap="xs">
              {h.failedJobs.map((j) => (
                <FailedJobRow
                  key={`${j.queue}:${j.id}`}
                  job={j}
                  timeZone={viewer.organization.timeZone}
                  onRetried={() => {
                    setDone(true);
                    reload();
                  }}
                />
              ))}
            </Stack>
          )}
        </>
      ) : null}
      <DemoClockControl timeZone={viewer.organization.timeZone} />
    </Stack>
  );
}
