import type { Client } from 'urql';
import { CaseTasksQuery } from '@second-look/contracts/graphql';

/** Asks the server for a case's tasks; the answer lands in the cache, where the tasks panels read it. */
export function prefetchCaseTasks(client: Client, caseId: string): Promise<unknown> {
  return client.query(CaseTasksQuery, { id: caseId }).toPromise();
}
