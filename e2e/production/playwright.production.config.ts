import path from 'node:path';
import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

// The production stage of `npm test`: the built API and worker started as the image starts them
// (NODE_ENV=production, TRUST_PROXY on; support/global-setup.ts with E2E_PRODUCTION=1), every
// request arriving as if through a TLS proxy (X-Forwarded-Proto: https), checked from outside.
process.env.E2E_PRODUCTION = '1';
const root = path.resolve(__dirname, '..', '..');

export default defineConfig({
  ...base,
  testDir: __dirname,
  testMatch: '**/*.prod.ts',
  outputDir: path.join(root, 'test-results', 'production'),
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    ...base.use,
    baseURL: process.env.E2E_BASE_URL,
    extraHTTPHeaders: { 'X-Forwarded-Proto': 'https' },
  },
  projects: [{ name: 'production', use: { viewport: { width: 1280, height: 800 } } }],
});
