/**
 * Benchmark (not a test): Lighthouse's mobile profile on the first screens people land on, against
 * the built product with the demo data.
 *
 *   npm run build && npm run bench:web
 *
 * What one run does:
 *  1. Starts the stack exactly as the browser tests do (e2e/support/global-setup.ts: a private
 *     PostgreSQL unless DATABASE_URL is set, Redis, a mail sink, migrate + demo seed, the built API
 *     serving the built client, and the worker).
 *  2. Signs in over GraphQL as the demo patient (Maria) and the demo coordinator, and keeps each
 *     session cookie; Lighthouse sends it with every request of its page load.
 *  3. Runs Lighthouse (its default mobile profile: a mid-range phone's CPU, 4x slower than this
 *     machine's, on a simulated slow 4G link) in Debian's Chromium on: a bare page (the baseline:
 *     what the same server, browser and throttling give for an empty document), the sign-in page,
 *     Maria's case page as Maria, and the coordinator board as the coordinator.
 *  4. Prints each page's performance, accessibility and best-practices scores, first and largest
 *     contentful paint, total blocking time, bytes transferred, and the largest remaining items;
 *     the full reports go to tmp/bench/lighthouse-*.json. A run Lighthouse could not finish (its
 *     runtimeError) is named and left out of the medians.
 *  5. Loads the same pages in Chromium itself (support/long-tasks.ts: a phone's viewport, the CPU
 *     slowed 4x as on Lighthouse's phone), BENCH_LOAD_RUNS times each, alternating pages, and
 *     prints the observed long tasks (how many, their time beyond 50 ms each, the longest) and
 *     the largest paint: less noisy than Lighthouse's simulation, so a change shows there first.
 *
 *  6. With BENCH_COMPARE=<folder of another web build> (a copy of dist/apps/web kept from before
 *     a change), step 5 also loads each page with that build, in turn with this one, on the same
 *     running product (its index.html served for the page's address, its assets added to the
 *     served folder for the run and removed after), and prints the medians side by side. Loads on
 *     a small shared machine swing by a third between sets; taken in turn, both builds share
 *     whatever the machine is doing, and a change shows where separate runs cannot tell it.
 *
 * Targets (issue: a light client): performance >= 90, accessibility 100, best practices >= 95,
 * LCP <= 2.5 s, TBT <= 200 ms. Knobs: BENCH_LIGHTHOUSE_RUNS (1 per page; the median is printed),
 * BENCH_LOAD_RUNS (3 loads per page in step 5; 0 skips it), BENCH_CPU_SLOWDOWN (4),
 * BENCH_COMPARE (step 6).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { machineLine, num, root, signInCookie } from './support/bench-env';
import { timeLoads, type LoadScreen } from './support/long-tasks';
import { CHROMIUM, CHROMIUM_FLAGS, startBuiltProduct } from './support/web-stack';
import { DEMO } from '../apps/api/src/seed/demo-seed';

const RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 1));
const LOAD_RUNS = Math.max(0, Math.floor(Number(process.env.BENCH_LOAD_RUNS ?? 3)) || 0);
const SLOWDOWN = num('BENCH_CPU_SLOWDOWN', 4);
const COMPARE = process.env.BENCH_COMPARE ? resolve(process.env.BENCH_COMPARE) : null;
const COMPARED = ' (compared)';
const started = Date.now();
const say = (text: string) => process.stdout.write(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${text}\n`);

interface Screen {
  name: string;
  url: string;
  cookie?: string;
}

interface Figures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcp: number;
  lcp: number;
  tbt: number;
  kib: number;
  largest: string[];
}

/** A bare document from a plain Node server: the floor of this browser, machine and throttling. */
async function baselineServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Baseline</title></head><body><main><h1>Baseline</h1><p>An empty page.</p></main></body></html>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Puts the compared build's assets (content-hashed names, so none clashes with this build's) into
 * the served folder until the run ends, and returns its index.html. Before the product starts:
 * the API lists the precompressed files it may serve once, at start.
 */
