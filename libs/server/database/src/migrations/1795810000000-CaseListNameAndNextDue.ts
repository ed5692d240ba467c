import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1795710000000-RowLevelSecurity';

/**
 * The staff case list's name box and its "next due" order (docs/dashboards.md, "The staff case
 * views at real size").
 *
 * **Name candidates.** Under the row-level policies PostgreSQL applies pg_trgm's operators (not
 * leakproof) only after the policies, so a name search cannot use the trigram index and reads
 * every case of the organization. `app_case_ids_by_patient_name(query, threshold)` finds the
 * matching case ids through the index instead and the caller's own query, still under the
 * policies, keeps `id = ANY(...)` of them. The function runs as its owner (SECURITY DEFINER,
 * search_path pinned) and applies the policies' rules itself: the organization from the same
 * setting the `tenant` policy reads (`app_organization_id()`, never an argument) and, for a
 * patient's or caregiver's session, only the cases they joined (`app_case_ids()`, the
 * `case_member` policy's rule). Only `sl_app` may call it. For the owner to read `patient_case`
 * without the policies, its row-level security is enabled but no longer forced: the owner's own
 * sessions (migrations, the seed, the CLI) run with the system scope and saw every case already.
 * A name matches as in the header's search: alike by trigrams (`%>`, word similarity above
 * `threshold`) or containing the query (ILIKE, with the query's own % _ \ taken literally).
 *
 * **Next due.** `patient_case.next_due_on` is the earliest date something on the case falls
 * due (docs/domain.md, "My day"): an open record request's plan target or legal date, whichever
 * is first, and an open task's due date. Statement triggers on `record_request` and `case_task`
 * recompute it for the cases a statement touched, in the same transaction as the write. The
 * index orders cases with nothing due last (`'infinity'`) and ends in the id, the list's
 * tie-break, like the other orders of migration CaseListIndexes.
 */
const NAME_FUNCTION = 'app_case_ids_by_patient_name(text, real)';

/** [table, the columns whose change can move the case's next due date, an open row with a date, in SQL over alias x]. */
const DUE_TABLES: [string, string[], string][] = [
  ['record_request', ['case_id', 'plan_target_on', 'legal_due_on', 'completed_on'], 'x.completed_on IS NULL'],
  ['case_task', ['case_id', 'due_on', 'done_at'], 'x.done_at IS NULL AND x.due_on IS NOT NULL'],
];
const EVENTS = ['INSERT', 'UPDATE', 'DELETE'] as const;

export class CaseListNameAndNextDue1795810000000 implements MigrationInterface {
  name = 'CaseListNameAndNextDue1795810000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "patient_case" NO FORCE ROW LEVEL SECURITY`);
    // The function's own SET of the threshold is undone when it returns.
    await q.query(`CREATE FUNCTION ${NAME_FUNCTION.replace('(text, real)', '(query text, threshold real)')} RETURNS uuid[]
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      SET search_path = pg_catalog, public
      SET pg_trgm.word_similarity_threshold = '0.6'
      AS $$
      DECLARE
        org uuid := public.app_organization_id();
        members uuid[] := public.app_case_ids();
        pattern text;
      BEGIN
        IF org IS NULL OR query IS NULL OR length(query) < 2 THEN RETURN '{}'; END IF;
        pattern := '%' || replace(replace(replace(query, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%';
        PERFORM set_config('pg_trgm.word_similarity_threshold', threshold::text, true);
        RETURN coalesce((
          SELECT array_agg(c.id) FROM public.patient_case c
          WHERE c.organization_id = org
            AND (c.patient_name OPERATOR(public.%>) query OR c.patient_name ILIKE pattern)
            AND (members IS NULL OR c.id = ANY(members))
        ), '{}');
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ${NAME_FUNCTION} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${NAME_FUNCTION} TO ${APP_ROLE}`);

    await q.query(`ALTER TABLE "patient_case" ADD "next_due_on" date`);
    // Recounts the given cases; a case whose date did not change is not written.
    await q.query(`CREATE FUNCTION case_next_due_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF cardinality(ids) IS DISTINCT FROM 0 AND ids IS NOT NULL THEN
          UPDATE patient_case c SET next_due_on = d.due
          FROM (
            SELECT x.id, LEAST(
              (SELECT min(LEAST(r.plan_target_on, r.legal_due_on)) FROM record_request r WHERE r.case_id = x.id AND r.completed_on IS NULL),
              (SELECT min(t.due_on) FROM case_task t WHERE t.case_id = x.id AND t.done_at IS NULL)
            ) AS due
            FROM (SELECT DISTINCT unnest(ids) AS id) x
          ) d
          WHERE c.id = d.id AND c.next_due_on IS DISTINCT FROM d.due;
        END IF;
      END $$`);
    for (const [table, columns, open] of DUE_TABLES) {
      const changed = columns.map((col) => `o.${col} IS DISTINCT FROM n.${col}`).join(' OR ');
      // One function per table, one statement trigger per event (transition tables allow one event each).
      await q.query(`CREATE FUNCTION ${table}_next_due() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            PERFORM case_next_due_refresh(ARRAY(SELECT x.case_id FROM new_rows x WHERE ${open}));
          ELSIF TG_OP = 'DELETE' THEN
            PERFORM case_next_due_refresh(ARRAY(SELECT x.case_id FROM old_rows x WHERE ${open}));
          ELSE
            PERFORM case_next_due_refresh(ARRAY(
              SELECT unnest(ARRAY[o.case_id, n.case_id]) FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE ${changed}
            ));
          END IF;
          RETURN NULL;
        END $$`);
      for (const event of EVENTS) {
        const referencing = event === 'INSERT' ? 'NEW TABLE AS new_rows' : event === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
        await q.query(`CREATE TRIGGER ${table}_next_due_${event.toLowerCase()} AFTER ${event} ON "${table}" REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${table}_next_due()`);
      }
    }
    await q.query(
      `SELECT case_next_due_refresh(ARRAY(SELECT DISTINCT case_id FROM record_request WHERE completed_on IS NULL UNION SELECT case_id FROM case_task WHERE done_at IS NULL AND due_on IS NOT NULL))`,
    );
    await q.query(`CREATE INDEX "patient_case_list_next_due" ON "patient_case" ("organization_id", (coalesce("next_due_on", 'infinity'::date)), "id")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."patient_case_list_next_due"`);
    for (const [table] of DUE_TABLES) {
      for (const event of EVENTS) await q.query(`DROP TRIGGER ${table}_next_due_${event.toLowerCase()} ON "${table}"`);
      await q.query(`DROP FUNCTION ${table}_next_due()`);
    }
    await q.query(`DROP FUNCTION case_next_due_refresh(uuid[])`);
    await q.query(`ALTER TABLE "patient_case" DROP COLUMN "next_due_on"`);
    await q.query(`DROP FUNCTION ${NAME_FUNCTION}`);
    await q.query(`ALTER TABLE "patient_case" FORCE ROW LEVEL SECURITY`);
  }
}
