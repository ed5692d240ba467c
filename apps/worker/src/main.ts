import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@second-look/server-platform';
import { ReadinessService, startHealthServer } from '@second-look/server-database';
import { ConsoleLogger } from '@nestjs/common';
import { WorkerModule } from './worker.module';

/** The worker: its own process, any number of replicas, consuming the BullMQ queues. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
    if (!config.smtpUrl) throw new ConfigError('Second Look worker cannot start: SMTP_URL is not set (e.g. smtp://127.0.0.1:2525). See "Configuration" in README.md.');
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(e.message + '\n');
      process.exit(1);
    }
    throw e;
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new ConsoleLogger({ json: config.isProduction, colors: !config.isProduction }),
  });
  app.enableShutdownHooks();
  if (config.workerHealthPort !== null) {
    // Closed last (after the queues stop), so a probe sees "draining" rather than nothing.
    const health = await startHealthServer(app.get(ReadinessService), config.workerHealthPort, config.host);
    process.once('exit', () => health.close());
    const address = health.address();
    process.stdout.write(`Second Look worker health on http://${config.host}:${typeof address === 'object' && address ? address.port : config.workerHealthPort}/health/ready\n`);
  }
  process.stdout.write('Second Look worker started\n');
}

void main();
