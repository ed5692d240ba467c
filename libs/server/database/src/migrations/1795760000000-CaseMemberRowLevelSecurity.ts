import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The second wall for patients and caregivers (issue 22, part 5; docs/operations.md, "Database
 * roles and row-level security"): row-level security already keeps every session to its
 * organization (RowLevelSecurity1795710000000); this keeps a patient's or caregiver's session to
 * the cases they joined.
 *
 * - The app marks such a session on its connection (`app.case_member` = 'on', beside
 *   `app.organization_id` and `app.actor_id`, in the one statement TenantContext already sends).
 *   Staff sessions, jobs and the system scope leave it empty and see what they saw before.
 * - `app_case_ids()`: for a case-member session, the ids of the cases `app.actor_id` is a
 *   participant of in the session's organization; null for every other session. It reads
 *   case_participant through `app_participant_case_ids`, which runs with `app.scope` = 'system'
 *   and `app.case_member` off for its one statement, so that read does not meet the policy it
 *   serves (no recursion); it reads only the caller's own rows, by the index on user_id.
 * - A RESTRICTIVE policy `case_member` on patient_case and on every table with a case_id column
 *   (CASE_TABLES): a row passes when the session is no case-member session, or its case is one of
 *   `app_case_ids()`, evaluated once per statement (a scalar sub-select, as the tenant policy).
 *   Restrictive policies are ANDed with `tenant`/`system`, so they only ever narrow. Special cases:
 *     notification: also the caller's own notifications (of a case they have since left too);
 *     invitation: also invitations to no case (staff invitations; the services hide them);
 *     audit_event: reads only (also events of no case): a denied attempt on another case's id
 *                  must still be written to the audit log (issue 22, part 7).
 *   Child tables without a case_id (record_request_item) follow their parent's policy through a
 *   sub-select on the parent, which the parent's own policy filters.
 * The catalog test (apps/api/test/row-level-security.int-spec.ts) fails for a table with a
 * case_id column that has no `case_member` policy.
 */
export const CASE_TABLES = [
  'appointment',
  'appointment_answer',
  'case_activity',
  'case_comment',
  'case_decision',
  'case_doctor_script',
  'case_document',
  'case_note',
  'case_opinion',
  'case_participant',
  'case_question',
  'case_stage_change',
  'case_task',
  'case_timeline_adjustment',
  'insurance_call',
  'insurance_plan',
  'opinion_comparison',
  'own_timeline_entry',
  'packet_item',
  'provider_candidate',
  'record_request',
];

const IDS = `(SELECT app_case_ids())`;
const NOT_MEMBER = `${IDS} IS NULL`;
// The cast makes ANY take the array, not a sub-query of its rows.
const MEMBER_OF = (column: string) => `${column} = ANY (${IDS}::uuid[])`;
const ACTOR = `(SELECT app_actor_id())`;

// For a not-null case column: the compare is null (so true) when the session is no case-member
// session. One clause the planner estimates as a plain boolean (0.5), where `x IS NULL OR …`
// on a sub-select's value was estimated as almost no row and turned the board's page from an
// ordered index scan into a nested loop over every open request (340x slower in bench:rls).
const CASE_OF = (column: string) => `coalesce(${MEMBER_OF(column)}, true)`;

/** [table, the rows a case-member session may reach, for which commands]. */
const POLICIES: [string, string, 'ALL' | 'SELECT'][] = [
  ['patient_case', CASE_OF('id'), 'ALL'],
  ...CASE_TABLES.map((t): [string, string, 'ALL'] => [t, CASE_OF('case_id'), 'ALL']),
  ['notification', `${NOT_MEMBER} OR user_id = ${ACTOR} OR ${MEMBER_OF('case_id')}`, 'ALL'],
  ['invitation', `${NOT_MEMBER} OR case_id IS NULL OR ${MEMBER_OF('case_id')}`, 'ALL'],
  ['audit_event', `${NOT_MEMBER} OR case_id IS NULL OR ${MEMBER_OF('case_id')}`, 'SELECT'],
  ['record_request_item', `${NOT_MEMBER} OR request_id IN (SELECT id FROM record_request)`, 'ALL'],
];

export class CaseMemberRowLevelSecurity1795760000000 implements MigrationInterface {
  name = 'CaseMemberRowLevelSecurity1795760000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION app_actor_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT nullif(current_setting('app.actor_id', true), '')::uuid $$`);
    // Its SET clauses hold for this function's statement only and are undone on return.
    await q.query(`CREATE FUNCTION app_participant_case_ids(actor uuid, org uuid) RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE
      SET app.scope = 'system' SET app.case_member = ''
      AS $$ SELECT coalesce(array_agg(case_id), '{}') FROM case_participant WHERE user_id = actor AND organization_id = org $$`);
    // A case-member session with no actor or organization gets no case at all.
    await q.query(`CREATE FUNCTION app_case_ids() RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
      SELECT CASE WHEN coalesce(current_setting('app.case_member', true), '') = 'on' AND NOT app_is_system()
        THEN coalesce(app_participant_case_ids(app_actor_id(), app_organization_id()), '{}') END $$`);
    for (const [table, rows, command] of POLICIES) {
      const check = command === 'ALL' ? ` WITH CHECK (${rows})` : '';
      await q.query(`CREATE POLICY "case_member" ON "${table}" AS RESTRICTIVE FOR ${command} USING (${rows})${check}`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [table] of [...POLICIES].reverse()) await q.query(`DROP POLICY "case_member" ON "${table}"`);
    await q.query(`DROP FUNCTION app_case_ids()`);
    await q.query(`DROP FUNCTION app_participant_case_ids(uuid, uuid)`);
    await q.query(`DROP FUNCTION app_actor_id()`);
  }
}
