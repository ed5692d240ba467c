import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The session lookup of every signed-in request in one round trip, scope included (docs/operations.md,
 * "Database roles and row-level security"; docs/dashboards.md, "The API's fixed cost per request").
 *
 * Before, a request's connection took three: `set_config` to the system scope (the lookup crosses
 * organizations), the lookup, and `set_config` back to the caller's organization before its first
 * read. `app_enter_session` does all three in one call, each step a statement of its own (so each
 * reads the scope the step before it set): the system scope, the lookup, then the scope the caller
 * will run in (their organization, and for a patient or caregiver `app.case_member`), or `none`
 * when no session matches. It answers the values it set, which the API records as that
 * connection's scope, so the request's next statement on it sends no `set_config`.
 *
 * SECURITY INVOKER: it runs as the caller (`sl_app`) under the same policies, and sets nothing the
 * role could not set with `set_config` itself. A statement that fails rolls its `set_config`s back.
 */
const FUNCTION = `
CREATE FUNCTION app_enter_session(p_session varchar)
RETURNS TABLE (
  o_session varchar, o_last_seen timestamptz, o_idle integer, o_expires timestamptz, o_user uuid, o_organization uuid,
  o_role user_role, o_time_zone varchar, o_must_enroll boolean,
  o_scope_organization text, o_scope_actor text, o_scope text, o_scope_member text)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  r record;
BEGIN
  PERFORM set_config('app.organization_id', '', false), set_config('app.actor_id', '', false),
    set_config('app.scope', 'system', false), set_config('app.case_member', '', false);
  SELECT s.id, s.last_seen_at, s.idle_timeout_seconds, s.expires_at, u.id AS user_id, u.organization_id, u.role, o.time_zone,
    (o.require_staff_mfa AND u.role IN ('ADMIN', 'COORDINATOR', 'ADVOCATE')
      AND NOT EXISTS (SELECT 1 FROM sign_in_factor f WHERE f.user_id = u.id AND f.confirmed_at IS NOT NULL)) AS must_enroll
    INTO r
    FROM user_session s JOIN app_user u ON u.id = s.user_id JOIN organization o ON o.id = u.organization_id
    WHERE s.id = p_session AND s.revoked_at IS NULL AND u.deactivated_at IS NULL;
  IF NOT FOUND THEN
    PERFORM set_config('app.scope', 'none', false);
    RETURN;
  END IF;
  PERFORM set_config('app.organization_id', r.organization_id::text, false), set_config('app.actor_id', r.user_id::text, false),
    set_config('app.scope', 'organization', false),
    set_config('app.case_member', CASE WHEN r.role IN ('ADMIN', 'COORDINATOR', 'ADVOCATE') THEN '' ELSE 'on' END, false);
  RETURN QUERY SELECT r.id, r.last_seen_at, r.idle_timeout_seconds, r.expires_at, r.user_id, r.organization_id, r.role, r.time_zone, r.must_enroll,
    current_setting('app.organization_id'), current_setting('app.actor_id'), current_setting('app.scope'), current_setting('app.case_member');
END $$`;

export class SessionLookupSetsScope1795820000000 implements MigrationInterface {
  name = 'SessionLookupSetsScope1795820000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(FUNCTION);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION app_enter_session(varchar)`);
  }
}
