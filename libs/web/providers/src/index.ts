import { lazyNamed } from '@second-look/web-ui';

export const DoctorScriptPanel = lazyNamed(() => import('./doctor-script-panel'), 'DoctorScriptPanel');
export const ProvidersPanel = lazyNamed(() => import('./providers-panel'), 'ProvidersPanel');
export { providersCacheKeys, providersCacheUpdates } from './cache';
