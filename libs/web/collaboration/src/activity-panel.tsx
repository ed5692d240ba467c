import { Badge, Button, Chip, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ActivityGroup } from '@second-look/domain';
import { PAGED_LISTS } from '@second-look/contracts';
import { CaseActivityQuery, type CaseDetail } from '@second-look/contracts/graphql';
import { ErrorAlert, formatDateTime, Panel } from '@second-look/web-ui';
import { activityText } from './activity-text';
import { addAreaStrings, activityWords } from '@second-look/web-i18n';

addAreaStrings(activityWords);

const PAGE = 20;
/** The API refuses a longer page than it advertises, so "Show more" stops there. */
const MOST = PAGED_LISTS['Case.activity'].max;
const ALL = 'ALL';

/** Who did what on the case, newest first; filter by kind of work and by person. */
export function CaseActivityPanel({ item, timeZone }: { item: CaseDetail; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const [group, setGroup] = useState<string>(ALL);
  const [person, setPerson] = useState<string>(ALL);
  const [first, setFirst] = useState(PAGE);
  const [result] = useQuery({
    query: CaseActivityQuery,
    variables: { id: item.id, groups: group === ALL ? null : [group as ActivityGroup], actorId: person === ALL ? null : person, first },
    requestPolicy: 'cache-and-network',
  });
  const lines = result.data?.case.activity.nodes ?? [];

  const people = new Map<string, string>();
  if (item.leadAdvocate) people.set(item.leadAdvocate.id, item.leadAdvocate.displayName);
  for (const p of item.participants) if (p.user) people.set(p.user.id, p.user.displayName);
  for (const l of lines) if (l.actor) people.set(l.actor.id, l.actor.displayName);

  return (
    <Panel headingId="case-activity-heading" title={t('activity.heading')} intro={t('activity.intro')}>
      {/* Chips rather than a drop-down for the kind of work: one tap on a phone, all choices in view. */}
      <Stack gap={4} role="group" aria-labelledby="case-activity-show">
        <Text size="sm" fw={500} id="case-activity-show">
          {t('activity.show')}
        </Text>
        <Chip.Group
          multiple={false}
          value={group}
          onChange={(v) => {
            setGroup((v as string) || ALL);
            setFirst(PAGE);
          }}
        >
          <Group gap="xs">
            {[ALL, ...Object.values(ActivityGroup)].map((g) => (
              <Chip key={g} value={g} size="sm" type="radio">
                {t(`activity.group.${g}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Stack>
      <Select
        label={t('activity.person')}
        data={[{ value: ALL, label: t('activity.everyone') }, ...[...people].map(([value, label]) => ({ value, label }))]}
        value={person}
        onChange={(v) => {
          setPerson(v ?? ALL);
          setFirst(PAGE);
        }}
        allowDeselect={false}
        maw={320}
      />
      <ErrorAlert error={result.error} />
      {lines.length ? (
        <Stack component="ol" gap={6} style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="activity-list">
          {lines.map((l) => (
            <li key={l.id}>
              <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
                <Stack gap={0}>
                  <Text size="sm">{activityText(t, l)}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(l.at, i18n.language, timeZone)}
                  </Text>
                </Stack>
                {l.staffOnly ? (
                  <Badge color="grape" variant="light" size="sm">
                    {t('activity.internalBadge')}
                  </Badge>
                ) : null}
              </Group>
            </li>
          ))}
        </Stack>
      ) : !result.fetching ? (
        <Text size="sm" c="dimmed">
          {t('activity.empty')}
        </Text>
      ) : null}
      {result.data?.case.activity.pageInfo.hasNextPage && first < MOST ? (
        <Group>
          <Button variant="subtle" size="sm" onClick={() => setFirst((n) => Math.min(n + PAGE, MOST))} loading={result.fetching}>
            {t('activity.more')}
          </Button>
        </Group>
      ) : null}
    </Panel>
  );
}
