import { Button, Collapse, Group, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { CaseStage, normalizeSearchQuery, Role, SEARCH_MAX_LENGTH, Urgency } from '@second-look/domain';
import { useViewer } from '@second-look/web-auth';
import { ErrorAlert, Loading, PageTitle, QueryErrorState } from '@second-look/web-ui';
import { CasesQuery, type CaseFilter, type CaseListScope, type CaseSort, type CaseSortField, type SortDirection } from '@second-look/contracts/graphql';
import { CaseCard } from './case-card';
import { STAGES, URGENCIES } from './labels';
import { useStaff } from './use-staff';
import { addAreaStrings, casesWords, enumsWords } from '@second-look/web-i18n';

addAreaStrings(casesWords, enumsWords);

const PAGE_SIZE = 20;
const SORT_FIELDS: CaseSortField[] = ['UPDATED_AT', 'CREATED_AT', 'PATIENT_NAME', 'URGENCY', 'STAGE'];
const DIRECTIONS: SortDirection[] = ['DESC', 'ASC'];
/** Next due is offered soonest first only (cases with nothing due come last). */
const SORT_OPTIONS = [...SORT_FIELDS.flatMap((f) => DIRECTIONS.map((d) => `${f}:${d}`)), 'NEXT_DUE:ASC'];
/** How long the name box waits after the last key before it asks. */
const NAME_DEBOUNCE_MS = 300;

/**
 * One page of results. Pages are separate queries chained by cursor (urql's suggested
 * "load more" pattern), so each stays a plain normalized cache entry.
 */
function CasesPage(props: { filter: CaseFilter; sort: CaseSort; after: string | null; isLast: boolean; timeZone: string; onLoadMore: (cursor: string) => void; onTotal?: (total: number) => void }) {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({
    query: CasesQuery,
    variables: { filter: props.filter, sort: props.sort, first: PAGE_SIZE, after: props.after },
    requestPolicy: 'cache-and-network',
  });
  const total = result.data?.cases.totalCount;
  const { onTotal } = props;
  useEffect(() => {
    if (onTotal && total !== undefined) onTotal(total);
  }, [onTotal, total]);

  // Each page renders inside the list: whatever it shows must be list items (axe: list).
  if (result.fetching && !result.data)
    return (
      <li>
        <Loading />
      </li>
    );
  if (result.error && !result.data) {
    return (
      <li>
        {props.after === null ? (
          <QueryErrorState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        ) : (
          <ErrorAlert error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        )}
      </li>
    );
  }
  const conn = result.data?.cases;
  if (!conn) return null;
  return (
    <>
      {conn.nodes.map((item) => (
        <li key={item.id}>
          <CaseCard item={item} timeZone={props.timeZone} />
        </li>
      ))}
      {props.isLast && conn.pageInfo.hasNextPage && conn.pageInfo.endCursor ? (
        <li>
          <Group justify="center" py="sm">
            <Button variant="outline" onClick={() => props.onLoadMore(conn.pageInfo.endCursor as string)}>
              {t('common.loadMore')}
            </Button>
          </Group>
        </li>
      ) : null}
    </>
  );
}

export function CaseListPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const isAdvocate = viewer.role === Role.ADVOCATE;
  const { staff } = useStaff();

  const [stages, setStages] = useState<CaseStage[]>([]);
  const [urgency, setUrgency] = useState<Urgency | null>(null);
  const [advocateId, setAdvocateId] = useState<string | null>(null);
  const [scope, setScope] = useState<CaseListScope>(isAdvocate ? 'MINE' : 'ORGANIZATION');
  const [sortKey, setSortKey] = useState('UPDATED_AT:DESC');
  const [name, setName] = useState('');
  // Asked once the typing stops; fewer than two letters asks for no name, as the API reads it.
  // (A timer of its own: Mantine's debounce hook is a chunk more on this first screen.)
  const [patientName, setPatientName] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setPatientName(normalizeSearchQuery(name)), NAME_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [name]);

  const filter = useMemo<CaseFilter>(
    () => ({
      stages: stages.length ? stages : null,
      urgency,
      leadAdvocateId: advocateId,
      scope: isAdvocate ? scope : null,
      patientName,
    }),
    [stages, urgency, advocateId, scope, isAdvocate, patientName],
  );
  const sort = useMemo<CaseSort>(() => {
    const [field, direction] = sortKey.split(':') as [CaseSortField, SortDirection];
    return { field, direction };
  }, [sortKey]);
  // Any change to what we ask for starts again from the first page (state keyed by the question).
  const queryKey = JSON.stringify([filter, sort]);
  const [paging, setPaging] = useState<{ key: string; cursors: Array<string | null> }>({ key: queryKey, cursors: [null] });
  const [counted, setCounted] = useState<{ key: string; total: number } | null>(null);
  const cursors = paging.key === queryKey ? paging.cursors : [null];
  const total = counted && counted.key === queryKey ? counted.total : null;
  const onTotal = useCallback((n: number) => setCounted({ key: queryKey, total: n }), [queryKey]);

  const activeFilters = (stages.length ? 1 : 0) + (urgency ? 1 : 0) + (advocateId ? 1 : 0);
  const filtered = activeFilters > 0 || patientName !== null;
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);
  const shown = Math.min(cursors.length * PAGE_SIZE, total ?? 0);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center">
        <PageTitle title={t('cases.listTitle')}>{t('cases.listTitle')}</PageTitle>
        <Button component={Link} to="/cases/new">
          {t('cases.newCase')}
        </Button>
      </Group>

      {isAdvocate ? (
        <div role="group" aria-labelledby="case-scope-label">
          <Text id="case-scope-label" size="sm" fw={500} mb={4}>
            {t('cases.scope')}
          </Text>
          <SegmentedControl
            value={scope}
            onChange={(v) => setScope(v as CaseListScope)}
            data={[
              { value: 'MINE', label: t('cases.scopeMine') },
              { value: 'ORGANIZATION', label: t('cases.scopeOrganization') },
            ]}
            fullWidth
            maw={420}
          />
        </div>
      ) : null}

      {/* Outside the folded filters: on a phone too, a name is the quickest way to a case. */}
      <TextInput
        label={t('cases.nameFilter')}
        placeholder={t('cases.nameFilterPlaceholder')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        maxLength={SEARCH_MAX_LENGTH}
        type="search"
        autoComplete="off"
        maw={{ sm: 420 }}
      />

      <section aria-labelledby="case-filters-heading">
        {wide ? (
          <Text id="case-filters-heading" component="h2" fw={600} mb="xs">
            {t('cases.filters')}
          </Text>
        ) : (
          // On a phone the filters fold away so the cases come first.
          <Text component="h2" id="case-filters-heading" mb="xs">
            <UnstyledButton onClick={toggleFilters} aria-expanded={filtersOpen} aria-controls="case-filters" fw={600} c="blue.9" py={6}>
              {activeFilters ? t('cases.filtersActive', { count: activeFilters }) : t('cases.filters')} <span aria-hidden>{filtersOpen ? '▴' : '▾'}</span>
            </UnstyledButton>
          </Text>
        )}
        <Collapse expanded={wide || filtersOpen} id="case-filters">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
              <MultiSelect
                label={t('cases.stageFilter')}
                placeholder={stages.length ? undefined : t('cases.stageFilterPlaceholder')}
                data={STAGES.map((s) => ({ value: s, label: t(`enums.stage.${s}`) }))}
                value={stages}
                onChange={(v) => setStages(v as CaseStage[])}
                clearable
                clearButtonProps={{ 'aria-label': t('common.clear') }}
              />
              <Select
                label={t('cases.urgencyFilter')}
                data={[{ value: '', label: t('cases.anyUrgency') }, ...URGENCIES.map((u) => ({ value: u, label: t(`enums.urgency.${u}`) }))]}
                value={urgency ?? ''}
                onChange={(v) => setUrgency((v || null) as Urgency | null)}
                allowDeselect={false}
              />
              <Select
                label={t('cases.advocateFilter')}
                data={[{ value: '', label: t('cases.anyAdvocate') }, ...staff.map((m) => ({ value: m.id, label: m.displayName }))]}
                value={advocateId ?? ''}
                onChange={(v) => setAdvocateId(v || null)}
                allowDeselect={false}
                searchable
              />
              <Select
                label={t('cases.sort')}
                data={SORT_OPTIONS.map((value) => ({ value, label: t(`enums.sortOption.${value.replace(':', '_')}`) }))}
                value={sortKey}
                onChange={(v) => v && setSortKey(v)}
                allowDeselect={false}
              />
            </SimpleGrid>
          </Stack>
        </Collapse>
      </section>

      <section aria-labelledby="case-results-heading">
        <Group justify="space-between" mb="xs">
          <Text id="case-results-heading" component="h2" fw={600} aria-live="polite">
            {total === null ? t('app.loading') : t('cases.count', { count: total })}
          </Text>
          {total !== null && total > 0 ? (
            <Text size="sm" c="dimmed">
              {t('cases.showing', { shown, total })}
            </Text>
          ) : null}
        </Group>
        {total === 0 ? <Text>{filtered ? t('cases.empty') : t('cases.emptyNoFilters')}</Text> : null}
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {cursors.map((after, i) => (
            <CasesPage
              key={after ?? 'first'}
              filter={filter}
              sort={sort}
              after={after}
              isLast={i === cursors.length - 1}
              timeZone={viewer.organization.timeZone}
              onLoadMore={(c) => setPaging({ key: queryKey, cursors: [...cursors, c] })}
              onTotal={i === 0 ? onTotal : undefined}
            />
          ))}
        </Stack>
      </section>
    </Stack>
  );
}
