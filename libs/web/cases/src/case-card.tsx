import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Urgency } from '@second-look/domain';
import { PreferredLanguageBadge, formatDate, formatDay } from '@second-look/web-ui';
import type { CaseSummary } from '@second-look/contracts/graphql';
import { stageIndex, STAGES } from './labels';
import { addAreaStrings, caseWords, casesWords, enumsWords } from '@second-look/web-i18n';

addAreaStrings(caseWords, casesWords, enumsWords);

/** One case in a list: the whole card is the link, so the tap target is large. */
export function CaseCard({ item, timeZone, large }: { item: CaseSummary; timeZone: string; large?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper component={Link} to={`/cases/${item.id}`} withBorder p={large ? 'lg' : 'md'} radius="md" className="sl-card-link">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size={large ? 'h3' : 'h4'}>
            {item.patientName}
          </Title>
          {item.urgency === Urgency.URGENT ? (
            <Badge color="red" variant="filled">
              {t('cases.urgent')}
            </Badge>
          ) : null}
        </Group>
        <Text lineClamp={2}>{item.question}</Text>
        <Group gap="xs">
          <Badge variant="light" color="blue">
            {t('case.stageOf', {
              current: stageIndex(item.stage) + 1,
              total: STAGES.length,
              stage: t(`enums.stage.${item.stage}`),
            })}
          </Badge>
          {/* Staff lists only: the patient's own card needs no reminder of her own language. */}
          {large ? null : <PreferredLanguageBadge language={item.preferredLanguage} />}
        </Group>
        <Group gap="md">
          <Text size="sm" c="dimmed">
            {item.leadAdvocate ? t('cases.lead', { name: item.leadAdvocate.displayName }) : t('cases.noLead')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('cases.updated', { when: formatDate(item.updatedAt, i18n.language, timeZone) })}
          </Text>
          {/* Staff lists only (the API gives the patient's side no date): open requests' and tasks' earliest. */}
          {large ? null : (
            <Text size="sm" c={item.nextDueOn ? undefined : 'dimmed'} data-testid="case-next-due">
              {item.nextDueOn ? t('cases.nextDue', { when: formatDay(item.nextDueOn, i18n.language) }) : t('cases.nothingDue')}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
