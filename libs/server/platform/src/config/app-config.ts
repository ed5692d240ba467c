import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z.string().url({ message: 'must be a postgres:// URL' }),
    /** A read replica for the heavy read-only views (ReadReplica); unset: every read goes to DATABASE_URL. */
    DATABASE_READ_URL: z.string().url({ message: 'must be a postgres:// URL' }).optional(),
    /** The role the API and the worker switch to after connecting (row-level security; never the tables' owner). */
    DATABASE_ROLE: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'must be a plain lower-case role name' })
      .default('sl_app'),
    REDIS_URL: z.string().url({ message: 'must be a redis:// URL' }),
    PUBLIC_URL: z.string().url().optional(),
    WEB_DIST: z.string().optional(),
    MIGRATE_ON_START: bool.optional(),
    COOKIE_SECURE: bool.optional(),
    LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().default('Second Look <no-reply@second-look.local>'),
    /** Prefix for Redis keys and queues, so test files and tenants of a shared Redis never collide. */
    REDIS_PREFIX: z.string().default('sl'),
    /** Redis through Sentinel: comma-separated `host:port` of the sentinels (REDIS_URL then gives only credentials, database and TLS). */
    REDIS_SENTINELS: z.string().optional(),
    /** The master group the sentinels watch. */
    REDIS_SENTINEL_NAME: z.string().min(1).default('mymaster'),
    /** When the sentinels themselves ask for a password. */
    REDIS_SENTINEL_PASSWORD: z.string().min(1).optional(),
    /** Redis Cluster: comma-separated `host:port` of some of its nodes (REDIS_URL then gives only credentials and TLS). */
    REDIS_CLUSTER_NODES: z.string().optional(),
    TRUST_PROXY: bool.optional(),
    /** Where uploaded documents live: `local` (a folder) or `s3` (any S3-compatible store). */
    STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
    STORAGE_DIR: z.string().min(1).default('.data/documents'),
    STORAGE_S3_BUCKET: z.string().min(1).optional(),
    STORAGE_S3_ENDPOINT: z.string().url().optional(),
    STORAGE_S3_REGION: z.string().min(1).optional(),
    /** MinIO and most self-hosted stores want path-style URLs; AWS itself does not need them. */
    STORAGE_S3_FORCE_PATH_STYLE: bool.optional(),
    /** Largest accepted upload; 50 MB covers a zipped CT series or a long scanned PDF. */
    DOCUMENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1)
      .default(50 * 1024 * 1024),
    /** A movable clock shared through Redis (demo, fault tests). Never in production. */
    DEV_CLOCK: bool.optional(),
    /** Run GraphQL queries and mutations compiled by graphql-jit (default); false leaves them to graphql-js. */
    GRAPHQL_JIT: bool.optional(),
    /** On SIGTERM, how long readiness answers 503 before the server closes, so a balancer drains it. */
    SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).optional(),
    /** On SIGTERM, how long the process may take to stop before it logs what held it and exits with code 1. */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).optional(),
    /** 32 bytes (64 hex characters or base64) that encrypt sign-in factor secrets at rest. */
    SECRETS_KEY: z
      .string()
      .refine((v) => secretsKeyBytes(v) !== null, { message: 'must be 32 bytes, as 64 hex characters or base64' })
      .optional(),
    /** The worker's health port (GET /health/live, /health/ready); unset: none. */
    WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    /** With a read replica: how long after an organization's mutation its heavy reads stay on the primary. */
    READ_AFTER_WRITE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    /** GET /metrics (Prometheus) on this port of its own, never on PORT; unset: no metrics endpoint. */
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    /** When set, /metrics answers only `Authorization: Bearer <token>`. */
    METRICS_TOKEN: z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
  })
  .superRefine((e, ctx) => {
    if (e.NODE_ENV === 'production' && e.DEV_CLOCK) {
      ctx.addIssue({ code: 'custom', path: ['DEV_CLOCK'], message: 'the movable demo clock cannot be turned on in production' });
    }
    if (e.STORAGE_DRIVER === 's3' && !e.STORAGE_S3_BUCKET) {
      ctx.addIssue({ code: 'custom', path: ['STORAGE_S3_BUCKET'], message: 'is required when STORAGE_DRIVER=s3' });
    }
    for (const key of ['REDIS_SENTINELS', 'REDIS_CLUSTER_NODES'] as const) {
      if (e[key] !== undefined && redisHosts(e[key]) === null) ctx.addIssue({ code: 'custom', path: [key], message: 'must be a comma-separated list of host:port' });
    }
    if (e.REDIS_SENTINELS && e.REDIS_CLUSTER_NODES) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_CLUSTER_NODES'], message: 'cannot be set together with REDIS_SENTINELS' });
    }
    if (e.REDIS_CLUSTER_NODES && !isHashTag(e.REDIS_PREFIX)) {
      // BullMQ's scripts touch several keys of a queue at once; in a cluster they must share a slot.
      ctx.addIssue({ code: 'custom', path: ['REDIS_PREFIX'], message: 'must be a hash tag such as {sl} with REDIS_CLUSTER_NODES' });
    }
  });

