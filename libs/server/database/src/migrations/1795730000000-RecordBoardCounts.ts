import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The coordinator board's counts and holder totals, kept incrementally (docs/dashboards.md,
 * "The board's counts"). A request's status on day t depends on two of its dates only:
 *   due_on  = least(legal_due_on, plan_target_on)           overdue   when due_on < t
 *   risk_on = least(legal_due_on - 7, plan_target_on - 3)   at risk   when risk_on <= t, not overdue
 * (the at-risk days are DEFAULT_RECORD_CLOCK_SETTINGS.atRiskDays, as RecordBoardService uses).
 * risk_on <= due_on always, so "risky" (at risk or overdue) is risk_on <= t, and
 *   open = T, overdue = T - D(on_date >= t), atRisk = (T - R(on_date > t)) - overdue,
 *   onTrack = T - risky
 * where T counts a holder's open requests and D and R count them by those dates. A board read
 * needs D and R only from today on: those dates lie within the next weeks (targets and legal
 * dates are at most 60 days after sending), so it reads holders x the coming weeks, however many
 * requests and years the organization has. Rows dated before yesterday in any time zone are no
 * longer read, so the triggers stop keeping them and `record_board_prune()` drops them.
 *
 * `record_board_count` holds T, D and R per organization and holder at four levels, so each of
 * the board's filters reads one level: all requests (urgency 'ANY', advocate ANY_ADVOCATE), by
 * urgency, by lead advocate, by both. A row whose count reaches zero is deleted.
 *
 * Statement-level triggers with transition tables keep it in the same transaction as the write
 * (one upsert per statement, whatever the number of rows). Requests count under their case's
 * current urgency and lead advocate: changing either moves the case's open requests. A case
 * being deleted takes its open requests away first (the cascade then finds no case).
 * `record_board_rebuild()` recounts from scratch.
 */
const FUNCTIONS = String.raw`
CREATE TYPE record_board_delta AS (organization_id uuid, holder_id uuid, urgency text, advocate_id uuid, due_on date, risk_on date, n int);

-- The first date still read in any time zone (a board reads from its organization's today on).
CREATE FUNCTION record_board_horizon() RETURNS date LANGUAGE sql STABLE AS $$ SELECT (now() AT TIME ZONE 'UTC')::date - 2 $$;

-- Adds deltas (one per request and sign) at the four levels; deletes rows that reach zero.
-- Rows are written in key order, so two writers take row locks in the same order.
CREATE FUNCTION record_board_add(p record_board_delta[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  zero record_board_count[];
  horizon date := record_board_horizon();
BEGIN
  IF coalesce(cardinality(p), 0) = 0 THEN RETURN; END IF;
  WITH up AS (
    INSERT INTO record_board_count AS c (organization_id, urgency, advocate_id, kind, on_date, holder_id, n)
    SELECT d.organization_id, l.urgency, l.advocate_id, x.kind, x.on_date, d.holder_id, sum(d.n)::int
    FROM unnest(p) d
    CROSS JOIN LATERAL (VALUES ('ANY', 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid), (d.urgency, 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid),
                               ('ANY', d.advocate_id), (d.urgency, d.advocate_id)) l(urgency, advocate_id)
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

-- Drops the rows no board reads any more (dated before record_board_horizon()); the nightly
-- maintenance job runs it. Returns how many went.
CREATE FUNCTION record_board_prune() RETURNS int LANGUAGE sql AS $$
  WITH gone AS (DELETE FROM record_board_count WHERE kind <> 'T' AND on_date < record_board_horizon() RETURNING 1) SELECT count(*)::int FROM gone
$$;

-- One open request's delta under its case's urgency and lead advocate (no lead: the zero id).
CREATE FUNCTION record_board_delta_of(r record_request, p_urgency case_urgency, p_adv uuid, p_sign int) RETURNS record_board_delta LANGUAGE sql IMMUTABLE AS $$
  SELECT ROW(r.organization_id, r.holder_id, p_urgency::text, coalesce(p_adv, '00000000-0000-0000-0000-000000000000'),
    least(r.legal_due_on, r.plan_target_on), least(r.legal_due_on - 7, r.plan_target_on - 3), p_sign)::record_board_delta
$$;

CREATE FUNCTION record_board_on_request_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM record_board_add(ARRAY(
    SELECT record_board_delta_of(n, c.urgency, c.lead_advocate_id, 1) FROM new_rows n JOIN patient_case c ON c.id = n.case_id WHERE n.completed_on IS NULL));
  RETURN NULL;
END $$;

CREATE FUNCTION record_board_on_request_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM record_board_add(ARRAY(
    SELECT x.delta FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN patient_case c ON c.id = n.case_id
    CROSS JOIN LATERAL (
      SELECT record_board_delta_of(o, c.urgency, c.lead_advocate_id, -1) WHERE o.completed_on IS NULL
      UNION ALL SELECT record_board_delta_of(n, c.urgency, c.lead_advocate_id, 1) WHERE n.completed_on IS NULL) x(delta)
    WHERE (o.organization_id, o.case_id, o.holder_id, o.legal_due_on, o.plan_target_on, o.completed_on IS NULL)
      IS DISTINCT FROM (n.organization_id, n.case_id, n.holder_id, n.legal_due_on, n.plan_target_on, n.completed_on IS NULL)));
  RETURN NULL;
END $$;

CREATE FUNCTION record_board_on_request_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM record_board_add(ARRAY(
    SELECT record_board_delta_of(o, c.urgency, c.lead_advocate_id, -1) FROM old_rows o JOIN patient_case c ON c.id = o.case_id WHERE o.completed_on IS NULL));
  RETURN NULL;
END $$;

-- A case's urgency or lead advocate changed: its open requests move to the new levels.
CREATE FUNCTION record_board_on_case_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM record_board_add(ARRAY(
    SELECT x.delta FROM old_rows o JOIN new_rows n ON n.id = o.id
    JOIN record_request r ON r.case_id = n.id AND r.completed_on IS NULL
    CROSS JOIN LATERAL (VALUES (record_board_delta_of(r, o.urgency, o.lead_advocate_id, -1)), (record_board_delta_of(r, n.urgency, n.lead_advocate_id, 1))) x(delta)
    WHERE (o.urgency, o.lead_advocate_id) IS DISTINCT FROM (n.urgency, n.lead_advocate_id)));
  RETURN NULL;
END $$;

CREATE FUNCTION record_board_on_case_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM record_board_add(ARRAY(
    SELECT record_board_delta_of(r, OLD.urgency, OLD.lead_advocate_id, -1) FROM record_request r WHERE r.case_id = OLD.id AND r.completed_on IS NULL));
  RETURN OLD;
END $$;

-- Recounts every organization from record_request (after a bulk load with triggers off, or to check).
CREATE FUNCTION record_board_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM record_board_count;
  INSERT INTO record_board_count (organization_id, urgency, advocate_id, kind, on_date, holder_id, n)
  SELECT d.organization_id, l.urgency, l.advocate_id, x.kind, x.on_date, d.holder_id, count(*)::int
  FROM (SELECT (record_board_delta_of(r, c.urgency, c.lead_advocate_id, 1)).* FROM record_request r JOIN patient_case c ON c.id = r.case_id WHERE r.completed_on IS NULL) d
  CROSS JOIN LATERAL (VALUES ('ANY', 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid), (d.urgency, 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid),
                             ('ANY', d.advocate_id), (d.urgency, d.advocate_id)) l(urgency, advocate_id)
  CROSS JOIN LATERAL (VALUES ('T', DATE '-infinity'), ('D', d.due_on), ('R', d.risk_on)) x(kind, on_date)
  WHERE x.kind = 'T' OR x.on_date >= record_board_horizon()
  GROUP BY 1, 2, 3, 4, 5, 6;
END $$;

CREATE TRIGGER record_board_request_insert AFTER INSERT ON record_request REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_board_on_request_insert();
CREATE TRIGGER record_board_request_update AFTER UPDATE ON record_request REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_board_on_request_update();
CREATE TRIGGER record_board_request_delete AFTER DELETE ON record_request REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_board_on_request_delete();
CREATE TRIGGER record_board_case_update AFTER UPDATE ON patient_case REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_board_on_case_update();
CREATE TRIGGER record_board_case_delete BEFORE DELETE ON patient_case FOR EACH ROW EXECUTE FUNCTION record_board_on_case_delete();
`;

