import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The row-level policies' context functions (docs/operations.md, "Database roles and row-level
 * security") in PL/pgSQL instead of SQL, with the same results.
 *
 * Every policy calls them once per statement, in a scalar sub-select. As SQL functions they were
 * inlined: PostgreSQL parsed and analyzed their bodies (and the bodies of the ones they call)
 * again while planning every statement, for every table the statement reads. A patient's case
 * page, where the `case_member` policy adds `app_case_ids()` to each table, planned 2.5 times as
 * long with the policies on (bench:rls). A PL/pgSQL function is called, not inlined: planning sees
 * one function call, and its own statements' plans are kept for the session. The sub-select still
 * makes each one run once per statement.
 */
const PLPGSQL: [string, string][] = [
  ['app_organization_id() RETURNS uuid', `BEGIN RETURN nullif(current_setting('app.organization_id', true), '')::uuid; END`],
  ['app_is_system() RETURNS boolean', `BEGIN RETURN coalesce(current_setting('app.scope', true), '') = 'system'; END`],
  ['app_actor_id() RETURNS uuid', `BEGIN RETURN nullif(current_setting('app.actor_id', true), '')::uuid; END`],
  [
    'app_case_ids() RETURNS uuid[]',
    `BEGIN
      IF coalesce(current_setting('app.case_member', true), '') = 'on' AND NOT app_is_system() THEN
        RETURN coalesce(app_participant_case_ids(app_actor_id(), app_organization_id()), '{}');
      END IF;
      RETURN NULL;
    END`,
  ],
];

/** As RowLevelSecurity1795710000000 and CaseMemberRowLevelSecurity1795760000000 made them. */
const SQL: [string, string][] = [
  ['app_organization_id() RETURNS uuid', `SELECT nullif(current_setting('app.organization_id', true), '')::uuid`],
  ['app_is_system() RETURNS boolean', `SELECT coalesce(current_setting('app.scope', true), '') = 'system'`],
  ['app_actor_id() RETURNS uuid', `SELECT nullif(current_setting('app.actor_id', true), '')::uuid`],
  [
    'app_case_ids() RETURNS uuid[]',
    `SELECT CASE WHEN coalesce(current_setting('app.case_member', true), '') = 'on' AND NOT app_is_system()
        THEN coalesce(app_participant_case_ids(app_actor_id(), app_organization_id()), '{}') END`,
  ],
];

// Its SET clauses hold for this function's statement only and are undone on return (see
// CaseMemberRowLevelSecurity1795760000000: the read must not meet the policy it serves).
const PARTICIPANT = (language: 'sql' | 'plpgsql', body: string) =>
  `CREATE OR REPLACE FUNCTION app_participant_case_ids(actor uuid, org uuid) RETURNS uuid[] LANGUAGE ${language} STABLE PARALLEL SAFE
    SET app.scope = 'system' SET app.case_member = '' AS $$ ${body} $$`;
const PARTICIPANT_QUERY = `SELECT coalesce(array_agg(case_id), '{}') FROM case_participant WHERE user_id = actor AND organization_id = org`;

export class RowLevelSecurityContextPlpgsql1795780000000 implements MigrationInterface {
  name = 'RowLevelSecurityContextPlpgsql1795780000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(PARTICIPANT('plpgsql', `BEGIN RETURN (${PARTICIPANT_QUERY}); END`));
    for (const [signature, body] of PLPGSQL) await q.query(`CREATE OR REPLACE FUNCTION ${signature} LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$ ${body} $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [signature, body] of SQL) await q.query(`CREATE OR REPLACE FUNCTION ${signature} LANGUAGE sql STABLE PARALLEL SAFE AS $$ ${body} $$`);
    await q.query(PARTICIPANT('sql', PARTICIPANT_QUERY));
  }
}
