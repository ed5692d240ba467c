import { LoggerService } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { DestinationStream, Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import { prettyLogStream } from './pretty-log';
import { safeError } from './safe-error';

export type RootLogger = Logger;

/** Nest's levels as pino's. */
const LEVEL: Record<AppConfig['logLevel'], pino.Level> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };

/**
 * Paths pino replaces with "[redacted]" wherever a line carries them, should any code log a
 * request, a body or GraphQL variables: what a person typed, their session and their address.
 * The serializers below already leave all of this out; this list is the second lock.
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-forwarded-for"]',
  'res.headers["set-cookie"]',
  'req.body',
  'req.query',
  'body',
  'variables',
  'password',
  'token',
  '*.body',
  '*.variables',
  '*.password',
  '*.token',
  '*.parameters',
  '*.detail',
];

export interface LogOptions {
  /** `api` or `worker`, on every line. */
  service: string;
  /** Where lines go: stdout by default (JSON in production and test, readable lines in development); false: nowhere. */
  destination?: DestinationStream | false;
}

/** The process's one pino logger; every request's logger is a child of it. */
export function createRootLogger(config: AppConfig, opts: LogOptions): RootLogger {
  const options: pino.LoggerOptions = {
    level: LEVEL[config.logLevel],
    enabled: opts.destination !== false,
    base: { service: opts.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: safeError, error: safeError },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  const destination = opts.destination || (config.env === 'development' ? prettyLogStream(process.stdout) : pino.destination(1));
  return pino(options, destination);
}

/**
 * The request's logger while its work runs (set by requestLogging), so every line carries its id.
 * Node 24's AsyncLocalStorage rides on the async context frame (no promise hooks), so carrying
 * it costs a request almost nothing.
 */
const requestScope = new AsyncLocalStorage<Logger>();

export function runWithRequestLogger<T>(logger: Logger, fn: () => T): T {
  return requestScope.run(logger, fn);
}

/** The logger of the request being served, else the root. */
export function currentLogger(root: RootLogger): Logger {
  return requestScope.getStore() ?? root;
}

/**
 * Nest's framework start-up lines ("… dependencies initialized", one per module and route):
 * debug, so `npm start` and production logs show what matters.
 */
const BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication', 'GraphQLModule']);

/**
 * Nest's logger interface over pino: `new Logger('Context')` anywhere in the code writes here
 * (with the request's id when inside a request). An Error handed to it is logged through
 * safeError, never whole.
 */
export class PinoNestLogger implements LoggerService {
  constructor(readonly root: RootLogger) {}

  private write(level: pino.Level, message: unknown, params: unknown[]): void {
    const logger = currentLogger(this.root);
    if (!logger.isLevelEnabled(level)) return;
    const context = params.length && typeof params[params.length - 1] === 'string' ? (params[params.length - 1] as string) : undefined;
    const lvl = level === 'info' && context && BOOT_CONTEXTS.has(context) ? 'debug' : level;
    if (message instanceof Error || (message && typeof message === 'object' && 'stack' in message)) {
      logger[lvl]({ context, err: safeError(message) }, safeError(message).type);
    } else if (message && typeof message === 'object') {
      // Structured fields from our own code (ids, counts, codes); redaction still applies.
      logger[lvl]({ context, ...(message as object) });
    } else {
      // Nest passes (message, stack, context) for errors: the stack is our code's, kept.
      const stack = level === 'error' && params.length >= 2 && typeof params[0] === 'string' ? params[0] : undefined;
      logger[lvl]({ context, ...(stack ? { stack } : {}) }, String(message));
    }
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }
}
