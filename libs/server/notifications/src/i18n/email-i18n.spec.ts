import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { emailEn } from './en';
import { emailEs } from './es';

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): Map<string, string> =>
  new Map(Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : [...flatten(v, `${prefix}${k}.`)])));

/** Plural suffixes each language needs (Intl.PluralRules categories, as i18next uses them). */
const pluralForms = (locale: string) => new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
/** Words that stay the same in both languages: the product's name and role words Spanish borrows. */
const SAME_IN_BOTH = new Set(['invitation.role.PATIENT']);

describe('e-mail resources: English and Spanish', () => {
  const en = flatten(emailEn as unknown as Tree);
  const es = flatten(emailEs as unknown as Tree);
  const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');

  it('every key is in both languages (plural keys by their base)', () => {
    expect([...new Set([...es.keys()].map(base))].sort()).toEqual([...new Set([...en.keys()].map(base))].sort());
  });

  it('every Spanish value is written and differs from the English one', () => {
    for (const [k, v] of es) {
      expect(v.trim()).not.toBe('');
      if (!SAME_IN_BOTH.has(k) && en.has(k)) expect(`${k}: ${v}`).not.toBe(`${k}: ${en.get(k)}`);
    }
  });

  it('plural keys carry every form each language needs', () => {
    for (const [resources, locale] of [
      [en, 'en-US'],
      [es, 'es-US'],
    ] as const) {
      const plurals = new Set([...resources.keys()].filter((k) => /_(one|other)$/.test(k)).map(base));
      expect(plurals.size).toBeGreaterThan(0);
      for (const key of plurals) for (const form of pluralForms(locale)) expect(resources.has(`${key}_${form}`) ? `${key}_${form}` : `missing ${key}_${form}`).toBe(`${key}_${form}`);
    }
  });

  it('placeholders match between the languages', () => {
    const holes = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of es) if (en.has(k)) expect(holes(v)).toEqual(holes(en.get(k)!));
  });
});

/**
 * No user-visible words in the e-mail templates outside the resource files: a template may hold
 * markup, links and keys, not sentences. (The lint-style check for server templates; the web
 * client has its own for JSX.)
 */
describe('server e-mail templates hold no words of their own', () => {
  const dir = join(__dirname, '..');
  const templates = readdirSync(dir).filter((f) => f.endsWith('.template.ts'));

  /** The literal text of a source file's strings and template-literal parts (TypeScript's own parser), markup removed. */
  const literals = (source: string): string[] => {
    const out: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
        out.push(node.text.replace(/<[^>]*>/g, ' ').replace(/&#?\w+;/g, ' '));
      }
      ts.forEachChild(node, visit);
    };
    visit(ts.createSourceFile('template.ts', source, ts.ScriptTarget.Latest, true));
    return out;
  };
  /** Two words in a row: a sentence or a phrase someone reads. Keys ("digest.subject") and markup are not. */
  const phrase = (s: string) => /[A-Za-z]{2,}[ \t\n]+[A-Za-z]{2,}/.test(s);

  it('finds the templates', () => expect(templates.length).toBeGreaterThanOrEqual(2));

  it.each(templates)('%s', (file) => {
    const words = literals(readFileSync(join(dir, file), 'utf8')).filter(phrase);
    expect(words).toEqual([]);
  });

  it('would catch a sentence slipped into a template', () => {
    expect(literals('const x = `<p>${escape(a)}</p><p>Please open the case</p>`;').some(phrase)).toBe(true);
    expect(literals("const y = t('digest.subject', { count: 2 }) + `${a}\\n${b}`;").some(phrase)).toBe(false);
  });
});
