import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FigureTable } from './figure-table';
import { casesLink } from './links';
import { FigureChart, FigureLink, Section, type SectionProps, usePercent } from './shared';
import { addAreaStrings, appointmentsWords, opinionsWords } from '@second-look/web-i18n';

addAreaStrings(appointmentsWords, opinionsWords);

/** Open cases and record requests per advocate today. */
export function CaseloadSection({ dashboard, params }: SectionProps) {
  const { t } = useTranslation();
  const name = (n: string | null) => n ?? t('dashboards.noAdvocate');
  const rows = dashboard.caseload;
  return (
    <Section id="dash-caseload" title={t('dashboards.caseload.heading')} help={t('dashboards.caseload.help')}>
      <FigureChart
        title={t('dashboards.caseload.heading')}
        data={rows.map((a) => ({ label: name(a.advocateName), cases: a.openCases, overdue: a.overdueRequests }))}
        series={[
          { name: 'cases', label: t('dashboards.caseload.openCases'), color: 'teal.7' },
          { name: 'overdue', label: t('dashboards.caseload.overdueRequests'), color: 'red.7' },
        ]}
        horizontal
      />
      <FigureTable
        caption={t('dashboards.caseload.heading')}
        fileName="caseload.csv"
        columns={[
          { label: t('dashboards.caseload.advocate') },
          { label: t('dashboards.caseload.openCases'), numeric: true },
          { label: t('dashboards.caseload.urgentCases'), numeric: true },
          { label: t('dashboards.caseload.openRequests'), numeric: true },
          { label: t('dashboards.caseload.overdueRequests'), numeric: true },
          { label: t('dashboards.caseload.pastLegalRequests'), numeric: true },
        ]}
        rows={rows.map((a) => ({
          key: a.advocateId ?? 'none',
          cells: [
            name(a.advocateName),
            a.advocateId ? <FigureLink to={casesLink(params, 'ADVOCATE_OPEN', a.advocateId)} value={a.openCases} /> : a.openCases,
            a.urgentCases,
            a.openRequests,
            a.overdueRequests,
            a.pastLegalRequests,
          ],
          csv: [name(a.advocateName), a.openCases, a.urgentCases, a.openRequests, a.overdueRequests, a.pastLegalRequests],
        }))}
      />
    </Section>
  );
}

/** Decisions by outcome, time to decision, and how visits felt, in aggregate. */
export function OutcomesSection({ dashboard, params }: SectionProps) {
  const { t } = useTranslation();
  const percent = usePercent();
  const { decisions, daysToDecision: d, visits, feelings } = dashboard.outcomes;
  const outcome = (k: string) => (k === 'PENDING' ? t('dashboards.outcomes.pending') : t(`opinions.close.outcomeValue.${k}`));
  const feeling = (k: string) => t(`appointments.feelings.feeling.${k}`);
  return (
    <Section id="dash-outcomes" title={t('dashboards.outcomes.heading')} help={t('dashboards.outcomes.help')}>
      <FigureTable
        caption={t('dashboards.outcomes.outcome')}
        fileName="outcomes.csv"
        columns={[{ label: t('dashboards.outcomes.outcome') }, { label: t('dashboards.outcomes.count'), numeric: true }, { label: t('dashboards.outcomes.share'), numeric: true }]}
        rows={decisions.map((o) => ({
          key: o.key,
          cells: [outcome(o.key), <FigureLink to={casesLink(params, 'OUTCOME', o.key)} value={o.count} />, percent(o.share)],
          csv: [outcome(o.key), o.count, o.share === null ? null : Math.round(o.share * 100)],
        }))}
      />
      <Text size="sm">
        {d.count === 0
          ? t('dashboards.none')
          : d.suppressed
            ? t('dashboards.outcomes.daysToDecisionFew', { count: d.count })
            : t('dashboards.outcomes.daysToDecision', { median: d.medianDays, p90: d.p90Days, count: d.count })}
      </Text>
      <FigureChart
        title={t('dashboards.outcomes.feeling')}
        data={feelings.map((f) => ({ label: feeling(f.key), visits: f.count }))}
        series={[{ name: 'visits', label: t('dashboards.outcomes.count'), color: 'grape.6' }]}
        horizontal
      />
      <FigureTable
        caption={`${t('dashboards.outcomes.feeling')} · ${t('dashboards.outcomes.visits', { count: visits })}`}
        fileName="visit-feelings.csv"
        columns={[{ label: t('dashboards.outcomes.feeling') }, { label: t('dashboards.outcomes.count'), numeric: true }, { label: t('dashboards.outcomes.share'), numeric: true }]}
        rows={feelings.map((f) => ({ key: f.key, cells: [feeling(f.key), f.count, percent(f.share)], csv: [feeling(f.key), f.count, f.share === null ? null : Math.round(f.share * 100)] }))}
      />
    </Section>
  );
}
