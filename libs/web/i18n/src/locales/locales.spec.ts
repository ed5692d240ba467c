import { INTL_LOCALE } from '@second-look/domain';
import { en } from './en';
import { es } from './es';
import { securityAccountEn } from './en-security-account';
import { securityAccountEs } from './es-security-account';
import { tasksStringsEn } from './en-tasks';
import { tasksStringsEs } from './es-tasks';
import { dashboardsEn } from './en-dashboards';
import { dashboardsEs } from './es-dashboards';
import { clientImportEn } from './en-client-import';
import { clientImportEs } from './es-client-import';
import { memberAccessEn } from './en-member-access';
import { memberAccessEs } from './es-member-access';
import { searchDialogEn } from './en-search-dialog';
import { searchDialogEs } from './es-search-dialog';
import { offlineEn } from './en-offline';
import { offlineEs } from './es-offline';
import { AREA_WORDS } from '../area-words';

/**
 * Spanish is a first-class language, not a partial copy: every key English has, Spanish has
 * (and no other), with a real Spanish value, the same {{placeholders}}, and every plural form
 * Spanish needs (CLDR: one, many, other; "many" is used for numbers like 1,000,000).
 */
type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}

/** Splits keys into plain ones and plural bases (a key with an `_other` form) with their forms. */
function shape(flat: Map<string, string>) {
  const plurals = new Map<string, Set<string>>();
  for (const key of flat.keys()) {
    const m = PLURAL.exec(key);
    const base = m ? key.slice(0, -m[0].length) : null;
    if (base && flat.has(`${base}_other`)) plurals.set(base, (plurals.get(base) ?? new Set()).add(m![1]));
  }
  const plain = [...flat.keys()].filter((k) => {
    const m = PLURAL.exec(k);
    return !(m && plurals.has(k.slice(0, -m[0].length)));
  });
  return { plain: new Set(plain), plurals };
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/**
 * Keys whose Spanish is rightly the same as the English: the product's name, each language's
 * own name on the switch, and proper names or codes (Medicare, Fax). Nothing else.
 */
const SAME_IN_BOTH = new Set([
  'app.name',
  'activity.system',
  'language.name.en',
  'language.name.es',
  'libraryLanguage.name.en',
  'libraryLanguage.name.es',
  'common.no',
  'insurance.answer.no',
  'insurance.planTypes.MEDICARE',
  'insurance.planTypes.MEDICARE_ADVANTAGE',
  'insurance.planTypes.MEDICAID',
  // Network types are the plans' own names (HMO, TRICARE…).
  ...['HMO', 'PPO', 'EPO', 'POS', 'MEDICARE_ADVANTAGE', 'MEDICAID', 'TRICARE'].map((n) => `insurance.networkTypes.${n}`),
  'enums.requestMethod.FAX',
  'enums.followUpChannel.FAX',
  'records.faxShort',
]);
/** Values with no words of their own (only placeholders and punctuation) need no translation. */
const wordless = (s: string): boolean => !/\p{L}/u.test(s.replace(/\{\{\s*\w+\s*\}\}/g, ''));

export function localeProblems(english: Tree, spanish: Tree): string[] {
  const enFlat = flatten(english);
  const esFlat = flatten(spanish);
  const enShape = shape(enFlat);
  const esShape = shape(esFlat);
  const problems: string[] = [];
  for (const k of enShape.plain) if (!esShape.plain.has(k) && !esShape.plurals.has(k)) problems.push(`missing in es: ${k}`);
  for (const k of esShape.plain) if (!enShape.plain.has(k) && !enShape.plurals.has(k)) problems.push(`missing in en: ${k}`);
  for (const base of enShape.plurals.keys()) if (!esShape.plurals.has(base)) problems.push(`not plural in es: ${base}`);
  for (const base of esShape.plurals.keys()) if (!enShape.plurals.has(base)) problems.push(`not plural in en: ${base}`);

  const need = (locale: string) => new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
  for (const [base, forms] of esShape.plurals) {
    for (const form of need(INTL_LOCALE.es)) if (!forms.has(form)) problems.push(`es plural ${base} lacks _${form}`);
  }
  for (const [base, forms] of enShape.plurals) {
    for (const form of need(INTL_LOCALE.en)) if (!forms.has(form)) problems.push(`en plural ${base} lacks _${form}`);
  }

  for (const [key, spanishValue] of esFlat) {
    const base = PLURAL.exec(key) ? key.replace(PLURAL, '') : key;
    const englishValue = enFlat.get(key) ?? enFlat.get(`${base}_other`) ?? enFlat.get(base);
    if (englishValue === undefined) continue;
    if (spanishValue.trim() === '' && englishValue.trim() !== '') problems.push(`empty in es: ${key}`);
    if (spanishValue === englishValue && englishValue !== '' && !wordless(englishValue) && !SAME_IN_BOTH.has(key)) {
      problems.push(`same as English in es: ${key} = "${spanishValue}"`);
    }
    if (placeholders(spanishValue).join() !== placeholders(englishValue).join()) problems.push(`placeholders differ in es: ${key}`);
  }
  return problems;
}

/**
 * Every area that brings its own words when its chunk loads (addAreaStrings), as it registers
 * them, and (added before the tests) every group of area-words.ts: each is held to the same rules
 * as the main files, and adds keys the main files and the other areas lack.
 */
const AREAS: Record<string, { en: Tree; es: Tree }> = {
  tasks: { en: tasksStringsEn as unknown as Tree, es: tasksStringsEs as unknown as Tree },
  dashboards: { en: { dashboards: dashboardsEn }, es: { dashboards: dashboardsEs } },
  clientImport: { en: { clientImport: clientImportEn }, es: { clientImport: clientImportEs } },
  memberAccess: { en: { memberAccess: memberAccessEn }, es: { memberAccess: memberAccessEs } },
  search: { en: { search: searchDialogEn }, es: { search: searchDialogEs } },
  securityAccount: { en: { securityAccount: securityAccountEn }, es: { securityAccount: securityAccountEs } },
  offline: { en: { offline: offlineEn }, es: { offline: offlineEs } },
};

/** The signed-in screens' groups (area-words.ts), their Spanish fetched as the app fetches it. */
const groups = async (): Promise<Record<string, { en: Tree; es: Tree }>> => {
  const out: Record<string, { en: Tree; es: Tree }> = {};
  for (const [name, group] of Object.entries(AREA_WORDS)) {
    out[`group ${name}`] = { en: group.en as Tree, es: (typeof group.es === 'function' ? await group.es() : group.es) as Tree };
  }
  return out;
};

describe('the Spanish locale against the English one', () => {
  beforeAll(async () => Object.assign(AREAS, await groups()));

  it('has every key, a real Spanish value for each, the same placeholders and every Spanish plural form', () => {
    expect(localeProblems(en as unknown as Tree, es as unknown as Tree)).toEqual([]);
  });

  it('holds the strings of every area loaded with its screens to the same rules', () => {
    const problems = Object.entries(AREAS).flatMap(([name, area]) => localeProblems(area.en, area.es).map((p) => `${name}: ${p}`));
    expect(problems).toEqual([]);
    // The tasks area adds whole top-level names of its own.
    for (const name of Object.keys(tasksStringsEn)) expect(Object.keys(en)).not.toContain(name);
  });

  it('has each area add keys of its own, never one the main files or another area already have', () => {
    const main = { en: flatten(en as unknown as Tree), es: flatten(es as unknown as Tree) };
    const seen = { en: new Map<string, string>(), es: new Map<string, string>() };
    for (const [name, area] of Object.entries(AREAS)) {
      for (const language of ['en', 'es'] as const) {
        const keys = [...flatten(area[language]).keys()];
        const clash = keys.filter((k) => main[language].has(k) || seen[language].has(k));
        expect({ name, language, clash }).toEqual({ name, language, clash: [] });
        for (const k of keys) seen[language].set(k, name);
      }
    }
  });

  it('notices a missing key, an empty or untranslated value, a missing plural form and a lost placeholder', () => {
    const english: Tree = { a: { greet: 'Hello {{name}}', bye: 'Goodbye', count_one: '{{count}} case', count_other: '{{count}} cases', name: 'Second Look' } };
    const good: Tree = { a: { greet: 'Hola {{name}}', bye: 'Adiós', count_one: '{{count}} caso', count_many: '{{count}} casos', count_other: '{{count}} casos', name: 'Segunda' } };
    expect(localeProblems(english, good)).toEqual([]);
    const bad: Tree = { a: { greet: 'Hola', bye: 'Goodbye', count_one: '{{count}} caso', count_other: '{{count}} casos', name: '', extra: 'Más' } };
    expect(localeProblems(english, bad)).toEqual([
      'missing in en: a.extra',
      'es plural a.count lacks _many',
      'placeholders differ in es: a.greet',
      'same as English in es: a.bye = "Goodbye"',
      'empty in es: a.name',
    ]);
  });
});
