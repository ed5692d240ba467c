#!/usr/bin/env node
// `npm run test:e2e [-- playwright args]`: build, then run the Playwright journeys against the
// built stack (e2e/support/global-setup.ts starts PostgreSQL, Redis, mail sink, API, worker).
//   npm run test:e2e -- e2e/health.e2e.ts --project=phone
//   E2E_SKIP_BUILD=1 npm run test:e2e     reuse dist/ as it is
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const run = (args) => spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' }).status ?? 1;

if (!process.env.E2E_SKIP_BUILD) {
  const code = run(['tools/build.mjs']);
  if (code !== 0) process.exit(code);
}
process.exit(run(['node_modules/@playwright/test/cli.js', 'test', '-c', 'e2e/playwright.config.ts', ...process.argv.slice(2)]));
