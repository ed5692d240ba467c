// Starts the whole stack once per Playwright run and returns the teardown.
//
// PostgreSQL: a private throw-away cluster, or, when DATABASE_URL is set (npm test, CI),
// a fresh database `e2e_<random>` on that server, dropped at the end. Redis: REDIS_URL or a
// private redis-server. Mail: a real SMTP sink whose messages tests read over loopback HTTP
// (support/fixtures.ts). Then migrate + seed, and the built API (serving the built web
// client on the same origin) and worker on free ports. With E2E_PRODUCTION=1 they run with
// NODE_ENV=production behind a trusted proxy, as the image runs them (e2e/production/).
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase, freePort, makeTempDir, run, spawnManaged, startPostgres, startRedis, stopChild, waitForHttp, type ManagedChild } from '../../tools/services/services.cjs';
import { startMailSink, type MailSink } from '../../tools/mail-sink/mail-sink.cjs';
import { apiNodeFlags } from '../../tools/services/node-flags.cjs';

const root = path.resolve(__dirname, '..', '..');
// E2E_DIST points the harness at another build (used to test the harness itself).
const distRoot = path.resolve(root, process.env.E2E_DIST || 'dist');
const dist = {
  api: path.join(distRoot, 'server/apps/api/src/main.js'),
  cli: path.join(distRoot, 'server/apps/api/src/cli.js'),
  worker: path.join(distRoot, 'server/apps/worker/src/main.js'),
  web: path.join(distRoot, 'apps/web'),
};

export default async function globalSetup(): Promise<() => Promise<void>> {
  const missing = [dist.api, dist.cli, dist.worker, path.join(dist.web, 'index.html')].filter((f) => !fs.existsSync(f));
  if (missing.length) {
    throw new Error(
      `The e2e tier runs the built apps, and these are missing:\n  ${missing.map((f) => path.relative(root, f)).join('\n  ')}\n` +
        'Run `npm run build` first (`npm test` and `npm run test:e2e` build for you).',
    );
  }

  const started = Date.now();
  const logDir = path.join(root, 'test-results', 'stack');
  fs.mkdirSync(logDir, { recursive: true });
  const cleanups: Array<() => Promise<unknown>> = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error) => process.stderr.write(`[e2e] teardown step failed: ${error}\n`));
    }
  };

  try {
    const tmp = await makeTempDir('e2e-', path.join(root, 'tmp'));
    cleanups.push(async () => fs.rmSync(tmp, { recursive: true, force: true }));

    let databaseUrl: string;
    if (process.env.DATABASE_URL) {
      const name = `e2e_${randomBytes(5).toString('hex')}`;
      databaseUrl = await createDatabase(process.env.DATABASE_URL, name);
      const serverUrl = process.env.DATABASE_URL;
      cleanups.push(() => dropDatabase(serverUrl, name));
    } else {
      const pg = await startPostgres({ dataDir: path.join(tmp, 'pg'), persistent: false, database: 'second_look', quiet: true, logFile: path.join(logDir, 'postgres.log') });
      cleanups.push(() => pg.stop());
      databaseUrl = pg.url;
    }
    const redis = await startRedis({ dataDir: path.join(tmp, 'redis'), quiet: true });
    cleanups.push(() => redis.stop());

    const sink: MailSink = await startMailSink({ httpPort: 0 });
    cleanups.push(() => sink.close());

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    // E2E_PRODUCTION=1 (the production stage, e2e/production/): the built apps exactly as the
    // image runs them, behind a TLS-terminating proxy (TRUST_PROXY, X-Forwarded-Proto from the tests).
    const production = process.env.E2E_PRODUCTION === '1';
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: production ? 'production' : 'test',
      ...(production ? { TRUST_PROXY: 'true' } : {}),
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      WEB_DIST: dist.web,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      SMTP_URL: sink.url,
      MAIL_FROM: 'Second Look <no-reply@second-look.test>',
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: process.env.E2E_LOG_LEVEL || 'warn',
      // Own key space, in case REDIS_URL is a server other runs share.
      REDIS_PREFIX: `e2e${randomBytes(3).toString('hex')}`,
    };

    await run(process.execPath, [dist.cli, 'migrate'], { env, cwd: root, timeoutMs: 120_000 });
    const seed = await run(process.execPath, [dist.cli, 'seed'], { env, cwd: root, timeoutMs: 120_000 });
    fs.writeFileSync(path.join(logDir, 'seed.txt'), seed.stdout + seed.stderr);

    const start = (name: string, script: string, nodeFlags: string[] = []): ManagedChild => {
      const child = spawnManaged(process.execPath, [...nodeFlags, script], { env, cwd: root, name, logFile: path.join(logDir, `${name}.log`) });
      cleanups.push(() => stopChild(child, { signal: 'SIGTERM', timeoutMs: 10_000 }));
      return child;
    };
    const worker = start('worker', dist.worker);
    const api = start('api', dist.api, apiNodeFlags()); // production's flags (apps/api/node.flags)
    // Generous: on a busy 2-core machine the built API has taken over a minute to start.
    await waitForHttp(`${baseUrl}/health`, { child: api, timeoutMs: 180_000 });
    if (worker.exitCode !== null) throw new Error(`The worker exited at start-up:\n${worker.tail?.()}`);

    // Read by playwright.config.ts (baseURL) and support/fixtures.ts in every worker process.
    process.env.E2E_BASE_URL = baseUrl;
    process.env.E2E_MAIL_URL = sink.httpUrl;
    process.env.E2E_DATABASE_URL = databaseUrl;
    process.env.E2E_REDIS_URL = redis.url;
    process.env.E2E_REDIS_PREFIX = env.REDIS_PREFIX;
    process.env.E2E_SEED_OUTPUT = seed.stdout;
    process.stderr.write(`[e2e] stack ready at ${baseUrl} in ${Date.now() - started} ms (logs: ${path.relative(root, logDir)}/)\n`);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
