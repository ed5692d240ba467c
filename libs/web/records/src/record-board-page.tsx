import { Anchor, Badge, Button, Collapse, Group, Paper, Select, SimpleGrid, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { ClockStatus, Urgency } from '@second-look/domain';
import { ErrorAlert, Loading, PageTitle, QueryErrorState, formatDay, PreferredLanguageBadge, useProgressiveCount } from '@second-look/web-ui';
import { RecordBoardQuery, RecordHoldersQuery, type BoardRecordRequest, type PageInfo, type RecordBoardFilter, type RecordBoardSort } from '@second-look/contracts/graphql';
import { ClockCell, ClockLine, ClockStatusBadge } from './clock-badge';
import { holderLabel } from './holder-select';
import { BOARD_SORTS, CLOCK_COLOR, CLOCK_SYMBOL, itemName, OPEN_STATUSES } from './labels';
import { FollowUpLetterLink } from './follow-up-letter-link';
import { RequestActions } from './request-actions';
import { useStaffMembers } from './use-staff-members';
import { addAreaStrings, casesWords, enumsWords, recordsWords } from '@second-look/web-i18n';

addAreaStrings(casesWords, enumsWords, recordsWords);

const PAGE_SIZE = 25;
/** Cards (or rows) drawn with a page at once, then how many more per transition. */
const FIRST_CARDS = 6;
const CARD_STEP = 4;

function ItemsSummary({ request }: { request: BoardRecordRequest }) {
  const { t } = useTranslation();
  const received = request.items.filter((i) => i.receivedOn).length;
  return (
    <div>
      <Text size="sm">{request.items.map((i) => (i.packetItem ? itemName(t, i.packetItem) : t('records.itemRemoved'))).join(', ')}</Text>
      <Text size="xs" c="dimmed">
        {t('records.itemsReceivedOf', { received, total: request.items.length })}
      </Text>
    </div>
  );
}

function PatientLink({ request }: { request: BoardRecordRequest }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Anchor component={Link} to={`/cases/${request.case.id}`} fw={600} className="sl-small-target">
        {request.case.patientName}
      </Anchor>
      {request.case.urgency === Urgency.URGENT ? (
        <Badge color="red" variant="filled" size="sm">
          {t('records.urgent')}
        </Badge>
      ) : null}
      <PreferredLanguageBadge language={request.case.preferredLanguage} size="sm" />
    </Group>
  );
}

function BoardRow({ request }: { request: BoardRecordRequest }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td>
        <PatientLink request={request} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{request.holder.name}</Text>
      </Table.Td>
      <Table.Td>
        <ItemsSummary request={request} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t('records.age', { count: request.ageDays })}</Text>
      </Table.Td>
      <Table.Td>
        <ClockCell reading={request.target} />
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <ClockCell reading={request.legal} />
          <FollowUpLetterLink request={request} />
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{request.case.leadAdvocate?.displayName ?? t('records.noLead')}</Text>
      </Table.Td>
      <Table.Td>
        <RequestActions request={request} compact />
      </Table.Td>
    </Table.Tr>
  );
}

function BoardCard({ request }: { request: BoardRecordRequest }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <PatientLink request={request} />
          <ClockStatusBadge status={request.overall} />
        </Group>
        <Text size="sm" fw={500}>
          {t('records.requestTo', { holder: request.holder.name })}
        </Text>
        <ItemsSummary request={request} />
        <Text size="sm">
          {t('records.age', { count: request.ageDays })} · {request.case.leadAdvocate?.displayName ?? t('records.noLead')}
        </Text>
        <ClockLine label={t('records.planTarget')} reading={request.target} />
        <ClockLine label={t('records.legalDue')} reading={request.legal} />
        <FollowUpLetterLink request={request} />
        <RequestActions request={request} compact />
      </Stack>
    </Paper>
  );
}

