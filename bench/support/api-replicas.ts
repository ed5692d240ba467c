import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { root, services } from './bench-env';
import { NODE_FLAGS } from './production-mode';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One API replica in a Node process of its own (bench/support/live-api-process.ts) with
 * production's Node flags, its configuration from `env`; resolves once it listens.
 */
export async function startApiProcess(env: NodeJS.ProcessEnv, name: string): Promise<{ child: ChildProcess; url: string }> {
  let port = 0;
  const child = services.spawnManaged(process.execPath, [...NODE_FLAGS, '--enable-source-maps', '--require', join(root, 'bench/register.cjs'), join(root, 'bench/support/live-api-process.ts')], {
    env,
    cwd: root,
    name,
    onLine: (line) => {
      const m = /^LISTENING (\d+)/.exec(line);
      if (m) port = Number(m[1]);
      else if (/error|exception/i.test(line)) process.stderr.write(`[${name}] ${line.slice(0, 2000)}\n`);
    },
  });
  const deadline = Date.now() + 60_000;
  while (!port) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`${name} did not start within 60 s`);
    await sleep(50);
  }
  return { child, url: `http://127.0.0.1:${port}` };
}

/** The environment of a bench's API processes: production mode on plain loopback HTTP, a Redis prefix of the run's own. */
export function apiProcessEnv(label: string, s: { work: string; redis: { url: string }; dbUrl: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    COOKIE_SECURE: 'false',
    DATABASE_URL: s.dbUrl,
    REDIS_URL: s.redis.url,
    REDIS_PREFIX: `bench${label}${randomBytes(3).toString('hex')}`,
    PUBLIC_URL: 'http://second-look.bench',
    LOG_LEVEL: 'error',
    STORAGE_DIR: join(s.work, 'documents'),
  };
}
