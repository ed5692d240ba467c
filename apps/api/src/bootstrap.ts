import { INestApplication, Logger, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import {
  AppConfig,
  createRootLogger,
  httpMetrics,
  Metrics,
  PinoNestLogger,
  RefuseUnsavableTextPipe,
  requestBudgetMiddleware,
  requestLogging,
  securityHeaders,
  tenantScopeMiddleware,
  VALIDATION_OPTIONS,
} from '@second-look/server-platform';
import type { DestinationStream } from 'pino';
import cookieParser from 'cookie-parser';
import express from 'express';
import { resolve } from 'node:path';
import { migrateAsOwner, ReadinessService } from '@second-look/server-database';
import { AppModule } from './app.module';
import { serveWebClient } from './web-client';

export interface ApiOptions {
  /** false: no log lines at all (most tests). */
  logger?: false;
  /** Where log lines go instead of stdout (a test reading them). */
  logTo?: DestinationStream;
}

/** Builds the API (used by main.ts and by the integration tests, so both run the same app). */
export async function createApi(config: AppConfig, opts: ApiOptions = {}): Promise<INestApplication> {
  // Logs (docs/operations.md, "Logs"): pino, JSON lines, the request id on each, no patient data.
  const root = createRootLogger(config, { service: 'api', destination: opts.logger === false ? false : opts.logTo });
  const metrics = new Metrics('api');
  if (config.migrateOnStart) {
    // First, and as the owner: the API's own connections switch to the restricted role, which
    // the migrations create and which cannot change the schema.
    await migrateAsOwner(config.databaseUrl);
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, root, metrics), {
    logger: opts.logger === false ? false : new PinoNestLogger(root),
    bodyParser: true,
  });
  if (config.isProduction && config.secretsKeyIsBuiltIn) {
    // Not fatal (existing deployments keep starting), but said at every boot until it is set.
    new Logger('Config').warn('SECRETS_KEY is not set: sign-in factor secrets are encrypted with the built-in key. Set SECRETS_KEY (see docs/operations.md, "Sign-in security").');
  }
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // No ETag on API answers: every GraphQL answer is a POST private to its caller, so nothing
  // revalidates it, and Express would hash each body (SHA-1 over a board page) to make one.
  // Static files (express.static, sendFile) keep their own ETags.
  app.set('etag', false);
  // The request id and the request's log line, and its duration, before anything can answer.
  app.use(requestLogging(root), httpMetrics(metrics));
  // From SIGTERM on, each answer ends its keep-alive connection. A client that keeps one busy
  // (a balancer's health checks every 100 ms) would otherwise hold the HTTP server's close, and
  // so the process, open for good: the close only ends connections idle at that moment.
  const readiness = app.get(ReadinessService);
  app.use((_req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (readiness.isDraining) res.setHeader('Connection', 'close');
    next();
  });
  // First, so every answer carries them: pages, /graphql, /api/*, /health, errors included.
  app.use(...securityHeaders(config));
  app.use(cookieParser());
  // 4 MB: a client import of up to 5,000 spreadsheet rows travels in one request (docs/import.md).
  app.use('/graphql', express.json({ limit: '4mb' }), requestBudgetMiddleware);
  // Row-level security: each request's statements run in its own scope (none until the session
  // names the organization). After the JSON body is read, so the scope reaches the resolvers.
  app.use(tenantScopeMiddleware);
  // Unsavable text (NUL, broken characters) first: no field's own rules can store it.
  app.useGlobalPipes(new RefuseUnsavableTextPipe(), new ValidationPipe(VALIDATION_OPTIONS));

  if (config.webDist) serveWebClient(app, resolve(config.webDist));
  app.enableShutdownHooks();
  return app;
}