/** One page of open requests (pages chained by cursor, as on the case list). */
function BoardPage(props: { filter: RecordBoardFilter; sort: RecordBoardSort; after: string | null; table: boolean; onPageInfo: (after: string | null, info: PageInfo) => void }) {
  const [result, reexecute] = useQuery({
    query: RecordBoardQuery,
    variables: { filter: props.filter, sort: props.sort, first: PAGE_SIZE, after: props.after },
    // The first page is the board's own query (RecordBoardPage keeps it fresh): read it from the
    // cache, never ask the server for the same fifty requests a second time.
    requestPolicy: props.after ? 'cache-and-network' : 'cache-first',
  });
  const conn = result.data?.recordBoard.requests;
  const { onPageInfo, after } = props;
  useEffect(() => {
    if (conn) onPageInfo(after, conn.pageInfo);
  }, [conn, after, onPageInfo]);
  // A few cards at once, the rest a few at a time in transitions (useProgressiveCount).
  const [drawn] = useProgressiveCount(conn?.nodes.length ?? 0, FIRST_CARDS, Boolean(conn), CARD_STEP);
  const retry = () => reexecute({ requestPolicy: 'network-only' });
  if (!conn) {
    if (result.error && props.after) {
      const alert = <ErrorAlert error={result.error} onRetry={retry} />;
      return props.table ? (
        <Table.Tr>
          <Table.Td colSpan={8}>{alert}</Table.Td>
        </Table.Tr>
      ) : (
        <li>{alert}</li>
      );
    }
    return null;
  }
  return (
    <>
      {conn.nodes.slice(0, drawn).map((r) =>
        props.table ? (
          <BoardRow key={r.id} request={r} />
        ) : (
          <li key={r.id}>
            <BoardCard request={r} />
          </li>
        ),
      )}
    </>
  );
}

