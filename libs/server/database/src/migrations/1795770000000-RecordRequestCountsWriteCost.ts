import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * What keeping the board's counts and the dashboards' request figures costs a record-request
 * write, cut (issue 19: at most 10% slower; docs/dashboards.md, "The records board's counts").
 * The counts stay exactly what they were; two things change:
 *
 * 1. record_board_count keeps two levels instead of four: every request (urgency 'ANY',
 *    advocate ANY_ADVOCATE) and by urgency and lead advocate together. A board filtered by
 *    urgency only or by lead advocate only adds up the finer level (RecordBoardService.level),
 *    so a write touches 6 rows (T, D, R at two levels) instead of 12. The rows of the two
 *    levels no longer kept are dropped here.
 * 2. An UPDATE of a request runs one row-level trigger, and only when a counted column changed
 *    (UPDATE OF ... WHEN ...), instead of two statement-level triggers with transition tables
 *    on every UPDATE. Every update the app makes touches one request (a save), and most change
 *    nothing counted (a fee, a letter, a partial receipt, a version bump): those now cost
 *    nothing, and a counted change skips the transition tables. Inserts and deletes keep their
 *    statement triggers (bulk imports, a case's requests deleted with it). The row trigger adds
 *    its deltas through the same functions as before (record_board_add,
 *    dashboard_requests_apply), so both rollups' rules are unchanged.
 *
 * The statement-level update functions stay (down puts their triggers back).
 */
const ANY_LEVEL = `('ANY', 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid)`;
const TWO_LEVELS = `${ANY_LEVEL}, (d.urgency, d.advocate_id)`;
const FOUR_LEVELS = `${ANY_LEVEL}, (d.urgency, 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid),
                               ('ANY', d.advocate_id), (d.urgency, d.advocate_id)`;

/** record_board_add and record_board_rebuild (migration RecordBoardCounts) at the given levels. */
const boardFunctions = (levels: string) => String.raw`
CREATE OR REPLACE FUNCTION record_board_add(p record_board_delta[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  zero record_board_count[];
  horizon date := record_board_horizon();
BEGIN
  IF coalesce(cardinality(p), 0) = 0 THEN RETURN; END IF;
  WITH up AS (
    INSERT INTO record_board_count AS c (organization_id, urgency, advocate_id, kind, on_date, holder_id, n)
    SELECT d.organization_id, l.urgency, l.advocate_id, x.kind, x.on_date, d.holder_id, sum(d.n)::int
    FROM unnest(p) d
    CROSS JOIN LATERAL (VALUES ${levels}) l(urgency, advocate_id)
    CROSS JOIN LATERAL (VALUES ('T', DATE '-infinity'), ('D', d.due_on), ('R', d.risk_on)) x(kind, on_date)
    WHERE x.kind = 'T' OR x.on_date >= horizon
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.n) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (organization_id, urgency, advocate_id, kind, on_date, holder_id) DO UPDATE SET n = c.n + excluded.n
    RETURNING c.*)
  SELECT array_agg(up) INTO zero FROM up WHERE up.n = 0;
  IF zero IS NOT NULL THEN
    DELETE FROM record_board_count c USING unnest(zero) z
    WHERE (c.organization_id, c.urgency, c.advocate_id, c.kind, c.on_date, c.holder_id) = (z.organization_id, z.urgency, z.advocate_id, z.kind, z.on_date, z.holder_id) AND c.n = 0;
  END IF;
END $$;

CREATE OR REPLACE FUNCTION record_board_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM record_board_count;
  INSERT INTO record_board_count (organization_id, urgency, advocate_id, kind, on_date, holder_id, n)
  SELECT d.organization_id, l.urgency, l.advocate_id, x.kind, x.on_date, d.holder_id, count(*)::int
  FROM (SELECT (record_board_delta_of(r, c.urgency, c.lead_advocate_id, 1)).* FROM record_request r JOIN patient_case c ON c.id = r.case_id WHERE r.completed_on IS NULL) d
  CROSS JOIN LATERAL (VALUES ${levels}) l(urgency, advocate_id)
  CROSS JOIN LATERAL (VALUES ('T', DATE '-infinity'), ('D', d.due_on), ('R', d.risk_on)) x(kind, on_date)
  WHERE x.kind = 'T' OR x.on_date >= record_board_horizon()
  GROUP BY 1, 2, 3, 4, 5, 6;
END $$;
`;

const UP = String.raw`
DROP TRIGGER record_board_request_update ON record_request;
DROP TRIGGER dashboard_request_update ON record_request;

-- One updated request: the board's delta when its open dates, holder or case changed, the
-- dashboards' when a date they count or its holder changed (the statement functions' tests).
CREATE FUNCTION record_request_counts_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was patient_case;
  now_in patient_case;
BEGIN
  SELECT * INTO was FROM patient_case WHERE id = OLD.case_id;
  IF NEW.case_id = OLD.case_id THEN now_in := was; ELSE SELECT * INTO now_in FROM patient_case WHERE id = NEW.case_id; END IF;
  IF (OLD.organization_id, OLD.case_id, OLD.holder_id, OLD.legal_due_on, OLD.plan_target_on, OLD.completed_on IS NULL)
     IS DISTINCT FROM (NEW.organization_id, NEW.case_id, NEW.holder_id, NEW.legal_due_on, NEW.plan_target_on, NEW.completed_on IS NULL) THEN
    PERFORM record_board_add(ARRAY(
      SELECT record_board_delta_of(OLD, was.urgency, was.lead_advocate_id, -1) WHERE OLD.completed_on IS NULL AND was.id IS NOT NULL
      UNION ALL SELECT record_board_delta_of(NEW, now_in.urgency, now_in.lead_advocate_id, 1) WHERE NEW.completed_on IS NULL AND now_in.id IS NOT NULL));
  END IF;
  IF (OLD.case_id, OLD.holder_id, OLD.sent_on, OLD.plan_target_on, OLD.legal_due_on, OLD.original_legal_due_on, OLD.extension_recorded_on, OLD.completed_on)
     IS DISTINCT FROM (NEW.case_id, NEW.holder_id, NEW.sent_on, NEW.plan_target_on, NEW.legal_due_on, NEW.original_legal_due_on, NEW.extension_recorded_on, NEW.completed_on) THEN
    PERFORM dashboard_requests_apply(ARRAY[OLD], ARRAY[NEW]);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER record_request_counts_update AFTER UPDATE OF organization_id, case_id, holder_id, sent_on, plan_target_on, legal_due_on, original_legal_due_on, extension_recorded_on, completed_on
  ON record_request FOR EACH ROW
  WHEN ((OLD.organization_id, OLD.case_id, OLD.holder_id, OLD.sent_on, OLD.plan_target_on, OLD.legal_due_on, OLD.original_legal_due_on, OLD.extension_recorded_on, OLD.completed_on)
    IS DISTINCT FROM (NEW.organization_id, NEW.case_id, NEW.holder_id, NEW.sent_on, NEW.plan_target_on, NEW.legal_due_on, NEW.original_legal_due_on, NEW.extension_recorded_on, NEW.completed_on))
  EXECUTE FUNCTION record_request_counts_on_update();
`;

const DOWN = String.raw`
DROP TRIGGER record_request_counts_update ON record_request;
DROP FUNCTION record_request_counts_on_update();
CREATE TRIGGER record_board_request_update AFTER UPDATE ON record_request REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_board_on_request_update();
CREATE TRIGGER dashboard_request_update AFTER UPDATE ON record_request REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_requests_update();
`;

export class RecordRequestCountsWriteCost1795770000000 implements MigrationInterface {
  name = 'RecordRequestCountsWriteCost1795770000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(UP);
    await q.query(boardFunctions(TWO_LEVELS));
    // The rows of the levels no longer kept (by urgency only, by lead advocate only); the owner
    // is held to row-level security too, so this runs in the system scope.
    await q.query(`SELECT set_config('app.scope', 'system', true)`);
    await q.query(`DELETE FROM record_board_count WHERE (urgency = 'ANY') <> (advocate_id = 'ffffffff-ffff-ffff-ffff-ffffffffffff')`);
    await q.query(`SELECT set_config('app.scope', '', true)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(boardFunctions(FOUR_LEVELS));
    await q.query(`SELECT set_config('app.scope', 'system', true)`);
    await q.query(`SELECT record_board_rebuild()`);
    await q.query(`SELECT set_config('app.scope', '', true)`);
    await q.query(DOWN);
  }
}
