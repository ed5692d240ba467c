import { Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { DashboardCasesQuery, type DashboardFigureKind } from '@second-look/contracts/graphql';
import { Loading, PageTitle, QueryErrorState } from '@second-look/web-ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { readParams, writeParams } from './links';
import { registerDashboardStrings } from './strings';
import { addAreaStrings, enumsWords, opinionsWords } from '@second-look/web-i18n';

addAreaStrings(enumsWords, opinionsWords);

registerDashboardStrings();

const KINDS: readonly DashboardFigureKind[] = ['STAGE_NOW', 'STAGE_ENTERED', 'CLOSED_EARLY', 'PHASE_DONE', 'OUTCOME', 'ADVOCATE_OPEN'];
const PAGE = 100;

/** The cases behind one figure of the dashboard, in the caller's scope (each listed case is audited). */
export function DashboardCasesPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const params = readParams(search);
  const kind = (KINDS as readonly string[]).includes(search.get('kind') ?? '') ? (search.get('kind') as DashboardFigureKind) : 'STAGE_NOW';
  const key = search.get('key') ?? '';
  const [result, reexecute] = useQuery({
    query: DashboardCasesQuery,
    variables: {
      input: {
        kind,
        key,
        first: PAGE,
        filter: { ...(params.months ?? {}), advocateId: params.advocate, urgency: params.urgency, stage: params.stage },
      },
    },
  });
  const list = result.data?.dashboardCases;
  const keyLabel =
    kind === 'PHASE_DONE'
      ? t(`dashboards.phases.phaseName.${key}`)
      : kind === 'OUTCOME'
        ? key === 'PENDING'
          ? t('dashboards.outcomes.pending')
          : t(`opinions.close.outcomeValue.${key}`)
        : kind === 'ADVOCATE_OPEN'
          ? (list?.cases[0]?.leadAdvocateName ?? '')
          : t(`enums.stage.${key}`);
  const title = t(`dashboards.cases.figure.${kind}`, { key: keyLabel });
  return (
    <Stack gap="md">
      <div>
        <Button component={Link} to={`/dashboard?${writeParams(params).toString()}`} variant="subtle" px={0}>
          ← {t('dashboards.cases.back')}
        </Button>
        <PageTitle title={t('dashboards.cases.title')}>{title}</PageTitle>
      </div>
      {result.error ? <QueryErrorState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
      {!list ? (
        result.error ? null : (
          <Loading />
        )
      ) : list.cases.length === 0 ? (
        <Text>{t('dashboards.cases.empty')}</Text>
      ) : (
        <>
          <Text role="status">
            {t('dashboards.cases.total', { count: list.totalCount })} {list.totalCount > list.cases.length ? t('dashboards.cases.showingFirst', { count: list.cases.length }) : null}
          </Text>
          <Table.ScrollContainer minWidth={480}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('dashboards.cases.patient')}</Table.Th>
                  <Table.Th scope="col">{t('dashboards.cases.stage')}</Table.Th>
                  <Table.Th scope="col">{t('dashboards.cases.urgency')}</Table.Th>
                  <Table.Th scope="col">{t('dashboards.cases.advocate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.cases.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor component={Link} to={`/cases/${c.id}`}>
                        {c.patientName}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{t(`enums.stage.${c.stage}`)}</Table.Td>
                    <Table.Td>{c.urgency === 'URGENT' ? <Badge color="red.8">{t('enums.urgency.URGENT')}</Badge> : t('enums.urgency.ROUTINE')}</Table.Td>
                    <Table.Td>{c.leadAdvocateName ?? t('dashboards.noAdvocate')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
