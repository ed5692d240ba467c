export { DoctorScriptPanel } from './doctor-script-panel';
export { ProvidersPanel } from './providers-panel';
export { providersCacheKeys, providersCacheUpdates } from './cache';
