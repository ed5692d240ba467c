import path from 'node:path';
import { defineConfig } from '@playwright/test';

// The e2e tier: real browser, real API and worker (built), real PostgreSQL, Redis and SMTP.
// support/global-setup.ts starts the stack on free loopback ports and puts its addresses in
// E2E_* variables; workers load this file again after that, so `baseURL` below is set there.
//
// Projects: every journey runs on `desktop`. A journey that should also run on a phone
// carries the tag `@phone` (e.g. test('...', { tag: '@phone' }, ...)); `@phone-only` runs on
// the phone alone.
const root = path.resolve(__dirname, '..');

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export default defineConfig({
  testDir: __dirname,
  testMatch: '**/*.e2e.ts',
  outputDir: path.join(root, 'test-results'),
  globalSetup: require.resolve('./support/global-setup'),
  timeout: 30_000,
  // A save that reaches the server and back (argon2 sign-ins, live pushes) can take longer than
  // 5 s when the machine is busy; a real failure only takes longer to report.
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: path.join(root, 'playwright-report') }]] : [['list']],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    browserName: 'chromium',
    headless: true,
    screenshot: 'on',
    trace: 'retain-on-failure',
    video: 'off',
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: chromiumArgs,
    },
  },
  projects: [
    {
      name: 'desktop',
      grepInvert: /@phone-only/,
      use: { viewport: { width: 1280, height: 800 } },
    },
    {
      name: 'phone',
      grep: /@phone/,
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 },
    },
  ],
});
