#!/usr/bin/env node
// `npm start`: the whole app on this machine, no Docker.
//   build (when dist/ is missing or older than the sources) → PostgreSQL (embedded, data kept
//   in .data/pg; or DATABASE_URL) → Redis (REDIS_URL, or a private redis-server) → a mail
//   sink that prints every e-mail with its links → migrate + seed → API (serving the web
//   client) and worker → wait for /health → print the URL and the demo logins.
// Ctrl-C stops everything. Options: --build (always build), --no-build, --no-seed.
// Env: PORT (3000), HOST (127.0.0.1), PUBLIC_URL, DATABASE_URL, REDIS_URL, LOG_LEVEL,
//      DEV_PG_PORT (fixed port for the embedded PostgreSQL), DEV_SMTP_PORT (2525 if free).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { runOnSupportedNode } from '../node/supported-node.mjs';

const require = createRequire(import.meta.url);

await runOnSupportedNode();
const services = require('../services/services.cjs');
const { apiNodeFlags } = require('../services/node-flags.cjs');
const { startMailSink } = require('../mail-sink/mail-sink.cjs');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
process.chdir(root);
const args = new Set(process.argv.slice(2));
const tty = process.stdout.isTTY;
const paint = (code, text) => (tty ? `\x1b[${code}m${text}\x1b[0m` : text);
const say = (text) => console.log(`${paint('1;36', '[start]')} ${text}`);

const distRoot = process.env.DEV_DIST || 'dist'; // another build folder, e.g. to test this script
const dist = {
  api: `${distRoot}/server/apps/api/src/main.js`,
  cli: `${distRoot}/server/apps/api/src/cli.js`,
  worker: `${distRoot}/server/apps/worker/src/main.js`,
  web: `${distRoot}/apps/web`,
};

// ---- build when needed ---------------------------------------------------------------
function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== 'node_modules' && !name.startsWith('.')) visit(path.join(p, name));
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  paths.forEach(visit);
  return newest;
}
function needsBuild() {
  const outputs = [dist.api, dist.cli, dist.worker, path.join(dist.web, 'index.html')];
  if (outputs.some((f) => !fs.existsSync(f))) return 'dist/ is incomplete';
  const built = Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs));
  const sources = newestMtime(['apps', 'libs', 'tsconfig.base.json', '.swcrc', 'package-lock.json', 'tools/build.mjs']);
  return sources > built ? 'sources changed since the last build' : null;
}

