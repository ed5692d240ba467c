import { Anchor, Badge, Button, Collapse, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ClockStatus, isStaffRole } from '@second-look/domain';
import { useViewer } from '@second-look/web-auth';
import { formatDateTime, formatDay, formatMoney } from '@second-look/web-ui';
import type { RecordRequest } from '@second-look/contracts/graphql';
import { ClockLine, ClockStatusBadge } from './clock-badge';
import { FollowUpLetterLink } from './follow-up-letter-link';
import { letterPdfUrl, printLetter } from './letter';
import { itemName, lightBadgeText } from './labels';
import { LetterLanguageLine } from './letter-language';
import { RequestActions } from './request-actions';
import { addAreaStrings, enumsWords, recordsWords } from '@second-look/web-i18n';

addAreaStrings(enumsWords, recordsWords);

/**
 * One record request on the case page: who, how, both clocks, items, follow-ups, actions.
 * Memoized: opening the panel's "New request" form does not draw every request again.
 */
export const RequestCard = memo(function RequestCard({ request, canEdit, patientName, timeZone }: { request: RecordRequest; canEdit: boolean; patientName: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const [letterOpen, { toggle }] = useDisclosure(false);
  const viewer = useViewer();
  const headingId = `record-request-${request.id}`;
  const done = !!request.completedOn;
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} size="h5" id={headingId} style={{ overflowWrap: 'anywhere', flex: '1 1 12rem' }}>
            {t('records.requestTo', { holder: request.holder.name })}
          </Title>
          <ClockStatusBadge status={request.overall} />
        </Group>
        <Text size="sm">
          {t('records.sentVia', { when: formatDay(request.sentOn, i18n.language), method: t(`enums.requestMethod.${request.method}`) })}
          {' · '}
          {done ? t('records.completedOn', { when: formatDay(request.completedOn, i18n.language) }) : t('records.age', { count: request.ageDays })}
        </Text>
        {request.overall !== ClockStatus.DONE ? (
          <Stack gap={4}>
            <ClockLine label={t('records.planTarget')} reading={request.target} />
            <ClockLine label={t('records.legalDue')} reading={request.legal} />
          </Stack>
        ) : null}
        <FollowUpLetterLink request={request} withHelp />
        {request.holderReceivedOn ? (
          <Text size="sm" data-testid="holder-received-on">
            {t('records.holderReceivedLine', { when: formatDay(request.holderReceivedOn, i18n.language) })}
          </Text>
        ) : null}
        {request.extensionReason ? <Text size="sm">{t('records.extended', { from: formatDay(request.originalLegalDueOn, i18n.language), reason: request.extensionReason })}</Text> : null}
        {request.feeCents !== null ? <Text size="sm">{t('records.fee', { amount: formatMoney(request.feeCents, i18n.language) })}</Text> : null}
        <List spacing={2} size="sm">
          {request.items.map((i, n) => (
            <List.Item key={i.packetItem?.id ?? n}>
              <Text component="span" size="sm" fw={500}>
                {i.packetItem ? itemName(t, i.packetItem) : t('records.itemRemoved')}
              </Text>{' '}
              {i.receivedOn ? (
                <Badge color="teal" c={lightBadgeText('teal')} variant="light" size="sm" leftSection={<span aria-hidden>✓</span>}>
                  {t('records.itemReceived', { when: formatDay(i.receivedOn, i18n.language) })}
                </Badge>
              ) : (
                <Badge color="gray" variant="light" size="sm">
                  {t('records.itemOutstanding')}
                </Badge>
              )}
            </List.Item>
          ))}
        </List>
        {request.followUps.length ? (
          <div>
            <Text size="sm" fw={600} component="h4">
              {t('records.followUpsHeading')}
            </Text>
            <List spacing={2} size="sm">
              {request.followUps.map((f) => (
                <List.Item key={f.id}>
                  <Text size="sm" c="dimmed" component="span">
                    {t('records.followUpLine', {
                      channel: t(`enums.followUpChannel.${f.channel}`),
                      when: formatDateTime(f.at, i18n.language, timeZone),
                      who: f.by?.displayName ?? t('common.unknown'),
                    })}
                  </Text>{' '}
                  <Text size="sm" component="span" className="sl-pre-wrap">
                    {f.outcome}
                  </Text>
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
        <Group gap="xs">
          {request.letter ? (
            <Button variant="subtle" size="xs" onClick={toggle} aria-expanded={letterOpen} aria-controls={`${headingId}-letter`}>
              {letterOpen ? t('records.hideLetter') : t('records.showLetter')}
            </Button>
          ) : null}
          <Anchor href={letterPdfUrl(request.id)} download size="sm" className="sl-small-target">
            {t('records.downloadLetter')}
          </Anchor>
          {request.letter ? (
            <Button variant="subtle" size="xs" onClick={() => printLetter(request.letter, t('records.requestTo', { holder: request.holder.name }) + ` · ${patientName}`)}>
              {t('records.printLetter')}
            </Button>
          ) : null}
        </Group>
        <LetterLanguageLine request={request} canChange={canEdit && isStaffRole(viewer.role)} />
        {request.letter ? (
          <Collapse expanded={letterOpen} id={`${headingId}-letter`}>
            <Paper p="sm" bg="gray.0" radius="sm">
              <Text size="sm" className="sl-pre-wrap">
                {request.letter}
              </Text>
            </Paper>
          </Collapse>
        ) : null}
        {canEdit ? <RequestActions request={request} /> : null}
      </Stack>
    </Paper>
  );
});
