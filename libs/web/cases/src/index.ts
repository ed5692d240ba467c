import type { Client } from 'urql';
import { lazyNamed } from '@second-look/web-ui';

export const CaseListPage = lazyNamed(() => import('./case-list-page'), 'CaseListPage');
export const MyCasesPage = lazyNamed(() => import('./my-cases-page'), 'MyCasesPage');
export const NewCasePage = lazyNamed(() => import('./new-case-page'), 'NewCasePage');
export const CasePage = lazyNamed(() => import('./case-page'), 'CasePage');
export const ImportClientsPage = lazyNamed(() => import('./import-clients-page'), 'ImportClientsPage');

/**
 * Landing on `/cases/:id`: fetches the page's chunk now, beside the session check, and gives back
 * what asks for the case as soon as that chunk is here (docs/architecture.md, "First screens").
 */
export const landOnCasePage = (id: string): Promise<(client: Client) => void> => CasePage.preload().then(() => import('./case-page').then((m) => (client: Client) => m.startCaseQuery(client, id)));
