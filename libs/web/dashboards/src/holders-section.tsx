import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FigureTable } from './figure-table';
import { holderBoardLink } from './links';
import { FigureChart, Section, type SectionProps, useDaysText, usePercent } from './shared';

/** Record holders, slowest first; each one opens its overdue requests on the records board. */
export function HoldersSection({ dashboard }: Pick<SectionProps, 'dashboard'>) {
  const { t } = useTranslation();
  const percent = usePercent();
  const daysText = useDaysText();
  const holders = dashboard.holders;
  const slowest = holders.filter((h) => !h.suppressed && h.medianDays !== null).slice(0, 10);
  return (
    <Section id="dash-holders" title={t('dashboards.holders.heading')} help={t('dashboards.holders.help')}>
      <FigureChart
        title={t('dashboards.holders.slowest')}
        data={slowest.map((h) => ({ label: h.holderName, median: h.medianDays ?? 0, p90: h.p90Days ?? 0 }))}
        series={[
          { name: 'median', label: t('dashboards.holders.median'), color: 'orange.7' },
          { name: 'p90', label: t('dashboards.holders.p90'), color: 'gray.5' },
        ]}
        horizontal
      />
      <FigureTable
        caption={t('dashboards.holders.heading')}
        fileName="record-holders.csv"
        columns={[
          { label: t('dashboards.holders.holder') },
          { label: t('dashboards.holders.sent'), numeric: true },
          { label: t('dashboards.holders.fulfilled'), numeric: true },
          { label: t('dashboards.holders.median'), numeric: true },
          { label: t('dashboards.holders.p90'), numeric: true },
          { label: t('dashboards.holders.pastTarget'), numeric: true },
          { label: t('dashboards.holders.pastLegal'), numeric: true },
          { label: t('dashboards.holders.open'), numeric: true },
          { label: t('dashboards.holders.overdue'), numeric: true },
          { label: t('dashboards.holders.openPastLegal'), numeric: true },
        ]}
        rows={holders.map((h) => ({
          key: h.holderId,
          cells: [
            <Anchor component={Link} to={holderBoardLink(h.holderId)} aria-label={t('dashboards.holders.openOnBoard', { name: h.holderName })}>
              {h.holderName}
            </Anchor>,
            h.sent,
            h.fulfilled,
            daysText(h.medianDays, h.suppressed, h.fulfilled),
            daysText(h.p90Days, h.suppressed, h.fulfilled),
            percent(h.sharePastTarget),
            percent(h.sharePastLegal),
            h.open,
            h.overdue,
            h.openPastLegal,
          ],
          csv: [h.holderName, h.sent, h.fulfilled, h.medianDays, h.p90Days, h.pastTarget, h.pastLegal, h.open, h.overdue, h.openPastLegal],
        }))}
      />
    </Section>
  );
}