const DROP = String.raw`
DROP TRIGGER record_board_case_delete ON patient_case;
DROP TRIGGER record_board_case_update ON patient_case;
DROP TRIGGER record_board_request_delete ON record_request;
DROP TRIGGER record_board_request_update ON record_request;
DROP TRIGGER record_board_request_insert ON record_request;
DROP FUNCTION record_board_rebuild();
DROP FUNCTION record_board_prune();
DROP FUNCTION record_board_on_case_delete();
DROP FUNCTION record_board_on_case_update();
DROP FUNCTION record_board_on_request_delete();
DROP FUNCTION record_board_on_request_update();
DROP FUNCTION record_board_on_request_insert();
DROP FUNCTION record_board_delta_of(record_request, case_urgency, uuid, int);
DROP FUNCTION record_board_add(record_board_delta[]);
DROP FUNCTION record_board_horizon();
DROP TYPE record_board_delta;
`;

export class RecordBoardCounts1795730000000 implements MigrationInterface {
  name = 'RecordBoardCounts1795730000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "record_board_count" ("organization_id" uuid NOT NULL, "urgency" character varying(8) NOT NULL, "advocate_id" uuid NOT NULL, "holder_id" uuid NOT NULL,
        "kind" character(1) NOT NULL, "on_date" date NOT NULL, "n" integer NOT NULL,
        CONSTRAINT "record_board_count_pkey" PRIMARY KEY ("organization_id", "urgency", "advocate_id", "kind", "on_date", "holder_id"))`,
    );
    await queryRunner.query(FUNCTIONS);
    await queryRunner.query(`SELECT record_board_rebuild()`);
    // The oldest open request of a holder (the board's "oldest sent") is the first entry of
    // this index, and its INCLUDE columns answer the status filters without the heap.
    await queryRunner.query(`DROP INDEX "public"."record_request_open_board"`);
    await queryRunner.query(
      `CREATE INDEX "record_request_open_board" ON "record_request" ("organization_id", "holder_id", "sent_on") INCLUDE ("legal_due_on", "plan_target_on", "case_id") WHERE completed_on IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."record_request_open_board"`);
    await queryRunner.query(
      `CREATE INDEX "record_request_open_board" ON "record_request" ("organization_id", "holder_id") INCLUDE ("legal_due_on", "plan_target_on", "sent_on", "case_id") WHERE completed_on IS NULL`,
    );
    await queryRunner.query(DROP);
    await queryRunner.query(`DROP TABLE "record_board_count"`);
  }
}
