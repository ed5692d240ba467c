/**
 * Prints libs/contracts/src/schema.gql from the Nest code-first classes, then regenerates the
 * client's types (`npm run codegen`). Run it after changing a resolver, an input or an object type:
 *
 *   npm run schema
 *
 * The API builds its schema while it starts, and starting it needs a database; this boots it once in
 * development mode (which writes schema.gql) against a private PostgreSQL and Redis, then stops.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createApi } from '../../apps/api/src/bootstrap';
import { benchApiConfig, Cleanups, root, startBenchServices } from '../../bench/support/bench-env';

async function main(): Promise<void> {
  const cleanups = new Cleanups();
  try {
    const { work, dbUrl, redis } = await startBenchServices('schema', cleanups);
    const config = benchApiConfig({ nodeEnv: 'development', dbUrl, redisUrl: redis.url, prefix: `s${randomBytes(4).toString('hex')}`, work });
    const app = await createApi(config, { logger: false });
    await app.init();
    await app.close();
    process.stdout.write(`[schema] wrote ${join('libs', 'contracts', 'src', 'schema.gql')}\n`);
  } finally {
    await cleanups.run();
  }
  execFileSync(process.execPath, [join(root, 'tools', 'codegen', 'graphql-types.mjs')], { stdio: 'inherit', cwd: root });
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`[schema] ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
