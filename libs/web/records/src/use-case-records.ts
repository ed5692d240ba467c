import { useCallback } from 'react';
import { CaseRecordsQuery } from '@second-look/contracts/graphql';
import { usePanelQuery } from '@second-look/web-ui';

/** The packet and requests of a case; both panels share this one cached query. */
export function useCaseRecords(caseId: string) {
  const [result, reexecute] = usePanelQuery({ query: CaseRecordsQuery, variables: { id: caseId } });
  // Stable, so the memoized packet items it is handed to are not drawn again for its sake.
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return { records: result.data?.case ?? null, fetching: result.fetching, error: result.error, reload };
}
