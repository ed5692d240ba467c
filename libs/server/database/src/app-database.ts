import { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, installTenantScope } from '@second-look/server-platform';
import { DataSource, Migration } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { ALL_ENTITIES } from './entities';

/**
 * The DataSource of the API and the worker: it switches to the restricted role (DATABASE_ROLE,
 * not the tables' owner, no BYPASSRLS) on connect, and every connection it takes from its pool
 * carries the current TenantScope (docs/operations.md, "Database roles and row-level security").
 */
export function appDatabaseModule(config: AppConfig, extra: { poolSize?: number } = {}): DynamicModule {
  return TypeOrmModule.forRootAsync({
    useFactory: () => dataSourceOptions(config.databaseUrl, ALL_ENTITIES, { ...extra, role: config.databaseRole }),
    dataSourceFactory: async (options) => {
      if (!options) throw new Error('no database options');
      return installTenantScope(await new DataSource(options).initialize());
    },
  });
}

/** Runs pending migrations as the owner (DATABASE_URL's own role), on a connection of its own. */
export async function migrateAsOwner(url: string): Promise<Migration[]> {
  const ds = new DataSource(dataSourceOptions(url, ALL_ENTITIES, { poolSize: 1 }));
  await ds.initialize();
  try {
    return await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}
