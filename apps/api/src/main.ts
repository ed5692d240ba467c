import 'reflect-metadata';
import { ConfigError, exitIfShutdownStalls, loadConfig, ROOT_LOGGER, RootLogger } from '@second-look/server-platform';
import type { Server } from 'node:http';
import { createApi } from './bootstrap';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(e.message + '\n');
      process.exit(1);
    }
    throw e;
  }
  const app = await createApi(config);
  const log = app.get<RootLogger>(ROOT_LOGGER);
  exitIfShutdownStalls(log, config.shutdownTimeoutMs, async () => {
    const server = app.getHttpServer() as Server;
    const connections = await new Promise<number>((resolve) => server.getConnections((e, n) => resolve(e ? -1 : n)));
    return `${connections} HTTP connection(s)`;
  });
  await app.listen(config.port, config.host);
  log.info(`Second Look API listening on http://${config.host}:${config.port} (public URL ${config.publicUrl})`);
}

void main();
