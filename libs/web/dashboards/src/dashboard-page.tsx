import '@mantine/charts/styles.css';
import { Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { CASE_STAGE_ORDER, type CaseStage, Role } from '@second-look/domain';
import { DashboardQuery, MembersQuery } from '@second-look/contracts/graphql';
import { useViewer } from '@second-look/web-auth';
import { Loading, PageTitle, QueryErrorState, formatDateTime } from '@second-look/web-ui';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { CaseloadSection, OutcomesSection } from './caseload-outcomes';
import { FunnelSection } from './funnel-section';
import { HoldersSection } from './holders-section';
import { type DashboardParams, PERIODS, periodMonths, readParams, writeParams } from './links';
import { PhasesSection } from './phases-section';
import { registerDashboardStrings } from './strings';
import { addAreaStrings, enumsWords } from '@second-look/web-i18n';

addAreaStrings(enumsWords);

registerDashboardStrings();

/** The organization's dashboard (staff; an advocate sees their own cases' figures). */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const [search, setSearch] = useSearchParams();
  const params = readParams(search);
  const advocateView = viewer.role === Role.ADVOCATE;
  // The organization's today comes with the first answer; periods are months ending in it.
  const today = useRef<string | null>(null);
  const filter = useMemo(
    () => ({ ...periodMonths(params.period, today.current), advocateId: params.advocate, urgency: params.urgency, stage: params.stage }),
    [params.period, params.advocate, params.urgency, params.stage],
  );
  const [result, reexecute] = useQuery({ query: DashboardQuery, variables: { filter }, requestPolicy: 'cache-and-network' });
  const [members] = useQuery({ query: MembersQuery, variables: {}, pause: advocateView });
  const dashboard = result.data?.dashboard;
  if (dashboard) today.current = dashboard.today;
  const set = (change: Partial<DashboardParams>) => setSearch(writeParams({ ...params, ...change }), { replace: true });
  const withMonths: DashboardParams = dashboard ? { ...params, months: dashboard.period } : params;
  const advocates = (members.data?.members ?? []).filter((m) => m.role === Role.ADVOCATE || m.role === Role.COORDINATOR || m.role === Role.ADMIN);

  return (
    <Stack gap="lg">
      <div>
        <PageTitle title={t('dashboards.title')}>{t('dashboards.title')}</PageTitle>
        <Text c="dimmed">{advocateView ? t('dashboards.introAdvocate') : t('dashboards.intro')}</Text>
      </div>
      <section aria-labelledby="dash-filters">
        <Text component="h2" id="dash-filters" fw={600} mb="xs">
          {t('dashboards.filters.heading')}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <Select
            label={t('dashboards.filters.period')}
            data={PERIODS.map((p) => ({ value: p, label: t(`dashboards.filters.periodValue.${p}`) }))}
            value={params.period}
            onChange={(v) => set({ period: (v as DashboardParams['period']) ?? 'LAST_3' })}
            allowDeselect={false}
          />
          {advocateView ? null : (
            <Select
              label={t('dashboards.filters.advocate')}
              data={[{ value: '', label: t('dashboards.filters.advocateAll') }, ...advocates.map((m) => ({ value: m.id, label: m.displayName }))]}
              value={params.advocate ?? ''}
              onChange={(v) => set({ advocate: v || null })}
              allowDeselect={false}
              searchable
            />
          )}
          <Select
            label={t('dashboards.filters.urgency')}
            data={[{ value: '', label: t('dashboards.filters.urgencyAll') }, ...['ROUTINE', 'URGENT'].map((u) => ({ value: u, label: t(`enums.urgency.${u}`) }))]}
            value={params.urgency ?? ''}
            onChange={(v) => set({ urgency: (v || null) as DashboardParams['urgency'] })}
            allowDeselect={false}
          />
          <Select
            label={t('dashboards.filters.stage')}
            data={[{ value: '', label: t('dashboards.filters.stageAll') }, ...CASE_STAGE_ORDER.map((s) => ({ value: s, label: t(`enums.stage.${s}`) }))]}
            value={params.stage ?? ''}
            onChange={(v) => set({ stage: (v || null) as CaseStage | null })}
            allowDeselect={false}
          />
        </SimpleGrid>
      </section>
      {result.error && !dashboard ? <QueryErrorState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
      {!dashboard ? (
        result.error ? null : (
          <Loading />
        )
      ) : (
        <>
          <Text size="sm" c="dimmed" role="status">
            {t('dashboards.filters.showing', { from: dashboard.period.fromMonth, to: dashboard.period.toMonth })} ·{' '}
            {t('dashboards.asOf', { time: formatDateTime(dashboard.asOf, i18n.language, dashboard.timeZone), zone: dashboard.timeZone })}
          </Text>
          <FunnelSection dashboard={dashboard} params={withMonths} />
          <PhasesSection dashboard={dashboard} params={withMonths} />
          <HoldersSection dashboard={dashboard} />
          <CaseloadSection dashboard={dashboard} params={withMonths} />
          <OutcomesSection dashboard={dashboard} params={withMonths} />
        </>
      )}
    </Stack>
  );
}
