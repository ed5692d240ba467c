#!/usr/bin/env node
// The weight of each first screen of the built web client, against its budget: the JavaScript
// and CSS a browser must fetch before that screen can show (the entry chunk, the screen's own
// lazily loaded chunk, and everything those import statically), gzipped as the API serves it.
// Reads Vite's manifest in dist/apps/web/.vite/manifest.json. Exits 1 when a screen is over
// budget, printing the sizes either way.
//   node tools/web/bundle-budget.mjs [distDir]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] ?? 'dist/apps/web');
const manifestFile = path.join(dist, '.vite', 'manifest.json');
if (!fs.existsSync(manifestFile)) {
  console.error(`No Vite manifest at ${manifestFile}: build the web client first (npm run build).`);
  process.exit(2);
}
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));

/**
 * KB gzipped (level 9, as the build precompresses). GOAL is where a first screen should be for a
 * mid-range phone on a slow link; each screen's `js` is the ceiling enforced today, set just above
 * what it weighs now, so nothing new makes a first screen heavier while the rest is split off.
 * Lower a ceiling whenever a screen gets lighter; never raise one without saying why.
 */
const GOAL = { js: 170, css: 40 };
/** The screens people land on, by the source file of the lazily loaded page (null: the entry alone). */
// Raised once (2026-12-06, +2 to +5 KB) when Spanish landed on every screen: the language
// switch, the locale-aware format helper and the preferred-language badge; the Spanish words
// themselves stay in their own chunk, fetched only by Spanish readers.
const SCREENS = [
  { name: 'sign-in', page: null, js: 242, css: 40 },
  { name: "patient's case page", page: 'libs/web/cases/src/case-page.tsx', js: 315, css: 40 },
  { name: 'coordinator board', page: 'libs/web/records/src/record-board-page.tsx', js: 270, css: 40 },
  { name: 'case list (staff)', page: 'libs/web/cases/src/case-list-page.tsx', js: 263, css: 40 },
];

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const gz = new Map();
const gzipKb = (file) => {
  if (!gz.has(file)) gz.set(file, zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length / 1024);
  return gz.get(file);
};

/** Files fetched before `key` can run: itself and its static imports, transitively. */
function closure(key, files = new Set()) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the Vite manifest: is it still loaded lazily?`);
  if (files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imported of chunk.imports ?? []) closure(imported, files);
  return files;
}

let over = 0;
const rows = [];
for (const screen of SCREENS) {
  const files = closure(entryKey);
  // Manifest keys are relative to the Vite root (apps/web), e.g. ../../libs/web/....
  if (screen.page) closure(Object.keys(manifest).find((k) => k.endsWith(screen.page)) ?? screen.page, files);
  const sum = (ext) => [...files].filter((f) => f.endsWith(ext)).reduce((total, f) => total + gzipKb(f), 0);
  const js = sum('.js');
  const css = sum('.css');
  const ok = js <= screen.js && css <= screen.css;
  if (!ok) over++;
  const goal = js <= GOAL.js && css <= GOAL.css ? 'goal met' : `goal JS ${GOAL.js} / CSS ${GOAL.css} KB not met`;
  rows.push(
    `  ${screen.name.padEnd(22)} JS ${js.toFixed(1).padStart(6)} KB (ceiling ${screen.js})  CSS ${css.toFixed(1).padStart(5)} KB (ceiling ${screen.css})  ${files.size} files  ${ok ? 'ok' : 'OVER THE CEILING'}; ${goal}`,
  );
}
console.log('First screens of the web client, gzipped:');
console.log(rows.join('\n'));
const biggest = Object.values(manifest)
  .map((c) => c.file)
  .filter((f) => f.endsWith('.js'))
  .sort((a, b) => gzipKb(b) - gzipKb(a))
  .slice(0, 5)
  .map((f) => `${f} ${gzipKb(f).toFixed(1)} KB`);
console.log(`  largest chunks: ${biggest.join(', ')}`);
process.exit(over ? 1 : 0);
