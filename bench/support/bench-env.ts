/**
 * What every benchmark here starts with: knobs from the environment, a private PostgreSQL and
 * Redis under tmp/bench (or DATABASE_URL / REDIS_URL when set), a fresh database, and clean-up
 * in reverse order on the way out, also on Ctrl-C.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { ALL_ENTITIES, dataSourceOptions } from '@second-look/server-database';
import { AppConfig, loadConfig } from '@second-look/server-platform';
import { DataSource } from 'typeorm';
import { createApi } from '../../apps/api/src/bootstrap';
import { DEMO_PASSWORD, seedDemo } from '../../apps/api/src/seed/demo-seed';
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const services = require('../../tools/services/services.cjs') as typeof import('../../tools/services/services.cjs');

export const root = resolve(__dirname, '..', '..');

/** A positive whole number from the environment (fractions allowed with `{ whole: false }`). */
export function num(name: string, fallback: number, { whole = true } = {}): number {
  const v = Number(process.env[name] ?? fallback);
  if (!(whole ? Number.isInteger(v) : Number.isFinite(v)) || v <= 0) throw new Error(`${name} must be a positive ${whole ? 'whole ' : ''}number`);
  return v;
}

export const loadLine = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
export const machineLine = () => `Node ${process.version}, ${cpus().length} cores, load average ${loadLine()}`;

/** Clean-ups run last-in first-out; each failure is printed and the rest still run. */
export class Cleanups {
  private readonly fns: (() => Promise<unknown>)[] = [];

  constructor() {
    process.once('SIGINT', () => void this.run().then(() => process.exit(130)));
  }

  push(fn: () => Promise<unknown>): void {
    this.fns.push(fn);
  }

  async run(): Promise<void> {
    while (this.fns.length) await this.fns.pop()!().catch((e) => process.stderr.write(`[bench] cleanup: ${e}\n`));
  }
}

export interface BenchServices {
  work: string;
  pg: Awaited<ReturnType<typeof services.startPostgres>>;
  redis: Awaited<ReturnType<typeof services.startRedis>>;
  dbName: string;
  dbUrl: string;
}

/** Starts the services for a run named `label` and creates its database; `cleanups` undoes it all. */
export async function startBenchServices(label: string, cleanups: Cleanups): Promise<BenchServices> {
  const work = join(root, 'tmp', 'bench', `${label}-${process.pid}`);
  mkdirSync(work, { recursive: true });
  cleanups.push(async () => rmSync(work, { recursive: true, force: true }));
  const pg = await services.startPostgres({ dataDir: join(work, 'pg'), persistent: false, quiet: true });
  cleanups.push(() => pg.stop());
  const redis = await services.startRedis({ dataDir: join(work, 'redis'), quiet: true });
  cleanups.push(() => redis.stop());
  const dbName = `bench_${label}_${randomBytes(4).toString('hex')}`;
  const dbUrl = await services.createDatabase(pg.url, dbName);
  cleanups.push(() => services.dropDatabase(pg.url, dbName));
  return { work, pg, redis, dbName, dbUrl };
}

/** The API's configuration for a benchmark: the given database and Redis, production's mode, no mail. */
export function benchApiConfig(v: { nodeEnv: string; dbUrl: string; redisUrl: string; prefix: string; work: string }): AppConfig {
  return loadConfig({
    NODE_ENV: v.nodeEnv,
    COOKIE_SECURE: 'false',
    DATABASE_URL: v.dbUrl,
    REDIS_URL: v.redisUrl,
    REDIS_PREFIX: v.prefix,
    PUBLIC_URL: 'http://second-look.bench',
    MIGRATE_ON_START: 'true',
    LOG_LEVEL: 'error',
    SMTP_URL: 'smtp://127.0.0.1:9',
    STORAGE_DIR: join(v.work, 'documents'),
  });
}

/** Signs a demo person in over GraphQL (`graphqlUrl` ends in /graphql); the session cookie. */
export async function signInCookie(graphqlUrl: string, email: string): Promise<string> {
  const res = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { id } }', variables: { e: email, p: DEMO_PASSWORD } }),
  });
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('sl_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error(`sign-in as ${email} failed`);
  return cookie;
}

/**
 * The real API in this process (production mode, migrated) on private services, the demo data
 * seeded through an owner DataSource (for set-up and DDL), and `gql`, a GraphQL call signed in
 * as `email` that throws on any error: what the write benches (rollup-writes, stage-writes) start with.
 */
export async function startDemoApi(label: string, prefix: string, cleanups: Cleanups, email = 'coordinator@harbor.example') {
  const svc = await startBenchServices(label, cleanups);
  const app = await createApi(benchApiConfig({ nodeEnv: 'production', dbUrl: svc.dbUrl, redisUrl: svc.redis.url, prefix, work: svc.work }), { logger: false });
  await app.listen(0, '127.0.0.1');
  cleanups.push(() => app.close());
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/graphql`;
  const ds = await ownerDataSource(svc.dbUrl, cleanups);
  await seedDemo(ds);
  const cookie = await signInCookie(url, email);
  const gql = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-requested-with': 'bench' }, body: JSON.stringify({ query, variables }) });
    const body = (await r.json()) as { data?: T; errors?: unknown[] };
    if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors).slice(0, 500));
    return body.data;
  };
  return { svc, ds, gql };
}

/**
 * A DataSource as the owner (DATABASE_URL's own role, outside the app's row-level security
 * role) for a benchmark's set-up: bulk loads, DDL, VACUUM, TRUNCATE. Closed by `cleanups`.
 */
export async function ownerDataSource(dbUrl: string, cleanups: Cleanups): Promise<DataSource> {
  const ds = await new DataSource(dataSourceOptions(dbUrl, ALL_ENTITIES, { poolSize: 2 })).initialize();
  cleanups.push(() => ds.destroy());
  return ds;
}

/** Runs a bench's main: exit 0 when it is done (its services' handles would keep the process alive), else the error and exit 1. */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
