import 'reflect-metadata';
import { ConfigError, loadConfig, ROOT_LOGGER, RootLogger } from '@second-look/server-platform';
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
  await app.listen(config.port, config.host);
  app.get<RootLogger>(ROOT_LOGGER).info(`Second Look API listening on http://${config.host}:${config.port} (public URL ${config.publicUrl})`);
}

void main();
