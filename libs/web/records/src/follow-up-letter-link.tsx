import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ClockStatus } from '@second-look/domain';
import type { ClockReading } from '@second-look/contracts/graphql';
import { followUpLetterPdfUrl } from './letter';
import { addAreaStrings, recordsWords } from '@second-look/web-i18n';

addAreaStrings(recordsWords);

/**
 * The follow-up letter, offered once the legal clock reads OVERDUE: the API's own "open and past
 * the legal date in the organization's time zone", the same rule the download obeys, so the link
 * never leads to a refusal. Nothing at all for a request that is not overdue.
 */
export function FollowUpLetterLink({ request, withHelp = false }: { request: { id: string; legal: Pick<ClockReading, 'status'> }; withHelp?: boolean }) {
  const { t } = useTranslation();
  if (request.legal.status !== ClockStatus.OVERDUE) return null;
  return (
    <Stack gap={2}>
      <Anchor href={followUpLetterPdfUrl(request.id)} download size="sm" fw={600} className="sl-small-target">
        {t('records.downloadFollowUpLetter')}
      </Anchor>
      {withHelp ? (
        <Text size="xs" c="dimmed">
          {t('records.followUpLetterHelp')}
        </Text>
      ) : null}
    </Stack>
  );
}
