import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ALL_ENTITIES, createTestDatabase, dataSourceOptions } from '@second-look/server-database';
import { AppConfig, createRootLogger, loadConfig, Metrics, PinoNestLogger } from '@second-look/server-platform';
import { randomBytes } from 'node:crypto';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../../../worker/src/worker.module';
import { createApi } from '../../src/bootstrap';
import { DEMO_PASSWORD, seedDemo } from '../../src/seed/demo-seed';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startMailSink } = require('../../../../tools/mail-sink/mail-sink.cjs') as typeof import('../../../../tools/mail-sink/mail-sink.cjs');
type MailSink = Awaited<ReturnType<typeof startMailSink>>;

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; details?: Record<string, unknown>; [k: string]: unknown } }>;
}

/** A browser-like GraphQL client: POST with JSON, keeps the session cookie it is given. */
export class GqlClient {
  cookie: string | null = null;
  constructor(readonly baseUrl: string) {}

  async raw(body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown; setCookie: string[] }> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      body: JSON.stringify(body),
    });
    const setCookie = res.headers.getSetCookie();
    for (const c of setCookie) {
      const [pair] = c.split(';');
      const [name, value] = pair.split('=');
      if (name === 'sl_session') this.cookie = value ? `${name}=${value}` : null;
    }
    return { status: res.status, json: await res.json().catch(() => null), setCookie };
  }

  async gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> {
    const r = await this.raw({ query, variables });
    return { status: r.status, ...(r.json as object) } as GqlResult<T>;
  }

  /** Fails the test with the server's errors when the operation did not succeed. */
  async ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const r = await this.gql<T>(query, variables);
    if (r.errors?.length || !r.data) throw new Error(`GraphQL failed: ${JSON.stringify(r.errors ?? r)}`);
    return r.data;
  }
}

export const SIGN_IN = `mutation($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { id role } }`;

/** A client signed in as `email` on the API process at `url`. */
export async function signInAt(url: string, email: string, password = DEMO_PASSWORD): Promise<GqlClient> {
  const c = new GqlClient(url);
  await c.ok(SIGN_IN, { email, password });
  return c;
}

/** Starts the app on a free loopback port and answers its address. */
async function listenOnFreePort(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
}

/** A second API process of a test stack. */
export interface ApiReplica {
  url: string;
  app: INestApplication;
  signIn(email: string, password?: string): Promise<GqlClient>;
  close(): Promise<void>;
}

/**
 * Another real API process (its own Nest app, port and Redis connections) on the stack's
 * database and Redis prefix, as a second replica behind a load balancer would be. Close it
 * before the stack.
 */
export async function startReplica(stack: Pick<TestStack, 'config'>): Promise<ApiReplica> {
  const app = await createApi(stack.config, { logger: false });
  const url = await listenOnFreePort(app);
  return { url, app, signIn: (email, password) => signInAt(url, email, password), close: () => app.close() };
}

export interface TestStack {
  url: string;
  config: AppConfig;
  app: INestApplication;
  ds: DataSource;
  worker: INestApplicationContext | null;
  mail: MailSink | null;
  client(): GqlClient;
  signIn(email: string, password?: string): Promise<GqlClient>;
  close(): Promise<void>;
}

/**
 * The real API (and optionally the real worker) against a database of this test file's own,
 * migrated and seeded with the demo data, and a Redis key prefix of its own.
 */
export async function startTestStack(
  label: string,
  opts: { worker?: boolean; mail?: boolean; env?: Record<string, string>; /** The API's log lines go here (else nowhere). */ logTo?: DestinationStream } = {},
): Promise<TestStack> {
  if (!process.env.REDIS_URL) throw new Error('REDIS_URL must point at a Redis server for integration tests (npm test sets it).');
  const db = await createTestDatabase(label);
  const mail = opts.worker || opts.mail ? await startMailSink({ httpPort: false }) : null;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: `t${randomBytes(4).toString('hex')}`,
    PUBLIC_URL: 'http://second-look.test',
    MIGRATE_ON_START: 'true',
    ...(mail ? { SMTP_URL: mail.url } : {}),
    ...opts.env,
  });
  const app = await createApi(config, opts.logTo ? { logTo: opts.logTo } : { logger: false });
  const url = await listenOnFreePort(app);
  // Set-up and checks run as the owner (a superuser here, outside row-level security); the app
  // under test runs as the restricted role (DATABASE_ROLE) in the scope of each request.
  const ds = await new DataSource(dataSourceOptions(db.url, ALL_ENTITIES, { poolSize: 3 })).initialize();
  await seedDemo(ds);
  // Nest's logger is one per process: a worker logging to the same place keeps the API's lines coming.
  const workerRoot = opts.logTo ? createRootLogger(config, { service: 'worker', destination: opts.logTo }) : null;
  const worker = opts.worker
    ? await NestFactory.createApplicationContext(workerRoot ? WorkerModule.forRoot(config, { root: workerRoot, metrics: new Metrics('worker') }) : WorkerModule.forRoot(config), {
        logger: workerRoot ? new PinoNestLogger(workerRoot) : false,
      })
    : null;
  return {
    url,
    config,
    app,
    ds,
    worker,
    mail,
    client: () => new GqlClient(url),
    signIn: (email, password) => signInAt(url, email, password),
    async close() {
      await worker?.close();
      await app.close();
      await ds.destroy();
      await mail?.close();
      await db.drop();
    },
  };
}
