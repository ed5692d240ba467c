import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';

/**
 * One i18next instance for the client. Resources are bundled (no HTTP backend) so the first
 * screen renders without a loading flash; Spanish is added by dropping in another resource.
 */
export function initI18n(lng?: string): typeof i18n {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { en: { translation: en } },
      lng: lng ?? 'en',
      fallbackLng: 'en',
      supportedLngs: ['en'],
      interpolation: { escapeValue: false }, // React escapes already
      returnNull: false,
      initAsync: false,
    });
  }
  return i18n;
}

export { i18n };
