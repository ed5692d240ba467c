import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().url({ message: 'must be a postgres:// URL' }),
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
  DOCUMENT_MAX_BYTES: z.coerce.number().int().min(1).default(50 * 1024 * 1024),
  /** A movable clock shared through Redis (demo, fault tests). Never in production. */
  DEV_CLOCK: bool.optional(),
  /** Run GraphQL queries and mutations compiled by graphql-jit (default); false leaves them to graphql-js. */
  GRAPHQL_JIT: bool.optional(),
  /** On SIGTERM, how long readiness answers 503 before the server closes, so a balancer drains it. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).optional(),
  /** The worker's health port (GET /health/live, /health/ready); unset: none. */
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
}).superRefine((e, ctx) => {
  if (e.NODE_ENV === 'production' && e.DEV_CLOCK) {
    ctx.addIssue({ code: 'custom', path: ['DEV_CLOCK'], message: 'the movable demo clock cannot be turned on in production' });
  }
  if (e.STORAGE_DRIVER === 's3' && !e.STORAGE_S3_BUCKET) {
    ctx.addIssue({ code: 'custom', path: ['STORAGE_S3_BUCKET'], message: 'is required when STORAGE_DRIVER=s3' });
  }
});

export type StorageConfig =
  | { driver: 'local'; dir: string }
  | { driver: 's3'; bucket: string; endpoint: string | null; region: string; forcePathStyle: boolean };

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  isProduction: boolean;
  host: string;
  port: number;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
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
  /** The worker's health port, or null for none. */
  workerHealthPort: number | null;
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
  return {
    env: e.NODE_ENV,
    isProduction,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
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
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS ?? (isProduction ? 5000 : 0),
    workerHealthPort: e.WORKER_HEALTH_PORT ?? null,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
