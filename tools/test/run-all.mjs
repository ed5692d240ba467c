#!/usr/bin/env node
// `npm test`: every tier in order, stopping at the first failing one, always cleaning up.
//   typecheck (generated GraphQL types current, then tsc) → lint (when an eslint.config.* exists)
//   → unit → integration → build (and the first screens' weight) → production (the built apps
//   in production mode, e2e/production/) → e2e
// Integration and e2e share one private PostgreSQL + Redis (unless DATABASE_URL/REDIS_URL
// are given); e2e makes its own database on that server. Ends with a per-tier summary and
// the line `N passed, N failed` (tests, plus one per check tier: typecheck, lint, build).
//
//   npm test -- --only=unit,integration     run some tiers
//   npm test -- --skip=e2e                  leave some out
//   npm test -- --keep-going                run later tiers even after a failure
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { runOnSupportedNode } from '../node/supported-node.mjs';

const require = createRequire(import.meta.url);

await runOnSupportedNode();
const services = require('../services/services.cjs');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
process.chdir(root);
const reportDir = path.join(root, 'tmp', 'test-reports');
fs.rmSync(reportDir, { recursive: true, force: true });
fs.mkdirSync(reportDir, { recursive: true });

const args = process.argv.slice(2);
const listArg = (name) => {
  const found = args.find((a) => a.startsWith(`--${name}=`));
  return found
    ? found
        .slice(name.length + 3)
        .split(',')
        .filter(Boolean)
    : null;
};
const ALL = ['typecheck', 'lint', 'unit', 'integration', 'build', 'production', 'e2e'];
const only = listArg('only');
const skip = listArg('skip') || [];
const keepGoing = args.includes('--keep-going');
for (const name of [...(only || []), ...skip]) {
  if (!ALL.includes(name)) {
    console.error(`Unknown tier "${name}". Tiers: ${ALL.join(', ')}`);
    process.exit(2);
  }
}
const wanted = (name) => (!only || only.includes(name)) && !skip.includes(name);

const baseEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0') };
const node = process.execPath;
const bin = {
  tsc: 'node_modules/typescript/bin/tsc',
  eslint: 'node_modules/eslint/bin/eslint.js',
  prettier: 'node_modules/prettier/bin/prettier.cjs',
  jest: 'node_modules/jest/bin/jest.js',
  playwright: 'node_modules/@playwright/test/cli.js',
};

/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set();
let stopping = false;

function nxBin() {
  try {
    const pkgFile = require.resolve('nx/package.json', { paths: [root] });
    const { bin: nxBins } = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
    return path.join(path.dirname(pkgFile), typeof nxBins === 'string' ? nxBins : nxBins.nx);
  } catch {
    return null;
  }
}

function exec(file, argv, env = baseEnv, stdout = 'inherit') {
  return new Promise((resolve) => {
    const child = spawn(node, [file, ...argv], { stdio: ['ignore', stdout, 'inherit'], env });
    running.add(child);
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? 128 : 1));
    });
    child.on('error', (error) => {
      running.delete(child);
      console.error(error);
      resolve(1);
    });
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
function banner(text) {
  console.log(`\n\u2500\u2500\u2500\u2500 ${text} ${'\u2500'.repeat(Math.max(4, 70 - text.length))}`);
}

/** @typedef {{ name: string, status: 'passed'|'failed'|'skipped'|'empty'|'not run', passed: number, failed: number, note: string, ms: number }} Tier */
/** @type {Tier[]} */
const results = [];

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function jestCounts(file, code) {
  const report = readJson(file);
  if (!report) return { passed: 0, failed: 1, note: 'Jest wrote no report (crashed?)' };
  let failed = report.numFailedTests + report.numRuntimeErrorTestSuites;
  if (code !== 0 && failed === 0) failed = 1; // e.g. a suite that failed outside any test
  const note = `${report.numTotalTestSuites} suites` + (report.numRuntimeErrorTestSuites ? `, ${report.numRuntimeErrorTestSuites} failed to run` : '');
  return { passed: report.numPassedTests, failed, note };
}

function playwrightCounts(file, code) {
  const report = readJson(file);
  if (!report) return { passed: 0, failed: 1, note: 'Playwright wrote no report (crashed?)' };
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats || {};
  const errors = (report.errors || []).length; // e.g. global setup failed
  let failed = unexpected + errors;
  if (code !== 0 && failed === 0) failed = 1;
  const notes = [];
  if (flaky) notes.push(`${flaky} flaky`);
  if (skipped) notes.push(`${skipped} skipped`);
  if (errors) notes.push(`${errors} error(s) outside tests`);
  return { passed: expected + flaky, failed, note: notes.join(', ') };
}

