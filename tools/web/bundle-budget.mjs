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
/**
 * The screens people land on, by the source file of the lazily loaded page (null: the entry alone).
 * A signed-in screen also counts the signed-in shell (header, navigation, search, bell), its own
 * chunk fetched beside the page's: `shell` names it.
 */
// Raised once (2026-12-06, +2 to +5 KB) when Spanish landed on every screen: the language
// switch, the locale-aware format helper and the preferred-language badge; the Spanish words
// themselves stay in their own chunk, fetched only by Spanish readers.
// Raised again (2026-12-06, second session: case page +10, board +5 KB) when seven branches landed
// together: the header's search box on every signed-in screen, the case page's index, tasks part,
// visit packet, calendar and FHIR controls, and the generated documents of five new areas. Their
// pages and words load in their own chunks; the next step is splitting the case page's lower
// parts into chunks of their own (issue 20), then lowering these ceilings again.
// Third session: the sign-in page became a chunk of its own (the offline work), and the sign-in
// screen carries the own-device choice and the field messages keyed by reason in both languages
// (bilingual work): +1 KB there. The other first screens got 1–2 KB lighter; their ceilings drop.
// Fourth session (2026-12-06, issue 20): the signed-in shell (header, menu, search, bell) and the
// case page's journey panels became chunks of their own, and each area's GraphQL documents left
// the entry: sign-in 242 -> 190, case page 323 -> 282. Signed-in screens now count the shell
// explicitly. The board (274 -> 279) and case list (262 -> 265) rose, and their ceilings with them,
// accepted for the 52 and 41 KB the other two lost: Mantine pieces the entry held once are now
// small shared chunks, each compressed apart (fewer, larger shared chunks are the next step).
// Fifth session: graphql-ws loads with the first subscription, not on every first screen
// (-2.7 KB each); the ceilings drop with it. The case page's then rose 0.2 KB (to 280.0) with
// deactivated accounts (the lead pickers leave them out, the new error words); its ceiling is
// 281 so a rounding of the same build cannot fail it; still 2 KB under this session's start.
// Sixth session (2026-12-07, issue 20): every area's words left the entry for the chunks that show
// them (addAreaStrings word groups; the Spanish of each its own chunk), shared code went into three
// large chunk groups (framework, overlays, signed-in: apps/web/vite.config.ts) instead of dozens
// of small ones, a Dialog's Modal loads on first opening, and the board stopped loading the
// packet's forms for one helper: sign-in 187.3 -> 162.1 (the 170 KB goal met), case page
// 280.1 -> 254.4, board 276.2 -> 249.6, case list 262.2 -> 235.2. Each ceiling sits under 1.5 KB above.
// Seventh session (2026-12-07, issue 20): the CSS. web-ui loads only the stylesheets of the Mantine
// components the client draws (libs/web/ui/src/mantine.css), not all of @mantine/core/styles.css:
// every first screen's CSS 36.3 -> 24.0 KB; the `css` ceilings drop from 40 to 25.
// Ninth session (2026-12-07, issue 20): growing textareas size themselves with CSS field-sizing
// (AutoTextarea), which cut the case page's main-thread blocking on a slowed CPU by about half;
// the wrapper adds 0.2 KB there (254.9 -> 255.1), so its ceiling is 256.
const SHELL = 'src/signed-in-shell.tsx';
const SCREENS = [
  { name: 'sign-in', page: 'libs/web/auth/src/sign-in-page.tsx', js: 163, css: 25 },
  { name: "patient's case page", shell: SHELL, page: 'libs/web/cases/src/case-page.tsx', js: 256, css: 25 },
  { name: 'coordinator board', shell: SHELL, page: 'libs/web/records/src/record-board-page.tsx', js: 251, css: 25 },
  { name: 'case list (staff)', shell: SHELL, page: 'libs/web/cases/src/case-list-page.tsx', js: 236, css: 25 },
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
  for (const page of [screen.shell, screen.page].filter(Boolean)) closure(Object.keys(manifest).find((k) => k.endsWith(page)) ?? page, files);
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