const why = args.has('--no-build') ? null : args.has('--build') ? 'asked for --build' : needsBuild();
if (why) {
  say(`building (${why})…`);
  const t = Date.now();
  const result = spawnSync(process.execPath, ['tools/build.mjs'], { stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  if (result.status !== 0) {
    say(paint('31', 'build failed; fix the errors above and run `npm start` again.'));
    process.exit(result.status ?? 1);
  }
  say(`built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

// ---- services and apps ----------------------------------------------------------------
const started = Date.now();
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '127.0.0.1';
const publicUrl = process.env.PUBLIC_URL || `http://localhost:${port}`;
const children = []; // apps, stopped first
const stops = []; // services, stopped after the apps, in reverse order
let shuttingDown = false;

async function shutdown(code, reason) {
  if (shuttingDown) return;
  shuttingDown = true;
  if (reason) say(reason);
  await Promise.allSettled(children.map((child) => services.stopChild(child, { signal: 'SIGTERM', timeoutMs: 10000 })));
  for (const stop of stops.reverse()) await stop().catch((error) => console.error(error));
  say('stopped.');
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0, 'stopping (SIGINT)…'));
process.on('SIGTERM', () => shutdown(0, 'stopping (SIGTERM)…'));
process.on('SIGHUP', () => shutdown(0, 'stopping (SIGHUP)…'));
// `kill <npm pid>` does not reach us (npm and its shell die, we get re-parented): notice
// that and stop too, instead of leaving the API, worker and PostgreSQL running.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) shutdown(0, 'the parent process (npm?) went away; stopping…');
}, 1000).unref();

function prefixLines(name, color) {
  const label = paint(color, `[${name}]`.padEnd(9));
  return (line, stream) => (stream === 'stderr' ? process.stderr : process.stdout).write(`${label}${line}\n`);
}

async function main() {
  if (!(await portFree(port, host))) {
    throw new Error(`Port ${port} on ${host} is taken (another \`npm start\`?). Stop it, or run with PORT=3001 npm start.`);
  }

  const db = await services.startPostgres({
    dataDir: path.join(root, '.data', 'pg'),
    persistent: true,
    database: 'second_look',
    port: process.env.DEV_PG_PORT ? Number(process.env.DEV_PG_PORT) : undefined,
    logFile: path.join(root, '.data', 'postgres.log'),
    quiet: true,
  });
  stops.push(() => db.stop());
  say(`PostgreSQL ${db.external ? '(DATABASE_URL)' : `${db.url}  (data in .data/pg, log in .data/postgres.log)`}`);

  const redis = await services.startRedis({ dataDir: path.join(root, '.data', 'redis'), quiet: true });
  stops.push(() => redis.stop());
  say(`Redis      ${redis.external ? '(REDIS_URL)' : `${redis.url}  (in memory)`}`);

  const smtpPort = process.env.DEV_SMTP_PORT ? Number(process.env.DEV_SMTP_PORT) : (await portFree(2525, '127.0.0.1')) ? 2525 : 0;
  const sink = await startMailSink({
    port: smtpPort,
    httpPort: 0,
    onMessage: (m) => {
      const lines = [`${paint('1;35', '[mail]')}   to ${m.to.join(', ')}: ${paint('1', m.subject)}`, ...m.links.map((link) => `${paint('1;35', '[mail]')}     ${paint('4', link)}`)];
      console.log(lines.join('\n'));
    },
  });
  stops.push(() => sink.close());
  say(`Mail sink  ${sink.url}  (messages as JSON: ${sink.httpUrl}/messages)`);

  const env = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV || 'development',
    PORT: String(port),
    HOST: host,
    PUBLIC_URL: publicUrl,
    WEB_DIST: path.join(root, dist.web),
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    SMTP_URL: sink.url,
    MAIL_FROM: process.env.MAIL_FROM || 'Second Look (dev) <no-reply@second-look.localhost>',
    MIGRATE_ON_START: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL || 'log',
  };

  const cli = async (command) => {
    const t = Date.now();
    try {
      const { stdout, stderr } = await services.run(process.execPath, [dist.cli, command], { env, cwd: root, timeoutMs: 180000 });
      say(`${command} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      return (stdout + stderr).trim();
    } catch (error) {
      throw new Error(`\`cli.js ${command}\` failed:\n${error.message}`);
    }
  };
  await cli('migrate');
  const seedOutput = args.has('--no-seed') ? '' : await cli('seed');

  const spawnApp = (name, script, color, nodeFlags = []) => {
    const child = services.spawnManaged(process.execPath, [...nodeFlags, script], { env, cwd: root, name, onLine: prefixLines(name, color) });
    child.on('exit', (code, signal) => {
      if (!shuttingDown) shutdown(1, paint('31', `${name} exited (code ${code}, signal ${signal}); stopping everything.`));
    });
    children.push(child);
    return child;
  };
  const api = spawnApp('api', dist.api, '32', apiNodeFlags()); // production's flags (apps/api/node.flags)
  spawnApp('worker', dist.worker, '33');
  await services.waitForHttp(`http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/health`, { child: api, timeoutMs: 60000 });

  const bar = '─'.repeat(64);
  console.log(`\n${bar}`);
  console.log(`  Second Look is running at ${paint('1;4', publicUrl)}   (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`  GraphQL: ${publicUrl}/graphql    Health: ${publicUrl}/health`);
  console.log('  E-mails are not sent: they are printed here as [mail] lines with their links.');
  if (seedOutput)
    console.log(
      `\n${seedOutput
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n')}`,
    );
  console.log(`\n  Ctrl-C stops everything (your data stays in .data/pg; delete that folder to start over).`);
  console.log(`${bar}\n`);
}

function portFree(p, h) {
  return new Promise((resolve) => {
    import('node:net').then(({ createServer }) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(p, h, () => server.close(() => resolve(true)));
    });
  });
}

main().catch((error) => shutdown(1, paint('31', error instanceof Error ? error.message : String(error))));
