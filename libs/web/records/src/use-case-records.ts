import { useCallback } from 'react';
import { useQuery } from 'urql';
import { CaseRecordsQuery } from '@second-look/contracts/graphql';

/** The packet and requests of a case; both panels share this one cached query. */
export function useCaseRecords(caseId: string) {
  const [result, reexecute] = useQuery({ query: CaseRecordsQuery, variables: { id: caseId }, requestPolicy: 'cache-and-network' });
  // Stable, so the memoized packet items it is handed to are not drawn again for its sake.
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return { records: result.data?.case ?? null, fetching: result.fetching, error: result.error, reload };
}
