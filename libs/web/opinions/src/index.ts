import { lazyNamed } from '@second-look/web-ui';

export const CaseOpinionsPanel = lazyNamed(() => import('./opinions-panel'), 'CaseOpinionsPanel');
export { journeyCacheKeys, journeyCacheUpdates } from './cache';
