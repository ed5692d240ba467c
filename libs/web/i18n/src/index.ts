export { initI18n, i18n, switchLanguage, currentLanguage, chosenLanguage, initialLanguage, intlLocale, LANGUAGE_STORAGE_KEY } from './i18n';
export { en } from './locales/en';
export type { Resources } from './locales/en';
