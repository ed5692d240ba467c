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
export function dataSourceOptions(url: string, entities: EntityList, extra: { poolSize?: number } = {}): DataSourceOptions {
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
  };
}