function findFiles(dirs, suffix) {
  const found = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(suffix)) found.push(full);
    }
  };
  dirs.forEach(walk);
  return found;
}

let stack = null; // { db, redis, tmp }
async function ensureServices() {
  if (stack) return stack;
  const started = Date.now();
  const tmp = await services.makeTempDir('test-', path.join(root, 'tmp'));
  const db = await services.startPostgres({ dataDir: path.join(tmp, 'pg'), persistent: false, quiet: true, logFile: path.join(tmp, 'postgres.log') });
  stack = { db, tmp, redis: null };
  stack.redis = await services.startRedis({ dataDir: path.join(tmp, 'redis'), quiet: true });
  console.log(`PostgreSQL: ${db.external ? 'DATABASE_URL (given)' : db.url}   Redis: ${stack.redis.external ? 'REDIS_URL (given)' : stack.redis.url}   (${seconds(Date.now() - started)})`);
  return stack;
}
async function stopServices() {
  if (!stack) return;
  const { db, redis, tmp } = stack;
  stack = null;
  await Promise.allSettled([redis?.stop(), db.stop()]);
  fs.rmSync(tmp, { recursive: true, force: true });
}

const tiers = [
  {
    name: 'typecheck',
    run: async () => {
      // The client's GraphQL types are generated from schema.gql and the documents; a stale
      // generated.ts would type-check against yesterday's schema.
      const codegen = await exec('tools/codegen/graphql-types.mjs', ['--check']);
      if (codegen !== 0) return { code: codegen, note: 'generated GraphQL types are not current (npm run codegen)' };
      // Production code is checked with noUncheckedIndexedAccess, tests without it (docs/architecture.md, "Conventions").
      const production = await exec(bin.tsc, ['-p', 'tsconfig.production.json', '--noEmit']);
      if (production !== 0) return { code: production, note: 'in production code (tsconfig.production.json)' };
      const tests = await exec(bin.tsc, ['-p', 'tsconfig.tests.json', '--noEmit']);
      return { code: tests, note: tests === 0 ? 'production code and tests' : 'in tests (tsconfig.tests.json)' };
    },
  },
  {
    name: 'lint',
    run: async () => {
      const config = fs.readdirSync(root).find((f) => /^eslint\.config\.(js|cjs|mjs|ts|cts|mts)$/.test(f));
      if (!config) return { status: 'skipped', note: 'no eslint.config.* in the root' };
      // @nx/enforce-module-boundaries reads Nx's cached project graph and, on a fresh clone
      // without one, skips itself with only a warning. Compute the graph first.
      const nx = nxBin();
      if (nx) {
        const graphCode = await exec(nx, ['show', 'projects'], { ...baseEnv, NX_VERBOSE_LOGGING: 'false' }, 'ignore');
        if (graphCode !== 0) return { code: graphCode, note: 'nx could not compute the project graph' };
      }
      const lintCode = await exec(bin.eslint, ['.', '--max-warnings=-1']);
      if (lintCode !== 0) return { code: lintCode };
      // One formatter for the whole repo (.prettierrc.json); `npx prettier --write .` fixes what this finds.
      const formatCode = await exec(bin.prettier, ['--check', '--log-level=warn', '.']);
      return { code: formatCode, note: formatCode === 0 ? 'eslint and prettier' : 'files not formatted (npx prettier --write .)' };
    },
  },
  {
    name: 'unit',
    run: async () => {
      const out = path.join(reportDir, 'unit.json');
      const code = await exec(bin.jest, ['-c', 'jest.unit.config.cjs', '--ci', '--json', `--outputFile=${out}`]);
      return { code, ...jestCounts(out, code) };
    },
  },
  {
    name: 'integration',
    run: async () => {
      const files = findFiles(['libs', 'apps'], '.int-spec.ts');
      if (!files.length) return { status: 'empty', note: 'no *.int-spec.ts files yet' };
      const { db, redis } = await ensureServices();
      const out = path.join(reportDir, 'integration.json');
      const env = { ...baseEnv, DATABASE_URL: db.url, REDIS_URL: redis.url };
      const code = await exec(bin.jest, ['-c', 'jest.int.config.cjs', '--runInBand', '--ci', '--json', `--outputFile=${out}`], env);
      return { code, ...jestCounts(out, code) };
    },
  },
  {
    name: 'build',
    // The build, then each first screen's weight against its ceiling (tools/web/bundle-budget.mjs).
    run: async () => {
      const code = await exec('tools/build.mjs', []);
      return { code: code || (await exec('tools/web/bundle-budget.mjs', [])) };
    },
  },
  {
    // The built API and worker as the image runs them (NODE_ENV=production behind a TLS proxy),
    // checked from outside: introspection, cookies, headers, CSP in Chromium, boot refusals, a reminder e-mail.
    name: 'production',
    run: async () => {
      const { db, redis } = await ensureServices();
      const out = path.join(reportDir, 'production.json');
      const env = { ...baseEnv, DATABASE_URL: db.url, REDIS_URL: redis.url, PLAYWRIGHT_JSON_OUTPUT_NAME: out };
      const code = await exec(bin.playwright, ['test', '-c', 'e2e/production/playwright.production.config.ts', '--reporter=list,json'], env);
      return { code, ...playwrightCounts(out, code) };
    },
  },
  {
    name: 'e2e',
    run: async () => {
      if (!findFiles(['e2e'], '.e2e.ts').length) return { status: 'empty', note: 'no e2e/*.e2e.ts files' };
      const { db, redis } = await ensureServices();
      const out = path.join(reportDir, 'e2e.json');
      const env = {
        ...baseEnv,
        DATABASE_URL: db.url,
        REDIS_URL: redis.url,
        PLAYWRIGHT_JSON_OUTPUT_NAME: out,
        PLAYWRIGHT_HTML_OPEN: 'never',
      };
      const code = await exec(bin.playwright, ['test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json,html'], env);
      return { code, ...playwrightCounts(out, code) };
    },
  },
];

