import { Badge, Box, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Urgency } from '@second-look/domain';
import type { CaseOpinions, Opinion } from '@second-look/contracts/graphql';
import { formatDay } from '@second-look/web-ui';
import { addAreaStrings, opinionsWords } from '@second-look/web-i18n';

addAreaStrings(opinionsWords);

const ASPECTS = ['diagnosis', 'plan', 'reasoning'] as const;
const value = (o: Opinion, a: (typeof ASPECTS)[number]) => (a === 'diagnosis' ? o.diagnosis : a === 'plan' ? o.recommendedPlan : o.reasoning);

function useOpinionTitle(): (o: Opinion) => string {
  const { t } = useTranslation();
  return (o) => (o.number === 1 ? t('opinions.numberFirst') : t('opinions.number', { n: o.number }));
}

function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={urgency === Urgency.URGENT ? 'red' : 'gray'} c={urgency === Urgency.URGENT ? 'red.9' : 'gray.8'}>
      {t(`opinions.urgency.${urgency}`)}
    </Badge>
  );
}

/**
 * Diagnosis, plan and reasoning lined up across opinions. A wide screen reads them as a table
 * (each aspect a row, each opinion a column); a phone stacks one card per opinion.
 */
export function OpinionsSideBySide({ data, staff }: { data: CaseOpinions; staff: boolean }) {
  const { t, i18n } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const title = useOpinionTitle();
  const docName = (id: string | null) => (id ? (data.packet.flatMap((p) => p.documents).find((d) => d.id === id)?.fileName ?? null) : null);
  const text = (s: string) =>
    s ? (
      <Text size="sm" className="sl-pre-wrap" style={{ overflowWrap: 'anywhere' }}>
        {s}
      </Text>
    ) : (
      <Text size="sm" c="dimmed">
        {t('opinions.noneWritten')}
      </Text>
    );

  if (wide) {
    return (
      <Box style={{ overflowX: 'auto' }}>
        <Table withTableBorder withColumnBorders verticalSpacing="sm" style={{ tableLayout: 'fixed', minWidth: `${10 + data.opinions.length * 14}rem` }} aria-label={t('opinions.heading')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={{ width: '10rem' }}>
                <span className="sl-visually-hidden">{t('opinions.provider')}</span>
              </Table.Th>
              {data.opinions.map((o) => (
                <Table.Th key={o.id} scope="col">
                  <Stack gap={2}>
                    <Text fw={700}>{title(o)}</Text>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {o.providerName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('opinions.givenOn', { date: formatDay(o.givenOn, i18n.language) })}
                    </Text>
                    <UrgencyBadge urgency={o.urgency} />
                  </Stack>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ASPECTS.map((a) => (
              <Table.Tr key={a}>
                <Table.Th scope="row">{t(`opinions.aspect.${a}`)}</Table.Th>
                {data.opinions.map((o) => (
                  <Table.Td key={o.id} style={{ verticalAlign: 'top' }}>
                    {text(value(o, a))}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            {data.opinions.some((o) => o.sourceDocumentId) ? (
              <Table.Tr>
                <Table.Th scope="row">{t('opinions.add.source')}</Table.Th>
                {data.opinions.map((o) => (
                  <Table.Td key={o.id}>{text(docName(o.sourceDocumentId) ?? '')}</Table.Td>
                ))}
              </Table.Tr>
            ) : null}
            {staff && data.opinions.some((o) => o.staffNotes) ? (
              <Table.Tr className="sl-internal">
                <Table.Th scope="row">{t('opinions.staffNotes')}</Table.Th>
                {data.opinions.map((o) => (
                  <Table.Td key={o.id}>{text(o.staffNotes ?? '')}</Table.Td>
                ))}
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </Box>
    );
  }
  return (
    <SimpleGrid cols={1} spacing="sm">
      {data.opinions.map((o) => (
        <Paper key={o.id} withBorder p="sm" radius="md" component="article" aria-labelledby={`opinion-${o.id}`}>
          <Stack gap={6}>
            <Title order={3} size="h5" id={`opinion-${o.id}`}>
              {title(o)}
            </Title>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {o.providerName}
            </Text>
            <Text size="xs" c="dimmed">
              {t('opinions.givenOn', { date: formatDay(o.givenOn, i18n.language) })}
            </Text>
            <UrgencyBadge urgency={o.urgency} />
            {ASPECTS.map((a) => (
              <Stack key={a} gap={0}>
                <Text size="sm" fw={600}>
                  {t(`opinions.aspect.${a}`)}
                </Text>
                {text(value(o, a))}
              </Stack>
            ))}
            {docName(o.sourceDocumentId) ? <Text size="sm">{t('opinions.source', { name: docName(o.sourceDocumentId) })}</Text> : null}
            {staff && o.staffNotes ? (
              <Paper p="xs" radius="sm" className="sl-internal">
                <Text size="sm" fw={600}>
                  {t('opinions.staffNotes')}
                </Text>
                {text(o.staffNotes)}
              </Paper>
            ) : null}
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
