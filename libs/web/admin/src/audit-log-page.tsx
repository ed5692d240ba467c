import { Anchor, Button, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { addSecurityAccountStrings, useViewer } from '@second-look/web-auth';
import { ErrorAlert, Loading, PageTitle, QueryErrorState, formatDateTime } from '@second-look/web-ui';
import { AuditEventsQuery, MembersQuery, type AuditFilter, type PageInfo } from '@second-look/contracts/graphql';
import { addAreaStrings, adminWords, casesWords } from '@second-look/web-i18n';

addAreaStrings(adminWords, casesWords);

addSecurityAccountStrings();

const PAGE_SIZE = 50;

function AuditPage(props: { filter: AuditFilter; after: string | null; timeZone: string; onPageInfo?: (info: PageInfo) => void; onCount: (n: number) => void }) {
  const { t, i18n } = useTranslation();
  // Action names contain dots, which i18next reads as nesting: look them up in the map.
  const labels = {
    ...(t('admin.action', { returnObjects: true }) as unknown as Record<string, string>),
    ...(t('securityAccount.actions', { returnObjects: true }) as unknown as Record<string, string>),
  };
  const actionLabel = (action: string) => labels[action] ?? action;
  const [result, reexecute] = useQuery({
    query: AuditEventsQuery,
    variables: { filter: props.filter, first: PAGE_SIZE, after: props.after },
    requestPolicy: 'cache-and-network',
  });
  const conn = result.data?.auditEvents;
  const { onPageInfo, onCount } = props;
  useEffect(() => {
    if (conn && onPageInfo) onPageInfo(conn.pageInfo);
  }, [conn, onPageInfo]);
  useEffect(() => {
    if (conn) onCount(conn.nodes.length);
  }, [conn, onCount]);

  if (result.fetching && !conn) {
    return (
      <Table.Tbody>
        <Table.Tr>
          <Table.Td colSpan={6}>
            <Loading />
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    );
  }
  if (result.error && !conn) {
    return (
      <Table.Tbody>
        <Table.Tr>
          <Table.Td colSpan={6}>
            <ErrorAlert error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    );
  }
  return (
    <Table.Tbody>
      {conn?.nodes.map((e) => (
        <Table.Tr key={e.id}>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, i18n.language, props.timeZone)}</Table.Td>
          <Table.Td>{e.actor?.displayName ?? t('admin.system')}</Table.Td>
          <Table.Td>
            <Text size="sm" fw={500}>
              {actionLabel(e.action)}
            </Text>
            {/* The exact action code stays visible: support and tests search for it. */}
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {e.action} · {e.entityType}
              {e.entityId ? ` ${e.entityId}` : ''}
            </Text>
          </Table.Td>
          <Table.Td>
            {e.caseId ? (
              <Stack gap={2}>
                <Anchor component={Link} to={`/cases/${e.caseId}`} size="sm" className="sl-small-target" style={{ overflowWrap: 'anywhere' }}>
                  {e.caseId}
                </Anchor>
                {props.filter.caseId !== e.caseId ? (
                  <Anchor component={Link} to={`?caseId=${encodeURIComponent(e.caseId)}`} size="xs" className="sl-small-target">
                    {t('admin.onlyThisCase')}
                  </Anchor>
                ) : null}
              </Stack>
            ) : (
              '—'
            )}
          </Table.Td>
          <Table.Td>{e.ip ?? '—'}</Table.Td>
          <Table.Td>
            <Text size="xs" lineClamp={2} title={e.userAgent ?? undefined} maw={260}>
              {e.userAgent ?? '—'}
            </Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </Table.Tbody>
  );
}

export function AuditLogPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const caseId = params.get('caseId') ?? '';
  const actorId = params.get('actorId') ?? '';
  const securityOnly = params.get('security') === '1';
  const deniedOnly = params.get('denied') === '1';
  const [caseDraft, setCaseDraft] = useState(caseId);
  useEffect(() => setCaseDraft(caseId), [caseId]);
  const [members] = useQuery({ query: MembersQuery, variables: {} });
  const filter: AuditFilter = { caseId: caseId || null, actorId: actorId || null, securityOnly: securityOnly || null, deniedOnly: deniedOnly || null };
  const key = `${caseId}|${actorId}|${securityOnly}|${deniedOnly}`;
  const [paging, setPaging] = useState<{ key: string; cursors: Array<string | null> }>({ key, cursors: [null] });
  const cursors = paging.key === key ? paging.cursors : [null];
  const [last, setLast] = useState<PageInfo | null>(null);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const onLast = useCallback((info: PageInfo) => setLast(info), []);

  const apply = (next: { caseId?: string; actorId?: string; security?: boolean; denied?: boolean }) => {
    const p = new URLSearchParams();
    const c = next.caseId ?? caseId;
    const a = next.actorId ?? actorId;
    if (c) p.set('caseId', c);
    if (a) p.set('actorId', a);
    if (next.security ?? securityOnly) p.set('security', '1');
    if (next.denied ?? deniedOnly) p.set('denied', '1');
    setLast(null);
    setCounts({});
    setParams(p, { replace: true });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply({ caseId: caseDraft.trim() });
  };
  const shown = cursors.reduce((n, c) => n + (counts[`${key}:${c ?? ''}`] ?? 0), 0);

  if (members.error && !members.data && members.error.graphQLErrors[0]?.extensions?.['code'] === 'FORBIDDEN') {
    return <QueryErrorState error={members.error} onRetry={() => undefined} />;
  }

  return (
    <Stack gap="lg">
      <div>
        <PageTitle title={t('admin.auditTitle')}>{t('admin.auditTitle')}</PageTitle>
        <Text mt="xs">{t('admin.auditIntro')}</Text>
      </div>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="audit-filters-heading">
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Text component="h2" fw={600} id="audit-filters-heading">
              {t('cases.filters')}
            </Text>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput label={t('admin.filterCase')} description={t('admin.filterCaseHelp')} value={caseDraft} onChange={(e) => setCaseDraft(e.currentTarget.value)} miw={240} style={{ flex: 1 }} />
              <Select
                label={t('admin.filterUser')}
                data={[{ value: '', label: t('admin.anyone') }, ...(members.data?.members ?? []).map((m) => ({ value: m.id, label: m.displayName }))]}
                value={actorId}
                onChange={(v) => apply({ actorId: v ?? '' })}
                allowDeselect={false}
                searchable
                miw={200}
              />
              <Checkbox
                label={t('securityAccount.admin.securityOnly')}
                description={t('securityAccount.admin.securityOnlyHelp')}
                checked={securityOnly}
                onChange={(e) => apply({ security: e.currentTarget.checked })}
                maw={320}
              />
              <Checkbox
                label={t('securityAccount.admin.deniedOnly')}
                description={t('securityAccount.admin.deniedOnlyHelp')}
                checked={deniedOnly}
                onChange={(e) => apply({ denied: e.currentTarget.checked })}
                maw={320}
              />
              <Group gap="xs">
                <Button type="submit">{t('admin.applyFilters')}</Button>
                <Button
                  variant="subtle"
                  onClick={() => {
                    setCaseDraft('');
                    apply({ caseId: '', actorId: '', security: false, denied: false });
                  }}
                >
                  {t('admin.clearFilters')}
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </Paper>
      <section aria-labelledby="audit-results-heading">
        <Text component="h2" fw={600} id="audit-results-heading" mb="xs" className="sl-visually-hidden">
          {t('admin.auditTitle')}
        </Text>
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.when')}</Table.Th>
                <Table.Th scope="col">{t('admin.who')}</Table.Th>
                <Table.Th scope="col">{t('admin.what')}</Table.Th>
                <Table.Th scope="col">{t('admin.whichCase')}</Table.Th>
                <Table.Th scope="col">{t('admin.from')}</Table.Th>
                <Table.Th scope="col">{t('admin.device')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            {cursors.map((after, i) => (
              <AuditPage
                key={`${key}:${after ?? ''}`}
                filter={filter}
                after={after}
                timeZone={viewer.organization.timeZone}
                onPageInfo={i === cursors.length - 1 ? onLast : undefined}
                onCount={(n) => setCounts((c) => (c[`${key}:${after ?? ''}`] === n ? c : { ...c, [`${key}:${after ?? ''}`]: n }))}
              />
            ))}
          </Table>
        </Table.ScrollContainer>
        {last && shown === 0 ? <Text mt="sm">{t('admin.noEvents')}</Text> : null}
        {last?.hasNextPage && last.endCursor ? (
          <Group justify="center" mt="md">
            <Button
              variant="outline"
              onClick={() => {
                const c = last.endCursor as string;
                setLast(null);
                setPaging({ key, cursors: [...cursors, c] });
              }}
            >
              {t('common.loadMore')}
            </Button>
          </Group>
        ) : null}
      </section>
    </Stack>
  );
}
