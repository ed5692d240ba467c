import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, INTL_LOCALE, isLanguage, languageFromAcceptLanguage, type Language } from '@second-look/domain';
import { en } from './locales/en';

/**
 * One i18next instance for the client. English is bundled (no loading flash for the first
 * screen); every other language is its own chunk, fetched by a dynamic import only when someone
 * reads it, so English readers download no Spanish.
 */
const loaders: Record<Exclude<Language, 'en'>, () => Promise<Record<string, unknown>>> = {
  es: () => import('./locales/es').then((m) => m.es),
};

/** Where a choice made while signed out (sign-in page, invitation page) is kept in the browser. */
export const LANGUAGE_STORAGE_KEY = 'second-look.language';

/** The language chosen in this browser while signed out, if any. */
export function chosenLanguage(): Language | null {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** What to show before we know who is reading: their earlier choice here, else the browser's languages. */
export function initialLanguage(): Language {
  const nav = globalThis.navigator;
  return chosenLanguage() ?? languageFromAcceptLanguage(nav?.languages?.length ? nav.languages.join(',') : nav?.language);
}

/** The language the screen is in now. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/** The `Intl` locale for a language (en-US, es-US); any unknown value reads as English. */
export function intlLocale(language?: string | null): string {
  return INTL_LOCALE[isLanguage(language) ? language : DEFAULT_LANGUAGE];
}

/**
 * The one way a page that is its own chunk brings its words (tasks, search, the import page,
 * the security pages, the dashboard): its module calls this at its top with the words in every
 * language, so the first screens do not carry them. Merged deep into the one `translation`
 * namespace (an area may add to a key the main file has, as the dashboard does to its menu
 * entry), and a language bundle loaded later keeps them. locales.spec.ts holds every area to
 * the same rules as the main files.
 */
export function addAreaStrings(strings: Record<Language, Record<string, unknown>>): void {
  for (const [language, tree] of Object.entries(strings)) i18n.addResourceBundle(language, 'translation', tree, true, false);
}

/** Languages whose whole bundle is loaded (an area's strings alone do not count). */
const loaded = new Set<Language>(['en']);

async function ensureLoaded(language: Language): Promise<void> {
  if (language === 'en' || loaded.has(language)) return;
  i18n.addResourceBundle(language, 'translation', await loaders[language](), true, true);
  loaded.add(language);
}

/**
 * Switches every screen to `language` in place (React re-renders; what is typed stays), sets
 * `<html lang>`, and with `remember` keeps the choice in this browser for the signed-out pages.
 */
export async function switchLanguage(language: Language, opts: { remember?: boolean } = {}): Promise<void> {
  await ensureLoaded(language);
  if (opts.remember) {
    try {
      globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Private mode: the choice still applies to this tab.
    }
  }
  if (i18n.language !== language) await i18n.changeLanguage(language);
  if (globalThis.document) globalThis.document.documentElement.lang = intlLocale(language);
}

/** Starts i18next in `language`, loading its bundle first when it is not English. */
export async function initI18n(language: Language = DEFAULT_LANGUAGE): Promise<typeof i18n> {
  if (!i18n.isInitialized) {
    await i18n.use(initReactI18next).init({
      resources: { en: { translation: en } },
      lng: 'en',
      fallbackLng: 'en',
      supportedLngs: ['en', 'es'],
      interpolation: { escapeValue: false }, // React escapes already
      returnNull: false,
      initAsync: false,
    });
  }
  await switchLanguage(language);
  return i18n;
}

export { i18n };
