import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, createRootLogger, exitIfShutdownStalls, loadConfig, Metrics, PinoNestLogger } from '@second-look/server-platform';
import { ReadinessService, startHealthServer } from '@second-look/server-database';
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
  // Logs and metrics as the API's (docs/operations.md, "Logs" and "Metrics"): JSON lines, /metrics on METRICS_PORT.
  const root = createRootLogger(config, { service: 'worker' });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, { root, metrics: new Metrics('worker') }), {
    logger: new PinoNestLogger(root),
  });
  app.enableShutdownHooks();
  // A job that never returns cannot hold a restart: its lock lapses and another worker takes it over.
  exitIfShutdownStalls(root, config.shutdownTimeoutMs);
  if (config.workerHealthPort !== null) {
    // Closed last (after the queues stop), so a probe sees "draining" rather than nothing.
    const health = await startHealthServer(app.get(ReadinessService), config.workerHealthPort, config.host);
    process.once('exit', () => health.close());
    const address = health.address();
    root.info(`Second Look worker health on http://${config.host}:${typeof address === 'object' && address ? address.port : config.workerHealthPort}/health/ready`);
  }
  root.info('Second Look worker started');
}

void main();
