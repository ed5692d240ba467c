/**
 * What the browser benchmarks (web-lighthouse, case-page-renders) share: the built product
 * started as the browser tests start it (e2e/support/global-setup.ts), and Debian's Chromium
 * with the same flags as e2e/playwright.config.ts.
 */
import globalSetup from '../../e2e/support/global-setup';

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Chromium's flags for a quiet, repeatable run (no GPU, no background traffic); headless is up to the launcher. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BuiltProduct {
  /** Where the built API serves the built client, e.g. http://127.0.0.1:41234. */
  baseUrl: string;
  /** Its database (demo-seeded), for a benchmark's own set-based seed. */
  databaseUrl: string;
  teardown: () => Promise<void>;
}

/** The stack of the browser tests: PostgreSQL, Redis, a mail sink, migrate + demo seed, the built API and worker. Needs `npm run build`. */
export async function startBuiltProduct(): Promise<BuiltProduct> {
  const teardown = await globalSetup();
  return { baseUrl: process.env.E2E_BASE_URL as string, databaseUrl: process.env.E2E_DATABASE_URL as string, teardown };
}
