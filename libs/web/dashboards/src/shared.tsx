import { Anchor } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import type { DashboardQueryData } from '@second-look/contracts/graphql';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Panel } from '@second-look/web-ui';
import type { DashboardParams } from './links';

export type Dashboard = DashboardQueryData['dashboard'];

export interface SectionProps {
  readonly dashboard: Dashboard;
  readonly params: DashboardParams;
}

/** A number that opens the list of cases behind it (plain text when there is nothing behind it). */
export function FigureLink({ to, value, label }: { to: string; value: number; label?: string }) {
  if (value === 0) return <>{value}</>;
  return (
    <Anchor component={Link} to={to} aria-label={label} className="sl-small-target">
      {value}
    </Anchor>
  );
}

/** A share as a whole percent, or a dash when there is no whole. */
export function usePercent(): (share: number | null | undefined) => string {
  const { t } = useTranslation();
  return (share) => (share === null || share === undefined ? '—' : t('dashboards.percent', { value: Math.round(share * 100) }));
}

/** Median and 90th percentile, or "fewer than 5" when withheld. */
export function useDaysText(): (days: number | null, suppressed: boolean, count: number) => string {
  const { t } = useTranslation();
  return (days, suppressed, count) => (suppressed ? t('dashboards.withheld') : count === 0 || days === null ? '—' : String(days));
}

export function Section({ id, title, help, children }: { id: string; title: string; help: string; children: ReactNode }) {
  return (
    <Panel headingId={id} title={title} intro={help} padding={{ base: 'sm', sm: 'md' }}>
      {children}
    </Panel>
  );
}

/**
 * A bar chart of one or two series. The chart is a picture of the table next to it, so it is
 * described in one sentence for screen readers and the table carries the figures.
 */
export function FigureChart({
  title,
  data,
  series,
  horizontal,
}: {
  title: string;
  data: Array<Record<string, string | number>>;
  series: Array<{ name: string; label: string; color: string }>;
  horizontal?: boolean;
}) {
  const { t } = useTranslation();
  if (data.length === 0) return null;
  return (
    <div role="img" aria-label={t('dashboards.table.chartLabel', { title })}>
      <BarChart
        h={horizontal ? Math.max(160, data.length * 34) : 240}
        data={data}
        dataKey="label"
        series={series}
        orientation={horizontal ? 'vertical' : 'horizontal'}
        yAxisProps={horizontal ? { width: 150 } : undefined}
        withLegend={series.length > 1}
        tickLine="none"
        gridAxis={horizontal ? 'x' : 'y'}
      />
    </div>
  );
}
