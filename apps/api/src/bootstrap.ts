import { ConsoleLogger, INestApplication, LogLevel, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, RefuseUnsavableTextPipe, requestBudgetMiddleware, securityHeaders, VALIDATION_OPTIONS } from '@second-look/server-platform';
import cookieParser from 'cookie-parser';
import express from 'express';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { serveWebClient } from './web-client';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export function createLogger(config: AppConfig): ConsoleLogger {
  // JSON lines in production; messages never carry patient data, only ids and codes.
  return new ConsoleLogger({ json: config.isProduction, logLevels: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1), colors: !config.isProduction });
}

/** Builds the API (used by main.ts and by the integration tests, so both run the same app). */
export async function createApi(config: AppConfig, opts: { logger?: ConsoleLogger | false } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: opts.logger === undefined ? createLogger(config) : opts.logger,
    bodyParser: true,
  });
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // No ETag on API answers: every GraphQL answer is a POST private to its caller, so nothing
  // revalidates it, and Express would hash each body (SHA-1 over a board page) to make one.
  // Static files (express.static, sendFile) keep their own ETags.
  app.set('etag', false);
  // First, so every answer carries them: pages, /graphql, /api/*, /health, errors included.
  app.use(...securityHeaders(config));
  app.use(cookieParser());
  app.use('/graphql', express.json({ limit: '1mb' }), requestBudgetMiddleware);
  // Unsavable text (NUL, broken characters) first: no field's own rules can store it.
  app.useGlobalPipes(new RefuseUnsavableTextPipe(), new ValidationPipe(VALIDATION_OPTIONS));

  if (config.migrateOnStart) {
    await app.get(DataSource).runMigrations({ transaction: 'each' });
  }
  if (config.webDist) serveWebClient(app, resolve(config.webDist));
  app.enableShutdownHooks();
  return app;
}
