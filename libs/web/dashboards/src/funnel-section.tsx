import { useTranslation } from 'react-i18next';
import { FigureTable } from './figure-table';
import { casesLink } from './links';
import { FigureChart, FigureLink, Section, type SectionProps, usePercent } from './shared';
import { addAreaStrings, enumsWords } from '@second-look/web-i18n';

addAreaStrings(enumsWords);

/** Cases now in each stage, and what came in, moved on and closed early in the period. */
export function FunnelSection({ dashboard, params }: SectionProps) {
  const { t } = useTranslation();
  const percent = usePercent();
  const stage = (s: string) => t(`enums.stage.${s}`);
  const rows = dashboard.funnel;
  return (
    <Section id="dash-funnel" title={t('dashboards.funnel.heading')} help={t('dashboards.funnel.help')}>
      <FigureChart
        title={t('dashboards.funnel.heading')}
        data={rows.filter((r) => r.stage !== 'CLOSED').map((r) => ({ label: stage(r.stage), now: r.now, entered: r.entered }))}
        series={[
          { name: 'now', label: t('dashboards.funnel.now'), color: 'teal.7' },
          { name: 'entered', label: t('dashboards.funnel.entered'), color: 'indigo.4' },
        ]}
      />
      <FigureTable
        caption={t('dashboards.funnel.heading')}
        fileName="stages.csv"
        columns={[
          { label: t('dashboards.funnel.stage') },
          { label: t('dashboards.funnel.now'), numeric: true },
          { label: t('dashboards.funnel.entered'), numeric: true },
          { label: t('dashboards.funnel.left'), numeric: true },
          { label: t('dashboards.funnel.conversion'), numeric: true },
          { label: t('dashboards.funnel.closedEarly'), numeric: true },
        ]}
        rows={rows.map((r) => ({
          key: r.stage,
          cells: [
            stage(r.stage),
            <FigureLink to={casesLink(params, 'STAGE_NOW', r.stage)} value={r.now} />,
            <FigureLink to={casesLink(params, 'STAGE_ENTERED', r.stage)} value={r.entered} />,
            r.left,
            percent(r.conversion),
            <FigureLink to={casesLink(params, 'CLOSED_EARLY', r.stage)} value={r.closedEarly} />,
          ],
          csv: [stage(r.stage), r.now, r.entered, r.left, r.conversion === null ? null : Math.round(r.conversion * 100), r.closedEarly],
        }))}
      />
    </Section>
  );
}
