import { ALL_ENTITIES, createTestDatabase, dataSourceOptions, MIGRATIONS } from '@second-look/server-database';
import { DataSource } from 'typeorm';

describe('migrations', () => {
  it('apply, agree with the entities (no drift), revert fully and apply again', async () => {
    const db = await createTestDatabase('migrations');
    const ds = new DataSource(dataSourceOptions(db.url, ALL_ENTITIES, { poolSize: 2 }));
    await ds.initialize();
    try {
      expect(await ds.runMigrations({ transaction: 'each' })).toHaveLength(MIGRATIONS.length);
      const drift = await ds.driver.createSchemaBuilder().log();
      expect(drift.upQueries.map((q) => q.query)).toEqual([]);
      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      const left = await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration'`);
      expect(left).toEqual([]);
      const types = await ds.query(`SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'`);
      expect(types).toEqual([]);
      expect(await ds.runMigrations({ transaction: 'each' })).toHaveLength(MIGRATIONS.length);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('never enables synchronize', () => {
    expect(dataSourceOptions('postgres://x/y', []).synchronize).toBe(false);
  });
});