async function main() {
  const began = Date.now();
  let failedTier = null;
  for (const tier of tiers) {
    if (!wanted(tier.name)) {
      results.push({ name: tier.name, status: 'skipped', passed: 0, failed: 0, note: 'not selected', ms: 0 });
      continue;
    }
    if ((failedTier && !keepGoing) || stopping) {
      results.push({ name: tier.name, status: 'not run', passed: 0, failed: 0, note: stopping ? 'interrupted' : `after ${failedTier} failed`, ms: 0 });
      continue;
    }
    banner(tier.name);
    const started = Date.now();
    let outcome;
    try {
      outcome = await tier.run();
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      outcome = { code: 1, passed: 0, failed: 1, note: String(error instanceof Error ? error.message.split('\n')[0] : error) };
    }
    const ms = Date.now() - started;
    /** @type {Tier} */
    let result;
    if (outcome.status === 'skipped' || outcome.status === 'empty') {
      result = { name: tier.name, status: outcome.status, passed: 0, failed: 0, note: outcome.note, ms };
    } else {
      const isTestTier = outcome.passed !== undefined;
      const ok = outcome.code === 0 && !(outcome.failed > 0);
      result = {
        name: tier.name,
        status: ok ? 'passed' : 'failed',
        passed: isTestTier ? outcome.passed : ok ? 1 : 0,
        failed: isTestTier ? Math.max(outcome.failed, ok ? 0 : 1) : ok ? 0 : 1,
        note: outcome.note || '',
        ms,
      };
    }
    results.push(result);
    if (result.status === 'failed') failedTier = tier.name;
  }
  await stopServices();

  banner('summary');
  for (const r of results) {
    const counts = ['unit', 'integration', 'e2e'].includes(r.name) && (r.status === 'passed' || r.status === 'failed') ? `${r.passed} passed, ${r.failed} failed` : '';
    const line = [r.name.padEnd(12), r.status.padEnd(8), counts.padEnd(22), r.ms ? seconds(r.ms).padStart(8) : ''.padStart(8), r.note].join(' ');
    console.log(`  ${line.trimEnd()}`);
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  console.log(`  total time ${seconds(Date.now() - began)} on Node ${process.version}; reports in ${path.relative(root, reportDir)}/, e2e artifacts in test-results/`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 || results.some((r) => r.status === 'failed') ? 1 : 0;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: stopping the current tier and cleaning up…`);
    for (const child of running) child.kill(signal);
    // main() then records the tier, stops the services and exits.
  });
}

main().then(
  (code) => process.exit(stopping ? 130 : code),
  async (error) => {
    console.error(error);
    await stopServices().catch(() => undefined);
    process.exit(1);
  },
);
