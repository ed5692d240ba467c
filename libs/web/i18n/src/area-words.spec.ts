import fs from 'node:fs';
import path from 'node:path';
import { AREA_WORDS } from './area-words';
import { en } from './locales/en';

/**
 * Words that are not the first screens' load with the modules that show them: a module holding a
 * key of a group (`'records.…'`, `` `enums.stage.${…}` ``) registers that group at its top
 * (`addAreaStrings(recordsWords)`), so its words are in place before it renders, whichever chunk
 * it lands in. A key missing its group would show as the raw key on a screen that loads first.
 */
const root = path.resolve(__dirname, '../../../..');
const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' || entry.name === 'locales' ? [] : sources(file);
    return /\.tsx?$/.test(entry.name) && !/\.(spec|testing)\.tsx?$|\.d\.ts$/.test(entry.name) ? [file] : [];
  });

/** Does the first-screen English hold this key (or its plural forms, or the subtree a dynamic key starts in)? */
function inMain(key: string): boolean {
  let node: unknown = en;
  for (const part of key.split('.')) {
    if (part.includes('$')) return typeof node === 'object';
    if (typeof node !== 'object' || node === null) return false;
    if (!(part in node)) return Object.keys(node).some((k) => k.startsWith(`${part}_`));
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

describe('the word groups of the signed-in screens', () => {
  const files = [
    ...fs
      .readdirSync(path.join(root, 'libs/web'))
      .filter((lib) => lib !== 'i18n')
      .flatMap((lib) => sources(path.join(root, 'libs/web', lib, 'src'))),
    ...sources(path.join(root, 'apps/web/src')),
  ];

  it('are registered by every module that holds one of their keys', () => {
    const missing: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const registered = /addAreaStrings\(([^)]*)\)/.exec(text)?.[1] ?? '';
      for (const name of Object.keys(AREA_WORDS)) {
        const keys = [...text.matchAll(new RegExp(`['"\`]${name}\\.([A-Za-z$][\\w.$]*)`, 'g'))].map((m) => `${name}.${m[1]}`);
        const needed = keys.filter((key) => !inMain(key));
        if (needed.length && !new RegExp(`\\b${name}Words\\b`).test(registered)) missing.push(`${path.relative(root, file)}: ${name}Words (${needed[0]})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('finds the keys it looks for', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(inMain('exports.feed.menuLink')).toBe(true);
    expect(inMain('notifications.bell')).toBe(true); // bell_zero, bell_one, bell_other
    expect(inMain('records.requestsHeading')).toBe(false);
  });
});
