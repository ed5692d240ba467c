export { initI18n, i18n, switchLanguage, currentLanguage, chosenLanguage, initialLanguage, intlLocale, LANGUAGE_STORAGE_KEY } from './i18n';
export { en } from './locales/en';
export type { Resources } from './locales/en';
/** For compile-time checks only (the Spanish strings load in their own chunk). */
export type { es } from './locales/es';
/** Strings of the tasks area, registered when its screens load (see addAreaStrings). */
export { tasksStringsEn } from './locales/en-tasks';
export { tasksStringsEs } from './locales/es-tasks';
export { addAreaStrings } from './i18n';
export { dashboardsEn } from './locales/en-dashboards';
export { dashboardsEs } from './locales/es-dashboards';
export { clientImportEn } from './locales/en-client-import';
export { memberAccessEn } from './locales/en-member-access';
export { memberAccessEs } from './locales/es-member-access';
export { clientImportEs } from './locales/es-client-import';
export { searchDialogEn } from './locales/en-search-dialog';
export { searchDialogEs } from './locales/es-search-dialog';
export { securityAccountEn } from './locales/en-security-account';
export { securityAccountEs } from './locales/es-security-account';
export { offlineEn } from './locales/en-offline';
export { offlineEs } from './locales/es-offline';
