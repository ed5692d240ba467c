import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { useQuery } from 'urql';
import { useViewer } from '@second-look/web-auth';
import { Loading, PageTitle, QueryErrorState } from '@second-look/web-ui';
import { CasesQuery } from '@second-look/contracts/graphql';
import { CaseCard } from './case-card';
import { addAreaStrings, casesWords } from '@second-look/web-i18n';

addAreaStrings(casesWords);

/** A patient or caregiver lands here: one case goes straight to it, several are listed. */
export function MyCasesPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [result, reexecute] = useQuery({
    query: CasesQuery,
    variables: { first: 50, sort: { field: 'UPDATED_AT', direction: 'DESC' } },
    requestPolicy: 'cache-and-network',
  });
  if (result.fetching && !result.data) return <Loading />;
  if (result.error && !result.data) {
    return <QueryErrorState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  const cases = result.data?.cases.nodes ?? [];
  const only = cases.length === 1 ? cases[0] : undefined;
  if (only) return <Navigate to={`/cases/${only.id}`} replace />;
  const title = t('cases.myCasesTitle', { count: Math.max(cases.length, 1) });
  return (
    <Stack gap="lg" maw={720}>
      <PageTitle title={title}>{title}</PageTitle>
      <Text size="lg">{cases.length ? t('cases.myCasesIntro') : t('cases.myCasesEmpty')}</Text>
      <Stack component="ul" gap="md" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {cases.map((c) => (
          <li key={c.id}>
            <CaseCard item={c} timeZone={viewer.organization.timeZone} large />
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
