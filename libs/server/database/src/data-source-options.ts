import { DataSourceOptions, MixedList } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { SafeQueryLogger } from './safe-query-logger';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = MixedList<Function>;

/**
 * One definition of how we talk to PostgreSQL, used by the API, the worker, the CLI and
 * the tests. The schema only ever changes through MIGRATIONS; synchronize stays off.
 */
export function dataSourceOptions(
  url: string,
  entities: EntityList,
  extra: { poolSize?: number; /** Switch to this role on connect (the API and worker); unset: the URL's own role (migrations, the owner). */ role?: string } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: ['error', 'warn', 'migration'],
    logger: new SafeQueryLogger(),
    maxQueryExecutionTime: 1000,
    poolSize: extra.poolSize ?? 10,
    // `-c role=…` in the start-up packet: the session runs as the restricted role from its first
    // statement, so row-level security applies even when the URL names the owner or a superuser.
    // Without a role (the owner: migrations, the seed, the CLI, test set-up) the session works
    // across organizations (`app.scope=system`): a non-superuser owner is held to the policies too.
    extra: { options: extra.role ? `-c role=${extra.role}` : '-c app.scope=system' },
  };
}
