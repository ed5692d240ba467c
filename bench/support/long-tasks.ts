/**
 * Page loads timed in Chromium itself (bench/web-lighthouse.bench.ts): the CPU slowed as on
 * Lighthouse's mid-range phone, a phone's viewport, and the page's own long tasks and largest
 * paint as the browser reports them (PerformanceObserver). Lighthouse simulates a load from one
 * trace and swings by ten points between runs on a small shared machine; these figures are
 * observed, so they vary less and show where a change moves the main thread.
 */
import { chromium } from '@playwright/test';
import { CSP_NONCE_PLACEHOLDER } from '../../libs/server/platform/src/http/security-headers';
import { CHROMIUM, CHROMIUM_FLAGS } from './web-stack';

export interface Load {
  /** Long tasks (over 50 ms) until the page was quiet. */
  tasks: number;
  /** Their time beyond 50 ms each, summed: what Lighthouse calls blocking time, observed. */
  blockingMs: number;
  longestMs: number;
  /** Largest contentful paint, from the navigation's start. */
  lcpMs: number;
}

export interface LoadScreen {
  name: string;
  url: string;
  cookie?: string;
  /**
   * Another build's index.html, served for this screen's address instead of the product's (its
   * CSP nonce filled in from the product's own answer): that build's scripts then load, from the
   * same server, data and browser, in turn with the product's own (BENCH_COMPARE).
   */
  html?: string;
}

/** Quiet: no long task for this long (and at least this long since the navigation). */
const QUIET_MS = 3000;
const MAX_MS = 20_000;

declare global {
  interface Window {
    __slLongTasks?: Array<[number, number]>;
    __slLcp?: number;
  }
}

/** Loads each screen `runs` times in a fresh context, CPU slowed `slowdown` times, and returns each load's figures. */
export async function timeLoads(screens: LoadScreen[], runs: number, slowdown: number): Promise<Map<string, Load[]>> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const out = new Map<string, Load[]>();
  try {
    for (let i = 0; i < runs; i++) {
      for (const screen of screens) {
        const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
        if (screen.cookie) {
          const [name = '', value = ''] = screen.cookie.split('=');
          // The site's root: a cookie set for the page's own address would have that page's
          // directory as its path (/cases/), and the GraphQL calls would go without it.
          await context.addCookies([{ name, value, url: new URL('/', screen.url).href }]);
        }
        const html = screen.html;
        if (html) {
          await context.route(screen.url, async (route) => {
            const own = await route.fetch();
            const nonce = /name="csp-nonce" content="([^"]*)"/.exec(await own.text())?.[1] ?? '';
            await route.fulfill({ response: own, body: html.replace(CSP_NONCE_PLACEHOLDER, nonce) });
          });
        }
        await context.addInitScript(() => {
          window.__slLongTasks = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) window.__slLongTasks?.push([e.startTime, e.duration]);
          }).observe({ type: 'longtask', buffered: true });
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) window.__slLcp = e.startTime;
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
        await page.goto(screen.url);
        for (;;) {
          await page.waitForTimeout(250);
          const [now, lastEnd] = await page.evaluate(() => [performance.now(), Math.max(0, ...(window.__slLongTasks ?? []).map(([s, d]) => s + d))]);
          if ((now >= QUIET_MS && now - lastEnd >= QUIET_MS) || now >= MAX_MS) break;
        }
        const { tasks, lcp } = await page.evaluate(() => ({ tasks: window.__slLongTasks ?? [], lcp: window.__slLcp ?? NaN }));
        const load: Load = {
          tasks: tasks.length,
          blockingMs: tasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0),
          longestMs: Math.max(0, ...tasks.map(([, d]) => d)),
          lcpMs: lcp,
        };
        out.set(screen.name, [...(out.get(screen.name) ?? []), load]);
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return out;
}
