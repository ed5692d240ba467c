import { lazyNamed } from '@second-look/web-ui';

export const CaseListPage = lazyNamed(() => import('./case-list-page'), 'CaseListPage');
export const MyCasesPage = lazyNamed(() => import('./my-cases-page'), 'MyCasesPage');
export const NewCasePage = lazyNamed(() => import('./new-case-page'), 'NewCasePage');
export const CasePage = lazyNamed(() => import('./case-page'), 'CasePage');
export const ImportClientsPage = lazyNamed(() => import('./import-clients-page'), 'ImportClientsPage');
