export { initI18n, i18n } from './i18n';
export { en } from './locales/en';
export type { Resources } from './locales/en';
