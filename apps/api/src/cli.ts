import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Role } from '@second-look/domain';
import { ALL_ENTITIES, dataSourceOptions } from '@second-look/server-database';
import { JobReconciler } from '@second-look/server-jobs';
import { loadConfig } from '@second-look/server-platform';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ReconcileModule } from './reconcile.module';
import { seedDemoAppointment } from './seed/demo-appointment';
import { DEMO_TEAM, seedDemoOrganization } from './seed/demo-organization';
import { seedDemoRecords } from './seed/demo-records';
import { DEMO_SPANISH, seedDemoSpanish } from './seed/demo-spanish';
import { describeDemoLogins, seedDemo } from './seed/demo-seed';

/**
 * Operations on the database, run as `node dist/server/apps/api/src/cli.js <command>`:
 *   migrate | revert | seed | pending-schema-changes | generate-migration <Name> | reconcile-jobs
 */
async function main(): Promise<void> {
  const [command, arg] = process.argv.slice(2);
  if (command === 'reconcile-jobs') return reconcileJobs();
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set. See "Configuration" in README.md.');
  const ds = new DataSource(dataSourceOptions(url, ALL_ENTITIES, { poolSize: 2 }));
  await ds.initialize();
  try {
    switch (command) {
      case 'migrate': {
        const ran = await ds.runMigrations({ transaction: 'each' });
        console.log(ran.length ? `Applied ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}` : 'Database is up to date.');
        break;
      }
      case 'revert':
        await ds.undoLastMigration({ transaction: 'each' });
        console.log('Reverted the last migration.');
        break;
      case 'seed': {
        const users = await seedDemo(ds);
        await seedDemoRecords(ds);
        const visitOn = await seedDemoAppointment(ds);
        await seedDemoSpanish(ds);
        await seedDemoOrganization(ds);
        console.log(
          describeDemoLogins([
            ...users,
            ...DEMO_TEAM.map((u) => ({ email: u.email, name: u.name, role: Role.ADVOCATE })),
            { email: DEMO_SPANISH.email, name: `${DEMO_SPANISH.name} (español)`, role: Role.PATIENT },
          ]),
        );
        console.log(`Demo appointment: Maria Lopez with Dr. Helen Park on ${visitOn} at 10:30 (America/Chicago); \`npm run demo:clock -- +3d\` sends its reminders.`);
        break;
      }
      case 'pending-schema-changes': {
        const sql = await ds.driver.createSchemaBuilder().log();
        if (sql.upQueries.length) {
          console.log(sql.upQueries.map((q) => q.query).join(';\n'));
          process.exitCode = 1;
        } else console.log('Entities and migrations agree.');
        break;
      }
      case 'generate-migration': {
        if (!arg || !/^[A-Z][A-Za-z0-9]+$/.test(arg)) throw new Error('Name the migration in PascalCase, e.g. generate-migration AddRecordRequests');
        const sql = await ds.driver.createSchemaBuilder().log();
        const ts = Date.now();
        const q = (s: string) => '`' + s.replace(/`/g, '\\`') + '`';
        // An enum shared by several tables is logged once per table; keep the first.
        const once = (queries: string[]) => queries.filter((s, i) => !/^(CREATE|DROP) TYPE/.test(s) || queries.indexOf(s) === i);
        const up = once(sql.upQueries.map((x) => x.query))
          .map((s) => `    await queryRunner.query(${q(s)});`)
          .join('\n');
        const downQueries = sql.downQueries.map((x) => x.query).reverse();
        // Drop a shared enum only after the last table that uses it.
        const down = once(downQueries.reverse())
          .reverse()
          .map((s) => `    await queryRunner.query(${q(s)});`)
          .join('\n');
        const file = join(process.cwd(), 'libs/server/database/src/migrations', `${ts}-${arg}.ts`);
        writeFileSync(
          file,
          `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${arg}${ts} implements MigrationInterface {\n  name = '${arg}${ts}';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
        );
        console.log(`Wrote ${file}; add it to libs/server/database/src/migrations/index.ts`);
        break;
      }
      default:
        throw new Error(`Unknown command "${command}". Use migrate, revert, seed, pending-schema-changes, generate-migration <Name> or reconcile-jobs.`);
    }
  } finally {
    await ds.destroy();
  }
}

/**
 * Rebuilds the queues in Redis from PostgreSQL (after Redis lost its data, or to check):
 * every job the outbox says should exist and the ledger says has not happened is added under
 * its deterministic id, so running it twice, or while workers run, creates no duplicates.
 */
async function reconcileJobs(): Promise<void> {
  const config = loadConfig();
  const ctx = await NestFactory.createApplicationContext(ReconcileModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const r = await ctx.get(JobReconciler).reconcile();
    console.log(`Reconciled: ${r.expected} job(s) should exist, ${r.recreated} re-created in Redis, ${r.removed} canceled job(s) removed, ${r.alreadyDone} already done.`);
  } finally {
    await ctx.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
