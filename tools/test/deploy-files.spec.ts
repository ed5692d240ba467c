/**
 * docker-compose.yml and the Dockerfile, checked without a container engine (none runs on the
 * development and CI machines): the files parse, every app service's environment is one the
 * apps accept at boot, health checks ask routes the processes really serve, and the image's
 * start script runs the same built files, with the same Node flags, as the production stage of
 * `npm test` (e2e/support/global-setup.ts). Where a Docker client exists, `docker compose
 * config -q` checks the file as Compose itself reads it.
 */
import { loadConfig } from '@second-look/server-platform';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { apiNodeFlags, FLAGS_FILE } = require('../services/node-flags.cjs') as typeof import('../services/node-flags.cjs');

const root = resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

interface Service {
  image?: string;
  build?: unknown;
  command?: string[] | string;
  environment?: Record<string, string | number | boolean>;
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  stop_grace_period?: string;
}
const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service> };
const dockerfile = read('Dockerfile');

/** Compose's `${NAME:-default}` interpolation, with an empty shell environment. */
const interpolate = (v: string | number | boolean) => String(v).replace(/\$\{(\w+)(?::?-([^}]*))?\}/g, (_, _name, dflt) => dflt ?? '');
const envOf = (name: string): Record<string, string> => Object.fromEntries(Object.entries(compose.services[name].environment ?? {}).map(([k, v]) => [k, interpolate(v)]));

/** The runtime stage's ENV lines (the image's defaults, under each container's environment). */
function imageEnv(): Record<string, string> {
  const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
  const block = /^ENV ((?:.*\\\n)*.*)$/m.exec(runtime)![1].replace(/\\\n/g, ' ');
  return Object.fromEntries([...block.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]]));
}

/** The start script written into the image (the heredoc after `COPY ... second-look`): its `case` arms. */
function startScriptArms(): Record<string, string> {
  const script = /<<'SH' \/usr\/local\/bin\/second-look\n([\s\S]*?)\nSH\n/.exec(dockerfile)![1];
  return Object.fromEntries([...script.matchAll(/^\s*(\w+)\)\s+exec (.+?) ;;$/gm)].map((m) => [m[1], m[2].trim()]));
}

