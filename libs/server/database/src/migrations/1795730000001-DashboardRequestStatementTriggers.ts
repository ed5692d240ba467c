import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The dashboards' record-request figures (migration DashboardRollup) kept by statement-level
 * triggers with transition tables instead of a row trigger: one upsert per statement into
 * dashboard_rollup, with the old rows' contributions taken away and the new ones added in the
 * same set, instead of a case lookup and two to four upserts per row. The rules are
 * dashboard_request_apply's (judgeRequest's), written as a set; dashboard_rebuild() still
 * recounts through dashboard_request_apply, and apps/api/test/dashboards.int-spec.ts checks a
 * recount equals what these triggers kept.
 */
const UP = String.raw`
DROP TRIGGER dashboard_request ON record_request;

-- Old rows count -1 and new rows +1, each under its case's urgency and lead advocate now.
CREATE FUNCTION dashboard_requests_apply(p_old record_request[], p_new record_request[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dashboard_rollup AS x (organization_id, metric, day, key, urgency, advocate_id, days, n, over_target, over_legal)
  SELECT r.organization_id, b.metric, b.day, r.holder_id::text, c.urgency, coalesce(c.lead_advocate_id, '00000000-0000-0000-0000-000000000000'), b.days,
    sum(r.sign), sum(b.over_target * r.sign), sum(b.over_legal * r.sign)
  FROM (SELECT o.*, -1 AS sign FROM unnest(p_old) o UNION ALL SELECT n.*, 1 FROM unnest(p_new) n) r
  JOIN patient_case c ON c.id = r.case_id
  CROSS JOIN LATERAL (SELECT CASE WHEN r.extension_recorded_on IS NOT NULL AND r.extension_recorded_on <= r.original_legal_due_on
    THEN r.legal_due_on ELSE r.original_legal_due_on END AS legal) j
  CROSS JOIN LATERAL (
    SELECT 'HOLDER_SENT', dashboard_month(r.sent_on), 0, 0, 0
    UNION ALL SELECT 'OPEN_TARGET', r.plan_target_on, 0, 0, 0 WHERE r.completed_on IS NULL
    UNION ALL SELECT 'OPEN_LEGAL', j.legal, 0, 0, 0 WHERE r.completed_on IS NULL
    UNION ALL SELECT 'HOLDER_DONE', dashboard_month(r.completed_on), r.completed_on - r.sent_on,
      (r.completed_on > r.plan_target_on)::int, (r.completed_on > j.legal)::int WHERE r.completed_on IS NOT NULL
  ) b(metric, day, days, over_target, over_legal)
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(r.sign) <> 0 OR sum(b.over_target * r.sign) <> 0 OR sum(b.over_legal * r.sign) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (organization_id, metric, day, key, urgency, advocate_id, days)
  DO UPDATE SET n = x.n + excluded.n, over_target = x.over_target + excluded.over_target, over_legal = x.over_legal + excluded.over_legal
$$;

CREATE FUNCTION dashboard_on_requests_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dashboard_requests_apply('{}', ARRAY(SELECT n::record_request FROM new_rows n));
  RETURN NULL;
END $$;

-- Only rows whose counted columns changed (the row trigger listed them in UPDATE OF).
CREATE FUNCTION dashboard_on_requests_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  olds record_request[];
  news record_request[];
BEGIN
  SELECT array_agg(o::record_request), array_agg(n::record_request) INTO olds, news FROM old_rows o JOIN new_rows n ON n.id = o.id
  WHERE (o.holder_id, o.sent_on, o.plan_target_on, o.legal_due_on, o.original_legal_due_on, o.extension_recorded_on, o.completed_on)
    IS DISTINCT FROM (n.holder_id, n.sent_on, n.plan_target_on, n.legal_due_on, n.original_legal_due_on, n.extension_recorded_on, n.completed_on);
  IF olds IS NOT NULL THEN PERFORM dashboard_requests_apply(olds, news); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION dashboard_on_requests_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dashboard_requests_apply(ARRAY(SELECT o::record_request FROM old_rows o), '{}');
  RETURN NULL;
END $$;

-- A case being deleted takes away everything of it first: its requests, decisions and visits
-- (dashboard_case_children) and its moves; the cascade that follows finds no case and adds
-- nothing. (Before, a deleted case's figures stayed in the rollup until a recount.)
CREATE FUNCTION dashboard_on_case_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s case_stage_change;
BEGIN
  PERFORM dashboard_case_children(OLD, -1);
  FOR s IN SELECT * FROM case_stage_change WHERE case_id = OLD.id ORDER BY at, id LOOP PERFORM dashboard_move_apply(s, -1); END LOOP;
  RETURN OLD;
END $$;

CREATE TRIGGER dashboard_case_delete BEFORE DELETE ON patient_case FOR EACH ROW EXECUTE FUNCTION dashboard_on_case_delete();
CREATE TRIGGER dashboard_request_insert AFTER INSERT ON record_request REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_requests_insert();
CREATE TRIGGER dashboard_request_update AFTER UPDATE ON record_request REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_requests_update();
CREATE TRIGGER dashboard_request_delete AFTER DELETE ON record_request REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_requests_delete();
`;

const DOWN = String.raw`
DROP TRIGGER dashboard_request_delete ON record_request;
DROP TRIGGER dashboard_request_update ON record_request;
DROP TRIGGER dashboard_request_insert ON record_request;
DROP TRIGGER dashboard_case_delete ON patient_case;
DROP FUNCTION dashboard_on_case_delete();
DROP FUNCTION dashboard_on_requests_delete();
DROP FUNCTION dashboard_on_requests_update();
DROP FUNCTION dashboard_on_requests_insert();
DROP FUNCTION dashboard_requests_apply(record_request[], record_request[]);
CREATE TRIGGER dashboard_request AFTER INSERT OR DELETE OR UPDATE OF holder_id, sent_on, plan_target_on, legal_due_on, original_legal_due_on, extension_recorded_on, completed_on ON record_request FOR EACH ROW EXECUTE FUNCTION dashboard_on_request();
`;

export class DashboardRequestStatementTriggers1795730000001 implements MigrationInterface {
  name = 'DashboardRequestStatementTriggers1795730000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(UP);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(DOWN);
  }
}
