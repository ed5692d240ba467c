import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, INTL_LOCALE, isLanguage, languageFromAcceptLanguage, type Language } from '@second-look/domain';
import { en } from './locales/en';

/**
 * One i18next instance for the client. The first screens' English is bundled (no loading flash);
 * every other language is its own chunk, fetched by a dynamic import only when someone reads it,
 * so English readers download no Spanish. The other screens' words come with them (addAreaStrings).
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

type Words = Record<string, unknown>;

/**
 * Words that load with the screens showing them: English as a tree, each other language as a
 * tree or as a loader of its own chunk (then only its readers fetch it).
 */
export type AreaStrings = { en: Words } & { [L in Exclude<Language, 'en'>]: Words | (() => Promise<Words>) };

/** Groups registered so far, and each one's Spanish (or later language) once asked for. */
const registered = new Set<AreaStrings>();
const fetched = new Map<AreaStrings, Map<Language, Promise<void>>>();
/** The language being switched to (or shown): a group registered meanwhile fetches its words in it. */
let target: Language = 'en';

/** Words registered by a module that ran before i18next started (initI18n adds them). */
const early: Array<[string, Words]> = [];
function addWords(language: string, tree: Words): void {
  if (i18n.isInitialized) i18n.addResourceBundle(language, 'translation', tree, true, false);
  else early.push([language, tree]);
}

function fetchArea(area: AreaStrings, language: Language): Promise<void> {
  if (language === 'en') return Promise.resolve();
  const words = area[language];
  if (typeof words !== 'function') return Promise.resolve();
  const byLanguage = fetched.get(area) ?? new Map<Language, Promise<void>>();
  fetched.set(area, byLanguage);
  let done = byLanguage.get(language);
  if (!done) {
    done = words().then(
      (tree) => addWords(language, tree),
      (error: unknown) => {
        // A failed fetch (offline, a new release) may be tried again; meanwhile English shows.
        byLanguage.delete(language);
        throw error;
      },
    );
    byLanguage.set(language, done);
  }
  return done;
}

/**
 * The one way words that are not the first screens' join (the signed-in areas, the pages that
 * are their own chunks, the search dialog, the offline line): a module that shows them calls
 * this at its top with their groups (`addAreaStrings(recordsWords, enumsWords)`, each group
 * declared at the end of its locales/en-<area>.ts), so the first screens do not carry them and
 * they are in place before the module renders. English is added at once; a language given as a
 * loader is fetched now if it is the one on screen, else when someone switches to it, and
 * `areaStringsReady()` waits for it (lazyNamed does, so a page never shows in English first).
 * Merged deep into the one `translation` namespace (an area may add to a key the main file has,
 * as the dashboard does to its menu entry). A group registered twice is added once.
 * locales.spec.ts holds every group to the same rules as the main files, and area-words.spec.ts
 * checks that each module registers the groups whose keys it holds.
 */
export function addAreaStrings(...areas: AreaStrings[]): void {
  for (const area of areas) {
    if (registered.has(area)) continue;
    registered.add(area);
    for (const [language, words] of Object.entries(area)) {
      if (typeof words !== 'function') addWords(language, words);
    }
    void fetchArea(area, target).catch(() => undefined);
  }
}

/** Resolves once every group registered so far has its words in the language on screen (or being switched to). */
export function areaStringsReady(): Promise<void> {
  const language = target;
  return Promise.all([...registered].map((area) => fetchArea(area, language))).then(
    () => undefined,
    () => undefined, // English shows for the words that could not be fetched; never a raw key
  );
}

/** Languages whose whole bundle is loaded (an area's strings alone do not count). */
const loaded = new Set<Language>(['en']);

async function ensureLoaded(language: Language): Promise<void> {
  if (language !== 'en' && !loaded.has(language)) {
    i18n.addResourceBundle(language, 'translation', await loaders[language](), true, true);
    loaded.add(language);
  }
  await areaStringsReady();
}

/**
 * Switches every screen to `language` in place (React re-renders; what is typed stays), sets
 * `<html lang>`, and with `remember` keeps the choice in this browser for the signed-out pages.
 */
export async function switchLanguage(language: Language, opts: { remember?: boolean } = {}): Promise<void> {
  target = language;
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
    for (const [language, tree] of early.splice(0)) i18n.addResourceBundle(language, 'translation', tree, true, false);
  }
  await switchLanguage(language);
  return i18n;
}

export { i18n };
