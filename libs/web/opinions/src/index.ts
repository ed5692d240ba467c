export { CaseOpinionsPanel } from './opinions-panel';
export { journeyCacheKeys, journeyCacheUpdates } from './cache';