function CountTile({ label, value, status }: { label: string; value: number; status?: ClockStatus }) {
  return (
    <Paper withBorder p="sm" radius="md" style={status ? { borderLeft: `6px solid var(--mantine-color-${CLOCK_COLOR[status]}-7)` } : undefined}>
      <Text size="sm" fw={600}>
        {status ? <span aria-hidden>{CLOCK_SYMBOL[status]} </span> : null}
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {value}
      </Text>
    </Paper>
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const boardStatusParam = (value: string | null): ClockStatus | null =>
  value && (Object.values(ClockStatus) as string[]).includes(value) && value !== ClockStatus.DONE ? (value as ClockStatus) : null;

/** The coordinator's screen: every open record request of the organization, on both clocks. */
export function RecordBoardPage() {
  const { t, i18n } = useTranslation();
  const staff = useStaffMembers();
  const [holdersResult] = useQuery({ query: RecordHoldersQuery, variables: { search: null } });
  const holders = holdersResult.data?.recordHolders ?? [];
  const [advocateId, setAdvocateId] = useState<string | null>(null);
  const [urgency, setUrgency] = useState<Urgency | null>(null);
  // A link may open the board already filtered (the dashboard's slow holders: ?holder=…&status=OVERDUE).
  const [search] = useSearchParams();
  const [status, setStatus] = useState<ClockStatus | null>(() => boardStatusParam(search.get('status')));
  const [holderId, setHolderId] = useState<string | null>(() => (UUID.test(search.get('holder') ?? '') ? search.get('holder') : null));
  const [sort, setSort] = useState<RecordBoardSort>('LEGAL_DUE_ON');
  const filter = useMemo<RecordBoardFilter>(() => ({ leadAdvocateId: advocateId, urgency, status, holderId }), [advocateId, urgency, status, holderId]);
  const activeFilters = [advocateId, urgency, status, holderId].filter(Boolean).length;

  // Counts, groups and the total come with the first page (the same operation, sent once).
  const [first, reexecute] = useQuery({
    query: RecordBoardQuery,
    variables: { filter, sort, first: PAGE_SIZE, after: null },
    requestPolicy: 'cache-and-network',
  });
  const queryKey = JSON.stringify([filter, sort]);
  const [paging, setPaging] = useState<{ key: string; cursors: Array<string | null> }>({ key: queryKey, cursors: [null] });
  const cursors = paging.key === queryKey ? paging.cursors : [null];
  const [infos, setInfos] = useState<{ key: string; byAfter: Record<string, PageInfo> }>({ key: queryKey, byAfter: {} });
  const onPageInfo = useCallback(
    (after: string | null, info: PageInfo) =>
      setInfos((prev) => {
        const base = prev.key === queryKey ? prev.byAfter : {};
        return { key: queryKey, byAfter: { ...base, [after ?? '']: info } };
      }),
    [queryKey],
  );
  const lastAfter = cursors[cursors.length - 1];
  const lastInfo = infos.key === queryKey ? infos.byAfter[lastAfter ?? ''] : undefined;

  const table = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);

  // The title and what the board is for are drawn at once, with the loader under them; the rest
  // comes with the board's answer, drawn below them in a task of its own, so nothing shown moves.
  const header = (
    <Stack gap={4}>
      <Group justify="space-between" align="center">
        <PageTitle title={t('records.boardTitle')}>{t('records.boardTitle')}</PageTitle>
        <Button component={Link} to="/records/holders" variant="outline">
          {t('nav.recordHolders')}
        </Button>
      </Group>
      <Text c="dimmed">{t('records.boardIntro')}</Text>
    </Stack>
  );
  const board = first.data?.recordBoard;
  if (!board && first.fetching) {
    return (
      <Stack gap="lg">
        {header}
        <Loading />
      </Stack>
    );
  }
  if (!board && first.error) return <QueryErrorState error={first.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!board) return null;
  const total = board.requests.totalCount;

  const byHolder = (
    <section aria-labelledby="board-holders-heading">
      <Text id="board-holders-heading" component="h2" fw={600} mb="xs">
        {t('records.byHolderHeading')}
      </Text>
      {board.byHolder.length ? (
        <SimpleGrid component="ul" cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {board.byHolder.map((g) => (
            <li key={g.holder.id}>
              <Paper withBorder p="sm" radius="md" h="100%">
                <Stack gap={4}>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {holderLabel(g.holder)}
                  </Text>
                  <Text size="sm">{t('records.holderGroupLine', { open: g.open, atRisk: g.atRisk, overdue: g.overdue, oldest: formatDay(g.oldestSentOn, i18n.language) })}</Text>
                  {holderId !== g.holder.id ? (
                    <div>
                      <Button variant="subtle" size="xs" px={4} onClick={() => setHolderId(g.holder.id)}>
                        {t('records.showOnlyHolder', { name: g.holder.name })}
                      </Button>
                    </div>
                  ) : null}
                </Stack>
              </Paper>
            </li>
          ))}
        </SimpleGrid>
      ) : (
        <Text>{t('records.byHolderEmpty')}</Text>
      )}
    </section>
  );
  const pages = cursors.map((after) => <BoardPage key={after ?? 'first'} filter={filter} sort={sort} after={after} table={!!table} onPageInfo={onPageInfo} />);

  return (
    <Stack gap="lg">
      {header}

      <section aria-labelledby="board-counts-heading">
        <Text id="board-counts-heading" component="h2" fw={600} mb="xs">
          {t('records.countsHeading', { today: formatDay(board.today, i18n.language) })}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" aria-live="polite">
          <CountTile label={t('records.countOpen')} value={board.counts.open} />
          <CountTile label={t('records.countOnTrack')} value={board.counts.onTrack} status={ClockStatus.ON_TRACK} />
          <CountTile label={t('records.countAtRisk')} value={board.counts.atRisk} status={ClockStatus.AT_RISK} />
          <CountTile label={t('records.countOverdue')} value={board.counts.overdue} status={ClockStatus.OVERDUE} />
        </SimpleGrid>
      </section>

      <section aria-labelledby="board-filters-heading">
        {wide ? (
          <Text id="board-filters-heading" component="h2" fw={600} mb="xs">
            {t('cases.filters')}
          </Text>
        ) : (
          <Text component="h2" id="board-filters-heading" mb="xs">
            <UnstyledButton onClick={toggleFilters} aria-expanded={filtersOpen} aria-controls="board-filters" fw={600} c="blue.9" py={6}>
              {activeFilters ? t('cases.filtersActive', { count: activeFilters }) : t('cases.filters')} <span aria-hidden>{filtersOpen ? '▴' : '▾'}</span>
            </UnstyledButton>
          </Text>
        )}
        <Collapse expanded={!!wide || filtersOpen} id="board-filters">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
            <Select
              label={t('records.filterAdvocate')}
              data={[{ value: '', label: t('records.anyAdvocate') }, ...staff.map((m) => ({ value: m.id, label: m.displayName }))]}
              value={advocateId ?? ''}
              onChange={(v) => setAdvocateId(v || null)}
              allowDeselect={false}
              searchable
            />
            <Select
              label={t('records.filterUrgency')}
              data={[{ value: '', label: t('records.anyUrgency') }, ...[Urgency.ROUTINE, Urgency.URGENT].map((u) => ({ value: u, label: t(`enums.urgency.${u}`) }))]}
              value={urgency ?? ''}
              onChange={(v) => setUrgency((v || null) as Urgency | null)}
              allowDeselect={false}
            />
            <Select
              label={t('records.filterStatus')}
              data={[{ value: '', label: t('records.anyStatus') }, ...OPEN_STATUSES.map((s) => ({ value: s, label: t(`enums.clockStatus.${s}`) }))]}
              value={status ?? ''}
              onChange={(v) => setStatus((v || null) as ClockStatus | null)}
              allowDeselect={false}
            />
            <Select
              label={t('records.filterHolder')}
              data={[{ value: '', label: t('records.anyHolder') }, ...holders.map((h) => ({ value: h.id, label: holderLabel(h) }))]}
              value={holderId ?? ''}
              onChange={(v) => setHolderId(v || null)}
              allowDeselect={false}
              searchable
            />
            <Select
              label={t('records.sort')}
              data={BOARD_SORTS.map((s) => ({ value: s, label: t(`enums.boardSort.${s}`) }))}
              value={sort}
              onChange={(v) => v && setSort(v as RecordBoardSort)}
              allowDeselect={false}
            />
          </SimpleGrid>
        </Collapse>
      </section>

      {/* Dense screens show where requests pile up first; on a phone the list itself comes first. */}
      {table ? byHolder : null}
      <section aria-labelledby="board-requests-heading">
        <Text id="board-requests-heading" component="h2" fw={600} mb="xs" aria-live="polite">
          {t('records.requestsCount', { count: total })}
        </Text>
        {total === 0 ? <Text>{activeFilters ? t('records.boardEmpty') : t('records.boardEmptyNoFilters')}</Text> : null}
        {total > 0 && table ? (
          <Table.ScrollContainer minWidth={960}>
            <Table verticalSpacing="sm" striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('records.colPatient')}</Table.Th>
                  <Table.Th scope="col">{t('records.colHolder')}</Table.Th>
                  <Table.Th scope="col">{t('records.colItems')}</Table.Th>
                  <Table.Th scope="col">{t('records.colAge')}</Table.Th>
                  <Table.Th scope="col" miw={130}>
                    {t('records.colTarget')}
                  </Table.Th>
                  <Table.Th scope="col" miw={130}>
                    {t('records.colLegal')}
                  </Table.Th>
                  <Table.Th scope="col">{t('records.colLead')}</Table.Th>
                  <Table.Th scope="col">{t('records.colActions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>{pages}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        {total > 0 && !table ? (
          <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {pages}
          </Stack>
        ) : null}
        {lastInfo?.hasNextPage && lastInfo.endCursor ? (
          <Group justify="center" py="sm">
            <Button variant="outline" onClick={() => setPaging({ key: queryKey, cursors: [...cursors, lastInfo.endCursor as string] })}>
              {t('common.loadMore')}
            </Button>
          </Group>
        ) : null}
      </section>
      {table ? null : byHolder}
    </Stack>
  );
}
