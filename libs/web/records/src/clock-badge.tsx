import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ClockStatus } from '@second-look/domain';
import type { ClockReading } from '@second-look/contracts/graphql';
import { CLOCK_COLOR, CLOCK_SYMBOL, lightBadgeText } from './labels';
import { formatDay } from '@second-look/web-ui';
import { addAreaStrings, enumsWords, recordsWords } from '@second-look/web-i18n';

addAreaStrings(enumsWords, recordsWords);

/** A status in words, color and a symbol: it reads the same without color. */
export function ClockStatusBadge({ status, size = 'md', nowrap }: { status: ClockStatus; size?: 'sm' | 'md' | 'lg'; nowrap?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={CLOCK_COLOR[status]}
      variant={status === ClockStatus.OVERDUE ? 'filled' : 'light'}
      c={status === ClockStatus.OVERDUE ? undefined : lightBadgeText(CLOCK_COLOR[status])}
      size={size}
      styles={nowrap ? { root: { flexShrink: 0 }, label: { whiteSpace: 'nowrap', overflow: 'visible' } } : undefined}
      leftSection={<span aria-hidden>{CLOCK_SYMBOL[status]}</span>}
    >
      {t(`enums.clockStatus.${status}`)}
    </Badge>
  );
}

export function useDaysLeftText(): (reading: ClockReading) => string {
  const { t } = useTranslation();
  return (r) =>
    r.status === ClockStatus.DONE ? '' : r.daysLeft > 0 ? t('records.daysLeft', { count: r.daysLeft }) : r.daysLeft === 0 ? t('records.dueToday') : t('records.daysLate', { count: -r.daysLeft });
}

/** One clock: "Plan target: Nov 30, 2026 · [At risk] 2 days left". */
export function ClockLine({ label, reading }: { label: string; reading: ClockReading }) {
  const { t, i18n } = useTranslation();
  const days = useDaysLeftText()(reading);
  return (
    <Group gap={6} wrap="wrap" align="center">
      <Text size="sm" fw={600}>
        {t('records.clockLine', { label, date: formatDay(reading.dueOn, i18n.language) })}
      </Text>
      <ClockStatusBadge status={reading.status} size="sm" />
      {days ? (
        <Text size="sm" c={reading.status === ClockStatus.OVERDUE ? 'red.9' : 'dimmed'}>
          {days}
        </Text>
      ) : null}
    </Group>
  );
}

/** Compact form for dense board rows: date over status. */
export function ClockCell({ reading }: { reading: ClockReading }) {
  const { i18n } = useTranslation();
  const days = useDaysLeftText()(reading);
  return (
    <div>
      <Text size="sm">{formatDay(reading.dueOn, i18n.language)}</Text>
      <Group gap={4} wrap="wrap">
        <ClockStatusBadge status={reading.status} size="sm" nowrap />
        {days ? (
          <Text size="xs" c={reading.status === ClockStatus.OVERDUE ? 'red.9' : 'dimmed'}>
            {days}
          </Text>
        ) : null}
      </Group>
    </div>
  );
}
