import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenancy enforced by PostgreSQL itself (issue 22, part 5; docs/operations.md, "Database roles
 * and row-level security").
 *
 * - `sl_app`: the role the API and the worker switch to right after connecting (DATABASE_ROLE).
 *   It owns nothing, is no superuser and has no BYPASSRLS; it may read and write rows, never
 *   change the schema. Migrations run as the owner (the role of DATABASE_URL). Roles belong to
 *   the whole PostgreSQL server, so the role is created once and kept by `down`.
 * - Every table holding an organization's data has RLS enabled and forced (the owner is held to
 *   it too; only a superuser skips it) with two policies:
 *     `tenant`: the row's organization_id equals `app.organization_id`, the setting the app puts
 *               on each connection it takes from the pool (a plain column compare, no sub-select);
 *     `system`: `app.scope = 'system'`, the explicit context of work that must cross
 *               organizations (sign-in before the organization is known, the outbox relay, the
 *               nightly fan-out); see TenantContext.
 *   No setting: no row, for reads and writes alike.
 * - Child tables that had no organization_id (case_participant, record_request_item) and the
 *   person-owned sign-in tables (sign_in_factor, recovery_code, known_device) gain one, filled
 *   by a trigger from the parent row, so their policy is the same column compare.
 * - Global tables (GLOBAL_TABLES) hold no organization's data or are looked up before the
 *   organization is known; they stay readable to sl_app and are listed, with why, in the
 *   catalog test (apps/api/test/row-level-security.int-spec.ts).
 */
export const APP_ROLE = 'sl_app';

/** Tables with an organization_id column of their own before this migration. */
const TENANT_TABLES = [
  'app_user',
  'appointment',
  'appointment_answer',
  'audit_event',
  'calendar_feed',
  'case_activity',
  'case_comment',
  'case_decision',
  'case_doctor_script',
  'case_document',
  'case_note',
  'case_opinion',
  'case_question',
  'case_stage_change',
  'case_task',
  'case_timeline_adjustment',
  'dashboard_rollup',
  'doctor_script',
  'insurance_call',
  'insurance_plan',
  'invitation',
  'job_effect',
  'notification',
  'notification_preference',
  'opinion_comparison',
  'organization_reminder_settings',
  'own_timeline_entry',
  'packet_item',
  'patient_case',
  'provider_candidate',
  'provider_directory_entry',
  'record_follow_up',
  'record_holder',
  'record_request',
];

/** Tables that gain organization_id here: [table, parent table, the column naming the parent]. */
const CHILD_TABLES: [string, string, string][] = [
  ['case_participant', 'patient_case', 'case_id'],
  ['record_request_item', 'record_request', 'request_id'],
  ['sign_in_factor', 'app_user', 'user_id'],
  ['recovery_code', 'app_user', 'user_id'],
  ['known_device', 'app_user', 'user_id'],
];

// Each in a scalar sub-select: PostgreSQL evaluates it once per statement (an InitPlan) instead
// of reading the setting for every row (which made the board's counts four times slower), and
// the compare can still drive an index scan on organization_id.
const ORG = `(SELECT app_organization_id())`;
const SYSTEM = `(SELECT app_is_system())`;

export class RowLevelSecurity1795710000000 implements MigrationInterface {
  name = 'RowLevelSecurity1795710000000';

  public async up(q: QueryRunner): Promise<void> {
    // Two servers' migrations may create the role at the same moment: the loser's error is harmless.
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    // The owner (a non-superuser in production) may switch to the role after connecting.
    await q.query(`DO $$ BEGIN
      IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user); END IF;
    END $$`);

    // The context, read by every policy (once per statement, see ORG and SYSTEM).
    await q.query(`CREATE FUNCTION app_organization_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT nullif(current_setting('app.organization_id', true), '')::uuid $$`);
    await q.query(`CREATE FUNCTION app_is_system() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT coalesce(current_setting('app.scope', true), '') = 'system' $$`);
    // Fills a child row's organization_id from its parent (TG_ARGV: parent table, column naming it).
    // It runs as the caller, so a parent the caller cannot see gives null and the insert fails.
    await q.query(`CREATE FUNCTION app_fill_organization_id() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE org uuid;
      BEGIN
        EXECUTE format('SELECT organization_id FROM %I WHERE id = $1', TG_ARGV[0]) INTO org USING (to_jsonb(NEW) ->> TG_ARGV[1])::uuid;
        NEW.organization_id := org;
        RETURN NEW;
      END $$`);

    for (const [table, parent, column] of CHILD_TABLES) {
      await q.query(`ALTER TABLE "${table}" ADD "organization_id" uuid`);
      await q.query(`UPDATE "${table}" t SET organization_id = p.organization_id FROM "${parent}" p WHERE p.id = t.${column}`);
      await q.query(`ALTER TABLE "${table}" ALTER COLUMN "organization_id" SET NOT NULL`);
      await q.query(`CREATE INDEX "IDX_${table}_organization" ON "${table}" ("organization_id")`);
      await q.query(`CREATE TRIGGER "${table}_organization" BEFORE INSERT OR UPDATE OF ${column} ON "${table}" FOR EACH ROW EXECUTE FUNCTION app_fill_organization_id('${parent}', '${column}')`);
    }

    await q.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
    // The audit log is append-only for the app as well (triggers already refuse UPDATE/DELETE).
    await q.query(`REVOKE UPDATE, DELETE ON "audit_event" FROM ${APP_ROLE}`);
    // The migrations' own ledger: the app reads it (pending migrations in readiness), never writes it.
    await q.query(`REVOKE INSERT, UPDATE, DELETE ON "schema_migration" FROM ${APP_ROLE}`);
    // Tables later migrations create get the same rights (and must add their policies: the catalog test checks).
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`);

    for (const table of [...TENANT_TABLES, ...CHILD_TABLES.map(([t]) => t)]) await enable(q, table, 'organization_id');
    await enable(q, 'organization', 'id');
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['organization', ...TENANT_TABLES, ...CHILD_TABLES.map(([t]) => t)]) {
      await q.query(`DROP POLICY "system" ON "${table}"`);
      await q.query(`DROP POLICY "tenant" ON "${table}"`);
      await q.query(`ALTER TABLE "${table}" NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM ${APP_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM ${APP_ROLE}`);
    for (const [table] of CHILD_TABLES) {
      await q.query(`DROP TRIGGER "${table}_organization" ON "${table}"`);
      await q.query(`DROP INDEX "IDX_${table}_organization"`);
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "organization_id"`);
    }
    await q.query(`DROP FUNCTION app_fill_organization_id()`);
    await q.query(`DROP FUNCTION app_is_system()`);
    await q.query(`DROP FUNCTION app_organization_id()`);
    // The role stays: it belongs to the server, and other databases on it may still use it.
  }
}

async function enable(q: QueryRunner, table: string, column: string): Promise<void> {
  await q.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
  await q.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
  await q.query(`CREATE POLICY "tenant" ON "${table}" USING (${column} = ${ORG}) WITH CHECK (${column} = ${ORG})`);
  await q.query(`CREATE POLICY "system" ON "${table}" USING (${SYSTEM}) WITH CHECK (${SYSTEM})`);
}