/** `a:6379, b:6379` as host and port pairs; null when malformed. */
export function redisHosts(list: string): { host: string; port: number }[] | null {
  const hosts: { host: string; port: number }[] = [];
  for (const h of list.split(',').map((s) => s.trim())) {
    if (!h) continue;
    const [, host, port] = /^(\[[^\]]+\]|[^:\s]+):(\d{1,5})$/.exec(h) ?? [];
    if (!host || !(Number(port) > 0 && Number(port) < 65536)) return null;
    hosts.push({ host: host.replace(/^\[|\]$/g, ''), port: Number(port) });
  }
  return hosts.length ? hosts : null;
}

/** A prefix in Redis Cluster's hash-tag form: `{sl}`, so every key that starts with it lands in one slot. */
export function isHashTag(prefix: string): boolean {
  return /^\{[^{}]+\}$/.test(prefix);
}

function secretsKeyBytes(v: string): Buffer | null {
  const bytes = /^[0-9a-f]{64}$/i.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
  return bytes.length === 32 ? bytes : null;
}

/**
 * Used when SECRETS_KEY is not set (development, tests, and a production that has not set one
 * yet, which the API warns about at boot): the same for everyone, so it protects nothing.
 */
const BUILT_IN_SECRETS_KEY = Buffer.from('second-look-built-in-secrets-key').subarray(0, 32);

export type StorageConfig = { driver: 'local'; dir: string } | { driver: 's3'; bucket: string; endpoint: string | null; region: string; forcePathStyle: boolean };

/** How the processes reach Redis: one address (a server, or a managed service with failover behind it), Sentinel, or Cluster. */
export type RedisTopology =
  { mode: 'single' } | { mode: 'sentinel'; sentinels: { host: string; port: number }[]; name: string; sentinelPassword: string | null } | { mode: 'cluster'; nodes: { host: string; port: number }[] };

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  isProduction: boolean;
  host: string;
  port: number;
  databaseUrl: string;
  /** The read replica's URL, or null: every read on the primary. */
  databaseReadUrl: string | null;
  /** DATABASE_ROLE: the restricted role the API and worker run their statements as. */
  databaseRole: string;
  /** RecentWrites: an organization's heavy reads stay on the primary this long after its last mutation. */
  readAfterWriteMs: number;
  /** With Sentinel or Cluster only its credentials, database number and TLS (`rediss:`) are used. */
  redisUrl: string;
  redisPrefix: string;
  redisTopology: RedisTopology;
  publicUrl: string;
  webDist: string | null;
  migrateOnStart: boolean;
  cookieSecure: boolean;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  smtpUrl: string | null;
  mailFrom: string;
  trustProxy: boolean;
  storage: StorageConfig;
  /** Read per request (not captured at boot) so it can be lowered in a test. */
  documentMaxBytes: number;
  /** The movable clock (DevClockService): on by default in development, off in test unless asked, impossible in production. */
  devClock: boolean;
  /** Queries and mutations through graphql-jit (jitExecutionPlugin) rather than graphql-js. */
  graphqlJit: boolean;
  /** ReadinessService: 503 for this long after SIGTERM before closing (default 5 s in production, else 0). */
  shutdownDrainMs: number;
  /** exitIfShutdownStalls: the process is gone this long after SIGTERM (default: the drain plus 20 s). */
  shutdownTimeoutMs: number;
  /** The worker's health port, or null for none. */
  workerHealthPort: number | null;
  /** The metrics port (0: any free one), or null for none. */
  metricsPort: number | null;
  metricsToken: string | null;
  /** The key sign-in factor secrets are encrypted with; `secretsKeyIsBuiltIn` when SECRETS_KEY was not set. */
  secretsKey: Buffer;
  secretsKeyIsBuiltIn: boolean;
}