/** Routes each process's health endpoint answers, read from the code that serves them. */
const apiHealthRoutes = () => {
  const src = read('apps/api/src/health.controller.ts');
  const base = /@Controller\('([^']+)'\)/.exec(src)![1];
  return [...src.matchAll(/@Get\((.+?)\)/g)].flatMap((m) => [...m[1].matchAll(/'([^']*)'/g)].map((p) => `/${base}${p[1] ? `/${p[1]}` : ''}`));
};
const workerHealthRoutes = () => [.../\[((?:'\/health[^']*',?\s*)+)\]\.includes/.exec(read('libs/server/database/src/health/health-server.ts'))![1].matchAll(/'([^']+)'/g)].map((m) => m[1]);

describe('docker-compose.yml and the Dockerfile (static checks)', () => {
  it('has the services the stack needs, in the order they must start', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'mailpit', 'migrate', 'postgres', 'redis', 'worker']);
    for (const app of ['api', 'worker']) {
      expect(compose.services[app].depends_on?.migrate).toEqual({ condition: 'service_completed_successfully' });
      expect(compose.services[app].depends_on?.redis).toEqual({ condition: 'service_healthy' });
      expect(compose.services[app].image).toBe(compose.services.migrate.image);
    }
    expect(compose.services.migrate.depends_on?.postgres).toEqual({ condition: 'service_healthy' });
    expect(compose.services.worker.depends_on?.mailpit).toEqual({ condition: 'service_healthy' });
    // BullMQ loses jobs if Redis evicts keys.
    expect(compose.services.redis.command).toEqual(expect.arrayContaining(['--maxmemory-policy', 'noeviction']));
  });

  it.each(['migrate', 'api', 'worker'])('gives %s an environment the apps accept at boot (loadConfig)', (name) => {
    const env = { ...imageEnv(), ...envOf(name) };
    const config = loadConfig(env);
    expect(config.isProduction).toBe(true);
    expect(config.devClock).toBe(false);
    expect(new URL(config.databaseUrl).hostname).toBe('postgres');
    expect(new URL(config.redisUrl).hostname).toBe('redis');
    if (name === 'worker') expect(config.smtpUrl).toMatch(/^smtp:\/\/mailpit:/); // the worker refuses to start without it
    if (name === 'api') {
      expect(config.migrateOnStart).toBe(false); // the migrate service does it, once
      expect(compose.services.api.ports).toContain(`${config.port}:${config.port}`);
      expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${config.port}$`, 'm'));
    }
  });

  it.each(['api', 'worker'])('lets %s reach its own shutdown deadline before Docker kills it', (name) => {
    const { shutdownTimeoutMs } = loadConfig({ ...imageEnv(), ...envOf(name) });
    const grace = /^(\d+)s$/.exec(compose.services[name].stop_grace_period ?? '10s'); // Docker's default: 10 s
    expect(grace).not.toBeNull();
    expect(Number(grace![1]) * 1000).toBeGreaterThan(shutdownTimeoutMs);
  });

  it('health checks ask routes the processes serve, on the ports they listen on', () => {
    const api = compose.services.api.healthcheck!.test!.join(' ');
    const m = /http:\/\/127\.0\.0\.1:(\d+)(\/[\w/]+)/.exec(api)!;
    expect(apiHealthRoutes()).toContain(m[2]);
    expect(Number(m[1])).toBe(loadConfig({ ...imageEnv(), ...envOf('api') }).port);

    // The image's HEALTHCHECK: PORT for the API, WORKER_HEALTH_PORT for the worker (which compose sets).
    const hc = /^HEALTHCHECK [\s\S]*?CMD (.+)$/m.exec(dockerfile)![1];
    const path = /\/health[\w/]*/.exec(hc)![0];
    expect(apiHealthRoutes()).toContain(path);
    expect(workerHealthRoutes()).toContain(path);
    expect(hc).toContain('apps/api/src/main.js');
    expect(hc).toContain('apps/worker/src/main.js');
    expect(hc).toContain('WORKER_HEALTH_PORT');
    expect(loadConfig({ ...imageEnv(), ...envOf('worker') }).workerHealthPort).toEqual(expect.any(Number));
    expect(compose.services.migrate.healthcheck?.disable).toBe(true);
  });

  it("the image's start script runs what the production stage runs: the same built files, the API with apps/api/node.flags", () => {
    const arms = startScriptArms();
    const setup = read('e2e/support/global-setup.ts');
    const built = (key: string) => new RegExp(`${key}: path\\.join\\(distRoot, '([^']+)'\\)`).exec(setup)![1];
    expect(arms.api).toBe(`node $(sed -e 's/#.*//' apps/api/node.flags) dist/${built('api')} "$@"`);
    expect(arms.worker).toBe(`node dist/${built('worker')} "$@"`);
    expect(arms.cli).toBe(`node dist/${built('cli')} "$@"`);
    // The production stage starts the API with the flags from that same file.
    expect(setup).toMatch(/start\('api', dist\.api, apiNodeFlags\(\)\)/);
    expect(FLAGS_FILE).toBe(join(root, 'apps/api/node.flags'));
    expect(apiNodeFlags().length).toBeGreaterThan(0);
    expect(dockerfile).toContain('COPY --from=build --chown=node:node /app/apps/api/node.flags ./apps/api/node.flags');
    // The sed in the script strips comments the way node-flags.cjs does.
    const bySed = read('apps/api/node.flags')
      .split('\n')
      .map((l) => l.replace(/#.*/, ''))
      .join(' ')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    expect(bySed).toEqual(apiNodeFlags());
    // The build stage copies every file the build script runs, and fails when a file the start script runs is missing.
    const copied = [...dockerfile.matchAll(/^COPY (?!--from)(\S+) /gm)].map((m) => m[1]);
    const runByBuild = [...read('tools/build.mjs').matchAll(/'(tools\/[\w/.-]+\.mjs)'/g)].map((m) => m[1]);
    expect(runByBuild.length).toBeGreaterThan(0);
    for (const file of runByBuild) expect(copied.some((c) => file === c || file.startsWith(`${c.replace(/\/$/, '')}/`))).toBe(true);
    for (const key of ['api', 'worker', 'cli']) expect(dockerfile).toContain(`test -f dist/${built(key)}`);
    // migrate runs the same CLI commands the production stage runs before it starts the apps.
    expect(compose.services.migrate.command).toEqual(['sh', '-c', 'second-look cli migrate && second-look cli seed']);
    expect(setup).toMatch(/\[dist\.cli, 'migrate'\]/);
    expect(setup).toMatch(/\[dist\.cli, 'seed'\]/);
    expect(compose.services.api.command).toEqual(['api']);
    expect(compose.services.worker.command).toEqual(['worker']);
    expect(imageEnv().NODE_ENV).toBe('production');
  });

  it('builds on the Node.js line in .nvmrc', () => {
    const major = read('.nvmrc').trim().replace(/^v/, '').split('.')[0];
    expect(/^ARG NODE_IMAGE=node:(\d+)-/m.exec(dockerfile)![1]).toBe(major);
    expect(interpolate((compose.services.migrate.build as { args: Record<string, string> }).args.NODE_IMAGE)).toBe(`node:${major}-trixie-slim`);
  });

  const docker = spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0;
  (docker ? it : it.skip)('docker compose config -q accepts the file (only where a Docker client exists)', () => {
    execFileSync('docker', ['compose', '-f', join(root, 'docker-compose.yml'), 'config', '-q'], { stdio: 'pipe' });
  });
});