function addComparedAssets(folder: string, cleanups: Array<() => Promise<unknown>>): string {
  const html = join(folder, 'index.html');
  if (!existsSync(html)) throw new Error(`BENCH_COMPARE=${folder} holds no index.html: point it at a copy of dist/apps/web`);
  const served = join(resolve(root, process.env.E2E_DIST || 'dist'), 'apps', 'web', 'assets');
  const added: string[] = [];
  for (const name of readdirSync(join(folder, 'assets'))) {
    const target = join(served, name);
    if (existsSync(target)) continue;
    copyFileSync(join(folder, 'assets', name), target);
    added.push(target);
  }
  cleanups.push(async () => {
    for (const file of added) rmSync(file, { force: true });
  });
  return readFileSync(html, 'utf8');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function main(): Promise<void> {
  say(`machine: ${machineLine()}; Chromium ${CHROMIUM}; ${RUNS} Lighthouse run(s) per page`);
  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    const compareHtml = COMPARE ? addComparedAssets(COMPARE, cleanups) : null;
    const { baseUrl, teardown } = await startBuiltProduct();
    cleanups.push(teardown);
    const baseline = await baselineServer();
    cleanups.push(baseline.close);
    const patient = await signInCookie(`${baseUrl}/graphql`, 'patient@harbor.example');
    const coordinator = await signInCookie(`${baseUrl}/graphql`, 'coordinator@harbor.example');
    const screens: Screen[] = [
      { name: 'baseline (empty page)', url: baseline.url },
      { name: 'sign-in', url: `${baseUrl}/sign-in` },
      { name: "patient's case page", url: `${baseUrl}/cases/${DEMO.cases.maria}`, cookie: patient },
      { name: 'coordinator board', url: `${baseUrl}/records`, cookie: coordinator },
    ];

    const { default: lighthouse } = await import('lighthouse');
    const chromeLauncher = await import('chrome-launcher');
    const chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
    });
    cleanups.push(async () => chrome.kill());

    const outDir = join(root, 'tmp', 'bench');
    mkdirSync(outDir, { recursive: true });
    const results: Array<{ screen: Screen; figures: Figures }> = [];
    for (const screen of screens) {
      const runs: Figures[] = [];
      for (let i = 0; i < RUNS; i++) {
        const result = await lighthouse(screen.url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
          extraHeaders: screen.cookie ? { Cookie: screen.cookie } : undefined,
        });
        if (!result) throw new Error(`Lighthouse gave no result for ${screen.url}`);
        const lhr = result.lhr;
        if (lhr.runtimeError) {
          say(`${screen.name}: Lighthouse could not finish run ${i + 1} (${lhr.runtimeError.code}); left out`);
          continue;
        }
        writeFileSync(join(outDir, `lighthouse-${screen.name.replace(/[^a-z]+/gi, '-').toLowerCase()}-${i + 1}.json`), JSON.stringify(lhr));
        const audit = (id: string) => lhr.audits[id];
        const items = (audit('network-requests')?.details as { items?: Array<{ url: string; transferSize?: number }> } | undefined)?.items ?? [];
        const largest = [...items]
          .sort((a, b) => (b.transferSize ?? 0) - (a.transferSize ?? 0))
          .slice(0, 3)
          .map((item) => `${new URL(item.url).pathname} ${((item.transferSize ?? 0) / 1024).toFixed(0)} KiB`);
        runs.push({
          performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
          bestPractices: Math.round((lhr.categories['best-practices']?.score ?? 0) * 100),
          fcp: audit('first-contentful-paint')?.numericValue ?? NaN,
          lcp: audit('largest-contentful-paint')?.numericValue ?? NaN,
          tbt: audit('total-blocking-time')?.numericValue ?? NaN,
          kib: (audit('total-byte-weight')?.numericValue ?? NaN) / 1024,
          largest,
        });
        const failing = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
          .map((a) => a.id);
        if (failing.length) say(`${screen.name}: audits under 0.9: ${failing.slice(0, 10).join(', ')}`);
      }
      const pick = (key: keyof Omit<Figures, 'largest'>) => median(runs.map((r) => r[key]));
      results.push({
        screen,
        figures: {
          performance: pick('performance'),
          accessibility: pick('accessibility'),
          bestPractices: pick('bestPractices'),
          fcp: pick('fcp'),
          lcp: pick('lcp'),
          tbt: pick('tbt'),
          kib: pick('kib'),
          largest: runs[0]?.largest ?? [],
        },
      });
      say(`measured ${screen.name}`);
    }

    const header = 'page                     perf  a11y  best  FCP s  LCP s  TBT ms  KiB   largest transfers';
    const { version } = JSON.parse(readFileSync(join(root, 'node_modules/lighthouse/package.json'), 'utf8')) as { version: string };
    console.log(`\n== Lighthouse ${version}, mobile profile (simulated mid-range phone, slow 4G); median of ${RUNS} ==`);
    console.log(header);
    console.log('-'.repeat(header.length));
    for (const { screen, figures: f } of results) {
      console.log(
        `${screen.name.padEnd(24)} ${String(f.performance).padStart(4)}  ${String(f.accessibility).padStart(4)}  ${String(f.bestPractices).padStart(4)}  ${(f.fcp / 1000).toFixed(1).padStart(5)}  ${(f.lcp / 1000).toFixed(1).padStart(5)}  ${f.tbt.toFixed(0).padStart(6)}  ${f.kib.toFixed(0).padStart(4)}   ${f.largest.join(', ')}`,
      );
    }
    const pages = results.slice(1);
    const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log(
      `\nperformance >= 90: ${met(pages.every((r) => r.figures.performance >= 90))}; accessibility 100: ${met(pages.every((r) => r.figures.accessibility === 100))}; best practices >= 95: ${met(pages.every((r) => r.figures.bestPractices >= 95))}; LCP <= 2.5 s: ${met(pages.every((r) => r.figures.lcp <= 2500))}; TBT <= 200 ms: ${met(pages.every((r) => r.figures.tbt <= 200))}`,
    );
    const base = results[0]?.figures;
    if (base) console.log(`against the empty page: LCP ${pages.map((r) => `${r.screen.name} ${(r.figures.lcp / base.lcp).toFixed(1)}x`).join(', ')}`);

    if (LOAD_RUNS > 0) {
      // Each page, then the same page with the compared build: taken in turn in every round.
      const loadScreens: LoadScreen[] = screens.flatMap((screen, i) => (compareHtml && i > 0 ? [screen, { ...screen, name: screen.name + COMPARED, html: compareHtml }] : [screen]));
      const loads = await timeLoads(loadScreens, LOAD_RUNS, SLOWDOWN);
      const width = Math.max(24, ...loadScreens.map((screen) => screen.name.length));
      const head = `${'page'.padEnd(width)} long tasks  blocking ms  longest ms  LCP s   (each load: blocking ms)`;
      console.log(`\n== Chromium, CPU ${SLOWDOWN}x slower, phone viewport, observed until quiet; median of ${LOAD_RUNS} loads ==`);
      console.log(head);
      console.log('-'.repeat(head.length));
      for (const screen of loadScreens) {
        const runs = loads.get(screen.name) ?? [];
        const m = (pick: (l: (typeof runs)[number]) => number) => median(runs.map(pick));
        console.log(
          `${screen.name.padEnd(width)} ${String(m((l) => l.tasks)).padStart(10)}  ${m((l) => l.blockingMs)
            .toFixed(0)
            .padStart(11)}  ${m((l) => l.longestMs)
            .toFixed(0)
            .padStart(10)}  ${(m((l) => l.lcpMs) / 1000).toFixed(1).padStart(5)}   ${runs.map((l) => l.blockingMs.toFixed(0)).join(', ')}`,
        );
      }
      if (compareHtml) {
        console.log(`\n== this build against the compared one (${COMPARE}), medians, compared -> this ==`);
        for (const screen of screens.slice(1)) {
          const mine = loads.get(screen.name) ?? [];
          const theirs = loads.get(screen.name + COMPARED) ?? [];
          const pair = (pick: (l: (typeof mine)[number]) => number, unit: (v: number) => string) => {
            const [a, b] = [median(theirs.map(pick)), median(mine.map(pick))];
            return `${unit(a)} -> ${unit(b)} (${(b / a).toFixed(2)}x)`;
          };
          const ms = (v: number) => `${v.toFixed(0)} ms`;
          console.log(
            `${screen.name.padEnd(24)} blocking ${pair((l) => l.blockingMs, ms)}; longest ${pair((l) => l.longestMs, ms)}; LCP ${pair(
              (l) => l.lcpMs,
              (v) => `${(v / 1000).toFixed(2)} s`,
            )}`,
          );
        }
      }
    }
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => process.stderr.write(`[bench] cleanup: ${error}\n`));
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
