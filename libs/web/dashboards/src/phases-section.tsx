import { Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FigureTable } from './figure-table';
import { casesLink } from './links';
import { FigureChart, FigureLink, Section, type SectionProps, useDaysText, usePercent } from './shared';
import { addAreaStrings, enumsWords } from '@second-look/web-i18n';

addAreaStrings(enumsWords);

/** Median and 90th-percentile days per phase against target; routine and urgent apart; per advocate. */
export function PhasesSection({ dashboard, params }: SectionProps) {
  const { t } = useTranslation();
  const percent = usePercent();
  const daysText = useDaysText();
  const phaseName = (p: string) => t(`dashboards.phases.phaseName.${p}`);
  const group = (u: string | null) => (u ? t(`enums.urgency.${u}`) : t('dashboards.phases.groupAll'));
  const { phases, byAdvocate } = dashboard.phases;
  const all = phases.filter((p) => p.urgency === null);
  return (
    <Section id="dash-phases" title={t('dashboards.phases.heading')} help={t('dashboards.phases.help')}>
      <FigureChart
        title={t('dashboards.phases.heading')}
        data={phases
          .filter((p) => p.urgency !== null && !p.suppressed && p.count > 0)
          .map((p) => ({ label: `${phaseName(p.phase)} · ${group(p.urgency)}`, median: p.medianDays ?? 0, target: p.targetDays ?? 0 }))}
        series={[
          { name: 'median', label: t('dashboards.phases.median'), color: 'indigo.6' },
          { name: 'target', label: t('dashboards.phases.target'), color: 'gray.5' },
        ]}
        horizontal
      />
      <FigureTable
        caption={t('dashboards.phases.heading')}
        fileName="phases.csv"
        columns={[
          { label: t('dashboards.phases.phase') },
          { label: t('dashboards.phases.group') },
          { label: t('dashboards.phases.count'), numeric: true },
          { label: t('dashboards.phases.median'), numeric: true },
          { label: t('dashboards.phases.p90'), numeric: true },
          { label: t('dashboards.phases.target'), numeric: true },
          { label: t('dashboards.phases.overTarget'), numeric: true },
        ]}
        rows={phases.map((p) => ({
          key: `${p.phase}-${p.urgency ?? 'ALL'}`,
          cells: [
            phaseName(p.phase),
            group(p.urgency),
            p.urgency === null ? <FigureLink to={casesLink(params, 'PHASE_DONE', p.phase)} value={p.count} /> : p.count,
            daysText(p.medianDays, p.suppressed, p.count),
            daysText(p.p90Days, p.suppressed, p.count),
            p.targetDays ?? '—',
            percent(p.shareOverTarget),
          ],
          csv: [phaseName(p.phase), group(p.urgency), p.count, p.medianDays, p.p90Days, p.targetDays, p.shareOverTarget === null ? null : Math.round(p.shareOverTarget * 100)],
        }))}
      />
      {all.some((p) => p.suppressed) ? (
        <Text size="sm" c="dimmed">
          {t('dashboards.withheldHelp')}
        </Text>
      ) : null}
      {byAdvocate.length > 0 ? (
        <>
          <Title order={3} size="h4">
            {t('dashboards.phases.byAdvocate')}
          </Title>
          <FigureTable
            caption={t('dashboards.phases.byAdvocate')}
            fileName="phases-by-advocate.csv"
            columns={[
              { label: t('dashboards.phases.advocate') },
              { label: t('dashboards.phases.phase') },
              { label: t('dashboards.phases.count'), numeric: true },
              { label: t('dashboards.phases.median'), numeric: true },
              { label: t('dashboards.phases.p90'), numeric: true },
              { label: t('dashboards.phases.overTarget'), numeric: true },
            ]}
            rows={byAdvocate.map((p) => ({
              key: `${p.advocateId ?? 'none'}-${p.phase}`,
              cells: [
                p.advocateName ?? t('dashboards.noAdvocate'),
                phaseName(p.phase),
                p.count,
                daysText(p.medianDays, p.suppressed, p.count),
                daysText(p.p90Days, p.suppressed, p.count),
                percent(p.shareOverTarget),
              ],
              csv: [p.advocateName ?? t('dashboards.noAdvocate'), phaseName(p.phase), p.count, p.medianDays, p.p90Days, p.shareOverTarget === null ? null : Math.round(p.shareOverTarget * 100)],
            }))}
          />
        </>
      ) : null}
    </Section>
  );
}