export class ConfigError extends Error {}

/**
 * Reads and checks the environment once at boot. A missing or malformed value stops the
 * process with one message listing every problem, instead of failing later mid-request.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Second Look cannot start: the configuration is incomplete.\n${lines.join('\n')}\nSee "Configuration" in README.md.`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const shutdownDrainMs = e.SHUTDOWN_DRAIN_MS ?? (isProduction ? 5000 : 0);
  // 25 s in production by default: inside the 30 s an orchestrator usually waits before it kills.
  const shutdownTimeoutMs = e.SHUTDOWN_TIMEOUT_MS ?? shutdownDrainMs + 20_000;
  if (shutdownTimeoutMs <= shutdownDrainMs) {
    throw new ConfigError(`Second Look cannot start: SHUTDOWN_TIMEOUT_MS (${shutdownTimeoutMs}) must be longer than SHUTDOWN_DRAIN_MS (${shutdownDrainMs}).\nSee "Configuration" in README.md.`);
  }
  return {
    env: e.NODE_ENV,
    isProduction,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_READ_URL ?? null,
    databaseRole: e.DATABASE_ROLE,
    readAfterWriteMs: e.READ_AFTER_WRITE_MS,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    redisTopology: e.REDIS_SENTINELS
      ? { mode: 'sentinel', sentinels: redisHosts(e.REDIS_SENTINELS)!, name: e.REDIS_SENTINEL_NAME, sentinelPassword: e.REDIS_SENTINEL_PASSWORD ?? null }
      : e.REDIS_CLUSTER_NODES
        ? { mode: 'cluster', nodes: redisHosts(e.REDIS_CLUSTER_NODES)! }
        : { mode: 'single' },
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    webDist: e.WEB_DIST ?? null,
    migrateOnStart: e.MIGRATE_ON_START ?? e.NODE_ENV === 'development',
    cookieSecure: e.COOKIE_SECURE ?? isProduction,
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    trustProxy: e.TRUST_PROXY ?? false,
    storage:
      e.STORAGE_DRIVER === 's3'
        ? {
            driver: 's3',
            bucket: e.STORAGE_S3_BUCKET as string,
            endpoint: e.STORAGE_S3_ENDPOINT ?? null,
            // The SDK insists on a region; S3-compatible stores ignore it, so a neutral default.
            region: e.STORAGE_S3_REGION ?? env.AWS_REGION ?? 'us-east-1',
            forcePathStyle: e.STORAGE_S3_FORCE_PATH_STYLE ?? !!e.STORAGE_S3_ENDPOINT,
          }
        : { driver: 'local', dir: resolve(e.STORAGE_DIR) },
    documentMaxBytes: e.DOCUMENT_MAX_BYTES,
    devClock: !isProduction && (e.DEV_CLOCK ?? e.NODE_ENV === 'development'),
    graphqlJit: e.GRAPHQL_JIT ?? true,
    shutdownDrainMs,
    shutdownTimeoutMs,
    workerHealthPort: e.WORKER_HEALTH_PORT ?? null,
    metricsPort: e.METRICS_PORT ?? null,
    metricsToken: e.METRICS_TOKEN ?? null,
    secretsKey: (e.SECRETS_KEY ? secretsKeyBytes(e.SECRETS_KEY) : null) ?? BUILT_IN_SECRETS_KEY,
    secretsKeyIsBuiltIn: !e.SECRETS_KEY,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
