export { CaseListPage } from './case-list-page';
export { MyCasesPage } from './my-cases-page';
export { NewCasePage } from './new-case-page';
export { CasePage } from './case-page';
