import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The dashboards' rollup (docs/dashboards.md, "How the figures are kept"): `dashboard_rollup`
 * holds counts by organization, metric, month (or date), key, urgency, lead advocate and whole
 * days. Triggers on the tables they count add and remove their rows' contributions in the
 * same transaction as the write, so a figure is never staler than the last commit, and a
 * dashboard reads these rows (O(buckets)), not the history. The rules mirror
 * libs/domain/src/dashboards/dashboard-figures.ts; apps/api/test/dashboards.int-spec.ts holds
 * the two together. `dashboard_rebuild()` recounts everything through the same functions
 * (run here for existing data, and by the bench after bulk loading).
 */
const FUNCTIONS = String.raw`
CREATE FUNCTION dashboard_bump(p_org uuid, p_metric text, p_day date, p_key text, p_urgency case_urgency, p_adv uuid, p_days int, p_n int, p_over_target int, p_over_legal int)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO dashboard_rollup AS r (organization_id, metric, day, key, urgency, advocate_id, days, n, over_target, over_legal)
  VALUES (p_org, p_metric, p_day, p_key, p_urgency, coalesce(p_adv, '00000000-0000-0000-0000-000000000000'), p_days, p_n, p_over_target, p_over_legal)
  ON CONFLICT (organization_id, metric, day, key, urgency, advocate_id, days)
  DO UPDATE SET n = r.n + excluded.n, over_target = r.over_target + excluded.over_target, over_legal = r.over_legal + excluded.over_legal
$$;

CREATE FUNCTION dashboard_month(p_day date) RETURNS date LANGUAGE sql IMMUTABLE AS $$ SELECT date_trunc('month', p_day)::date $$;

CREATE FUNCTION dashboard_zone(p_org uuid) RETURNS text LANGUAGE sql STABLE AS $$ SELECT time_zone FROM organization WHERE id = p_org $$;

-- The plan's default phase targets (DEFAULT_CASE_PHASE_DAYS); the journey's is their sum.
CREATE FUNCTION dashboard_target(p_phase text, p_urgency case_urgency) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p_phase
    WHEN 'RECORDS' THEN CASE WHEN p_urgency = 'URGENT' THEN 7 ELSE 14 END
    WHEN 'APPOINTMENT' THEN CASE WHEN p_urgency = 'URGENT' THEN 14 ELSE 28 END
    WHEN 'FOLLOW_UP' THEN CASE WHEN p_urgency = 'URGENT' THEN 7 ELSE 14 END
    ELSE CASE WHEN p_urgency = 'URGENT' THEN 28 ELSE 56 END END
$$;

-- Whether a move finishes phase p (0 records, 1 appointment, 2 follow-up): phaseSpans' rule.
CREATE FUNCTION dashboard_finishes(p int, p_from case_stage, p_to case_stage) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p
    WHEN 0 THEN p_to <> 'CLOSED' AND p_to >= 'PREPARE'
    WHEN 1 THEN p_to <> 'CLOSED' AND p_to >= 'COMPARE_AND_DECIDE'
    ELSE p_to = 'CLOSED' AND p_from IS NOT DISTINCT FROM 'CLOSE_THE_LOOP' END
$$;

CREATE FUNCTION dashboard_case_apply(c patient_case, p_sign int) RETURNS void LANGUAGE sql AS $$
  SELECT dashboard_bump(c.organization_id, 'STAGE_NOW', DATE '2000-01-01', c.stage::text, c.urgency, c.lead_advocate_id, 0, p_sign, 0, 0)
$$;

-- One stage move: the stage entered and left in its month, an early close, and the phases it
-- finishes given the case's earlier moves (ordered by time, then id).
CREATE FUNCTION dashboard_move_apply(s case_stage_change, p_sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  c patient_case;
  zone text;
  on_day date;
  start_day date;
  phase_start date;
  idx int := 0;
  end_day date;
  prior record;
  names text[] := ARRAY['RECORDS', 'APPOINTMENT', 'FOLLOW_UP'];
BEGIN
  SELECT * INTO c FROM patient_case WHERE id = s.case_id;
  IF NOT FOUND THEN RETURN; END IF;
  zone := dashboard_zone(c.organization_id);
  on_day := (s.at AT TIME ZONE zone)::date;
  PERFORM dashboard_bump(c.organization_id, 'STAGE_ENTERED', dashboard_month(on_day), s.to_stage::text, c.urgency, c.lead_advocate_id, 0, p_sign, 0, 0);
  IF s.from_stage IS NULL THEN RETURN; END IF;
  PERFORM dashboard_bump(c.organization_id, 'STAGE_LEFT', dashboard_month(on_day), s.from_stage::text, c.urgency, c.lead_advocate_id, 0, p_sign, 0, 0);
  IF s.to_stage = 'CLOSED' AND s.from_stage < 'CLOSE_THE_LOOP' THEN
    PERFORM dashboard_bump(c.organization_id, 'CLOSED_EARLY', dashboard_month(on_day), s.from_stage::text, c.urgency, c.lead_advocate_id, 0, p_sign, 0, 0);
  END IF;
  start_day := (c.created_at AT TIME ZONE zone)::date;
  phase_start := start_day;
  FOR prior IN
    SELECT from_stage, to_stage, (at AT TIME ZONE zone)::date AS day FROM case_stage_change
    WHERE case_id = s.case_id AND (at, id) < (s.at, s.id) ORDER BY at, id
  LOOP
    WHILE idx < 3 AND dashboard_finishes(idx, prior.from_stage, prior.to_stage) LOOP
      phase_start := greatest(phase_start, prior.day);
      idx := idx + 1;
    END LOOP;
  END LOOP;
  WHILE idx < 3 AND dashboard_finishes(idx, s.from_stage, s.to_stage) LOOP
    end_day := greatest(phase_start, on_day);
    PERFORM dashboard_bump(c.organization_id, 'PHASE', dashboard_month(end_day), names[idx + 1], c.urgency, c.lead_advocate_id,
      end_day - phase_start, p_sign, CASE WHEN end_day - phase_start > dashboard_target(names[idx + 1], c.urgency) THEN p_sign ELSE 0 END, 0);
    phase_start := end_day;
    idx := idx + 1;
    IF idx = 3 THEN
      PERFORM dashboard_bump(c.organization_id, 'PHASE', dashboard_month(end_day), 'JOURNEY', c.urgency, c.lead_advocate_id,
        end_day - start_day, p_sign, CASE WHEN end_day - start_day > dashboard_target('JOURNEY', c.urgency) THEN p_sign ELSE 0 END, 0);
    END IF;
  END LOOP;
END $$;

-- One record request, filed under its case's urgency and lead advocate now (judgeRequest's rules).
CREATE FUNCTION dashboard_request_apply(r record_request, p_urgency case_urgency, p_adv uuid, p_sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  legal date := CASE WHEN r.extension_recorded_on IS NOT NULL AND r.extension_recorded_on <= r.original_legal_due_on
    THEN r.legal_due_on ELSE r.original_legal_due_on END;
BEGIN
  PERFORM dashboard_bump(r.organization_id, 'HOLDER_SENT', dashboard_month(r.sent_on), r.holder_id::text, p_urgency, p_adv, 0, p_sign, 0, 0);
  IF r.completed_on IS NULL THEN
    PERFORM dashboard_bump(r.organization_id, 'OPEN_TARGET', r.plan_target_on, r.holder_id::text, p_urgency, p_adv, 0, p_sign, 0, 0);
    PERFORM dashboard_bump(r.organization_id, 'OPEN_LEGAL', legal, r.holder_id::text, p_urgency, p_adv, 0, p_sign, 0, 0);
  ELSE
    PERFORM dashboard_bump(r.organization_id, 'HOLDER_DONE', dashboard_month(r.completed_on), r.holder_id::text, p_urgency, p_adv,
      r.completed_on - r.sent_on, p_sign,
      CASE WHEN r.completed_on > r.plan_target_on THEN p_sign ELSE 0 END,
      CASE WHEN r.completed_on > legal THEN p_sign ELSE 0 END);
  END IF;
END $$;

CREATE FUNCTION dashboard_decision_apply(d case_decision, c patient_case, p_urgency case_urgency, p_adv uuid, p_sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  zone text := dashboard_zone(c.organization_id);
  on_day date := (d.created_at AT TIME ZONE zone)::date;
BEGIN
  PERFORM dashboard_bump(c.organization_id, 'OUTCOME', dashboard_month(on_day), coalesce(d.outcome::text, 'PENDING'), p_urgency, p_adv,
    on_day - (c.created_at AT TIME ZONE zone)::date, p_sign, 0, 0);
END $$;

CREATE FUNCTION dashboard_visit_apply(a appointment, p_urgency case_urgency, p_adv uuid, p_sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  month date;
  feeling visit_feeling;
BEGIN
  IF a.feelings_recorded_at IS NULL THEN RETURN; END IF;
  month := dashboard_month((a.feelings_recorded_at AT TIME ZONE dashboard_zone(a.organization_id))::date);
  PERFORM dashboard_bump(a.organization_id, 'FEELING', month, 'VISITS', p_urgency, p_adv, 0, p_sign, 0, 0);
  FOREACH feeling IN ARRAY a.feelings LOOP
    PERFORM dashboard_bump(a.organization_id, 'FEELING', month, feeling::text, p_urgency, p_adv, 0, p_sign, 0, 0);
  END LOOP;
END $$;

-- Everything of one case that is filed under its urgency and lead advocate, added or removed.
CREATE FUNCTION dashboard_case_children(c patient_case, p_sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  r record_request;
  d case_decision;
  a appointment;
BEGIN
  FOR r IN SELECT * FROM record_request WHERE case_id = c.id LOOP PERFORM dashboard_request_apply(r, c.urgency, c.lead_advocate_id, p_sign); END LOOP;
  FOR d IN SELECT * FROM case_decision WHERE case_id = c.id LOOP PERFORM dashboard_decision_apply(d, c, c.urgency, c.lead_advocate_id, p_sign); END LOOP;
  FOR a IN SELECT * FROM appointment WHERE case_id = c.id LOOP PERFORM dashboard_visit_apply(a, c.urgency, c.lead_advocate_id, p_sign); END LOOP;
END $$;

CREATE FUNCTION dashboard_on_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.stage = NEW.stage AND OLD.urgency = NEW.urgency AND OLD.lead_advocate_id IS NOT DISTINCT FROM NEW.lead_advocate_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM dashboard_case_apply(OLD, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM dashboard_case_apply(NEW, 1); END IF;
  IF TG_OP = 'UPDATE' AND (OLD.urgency <> NEW.urgency OR OLD.lead_advocate_id IS DISTINCT FROM NEW.lead_advocate_id) THEN
    PERFORM dashboard_case_children(OLD, -1);
    PERFORM dashboard_case_children(NEW, 1);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION dashboard_on_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN PERFORM dashboard_move_apply(NEW, 1); ELSE PERFORM dashboard_move_apply(OLD, -1); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION dashboard_on_request() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c patient_case;
BEGIN
  SELECT * INTO c FROM patient_case WHERE id = coalesce(NEW.case_id, OLD.case_id);
  IF NOT FOUND THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM dashboard_request_apply(OLD, c.urgency, c.lead_advocate_id, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM dashboard_request_apply(NEW, c.urgency, c.lead_advocate_id, 1); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION dashboard_on_decision() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c patient_case;
BEGIN
  SELECT * INTO c FROM patient_case WHERE id = coalesce(NEW.case_id, OLD.case_id);
  IF NOT FOUND THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM dashboard_decision_apply(OLD, c, c.urgency, c.lead_advocate_id, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM dashboard_decision_apply(NEW, c, c.urgency, c.lead_advocate_id, 1); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION dashboard_on_visit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c patient_case;
BEGIN
  SELECT * INTO c FROM patient_case WHERE id = coalesce(NEW.case_id, OLD.case_id);
  IF NOT FOUND THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM dashboard_visit_apply(OLD, c.urgency, c.lead_advocate_id, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM dashboard_visit_apply(NEW, c.urgency, c.lead_advocate_id, 1); END IF;
  RETURN NULL;
END $$;

-- Recounts every organization from the tables, through the same functions as the triggers.
CREATE FUNCTION dashboard_rebuild() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  c patient_case;
  s case_stage_change;
BEGIN
  DELETE FROM dashboard_rollup;
  FOR c IN SELECT * FROM patient_case LOOP
    PERFORM dashboard_case_apply(c, 1);
    PERFORM dashboard_case_children(c, 1);
  END LOOP;
  FOR s IN SELECT * FROM case_stage_change ORDER BY case_id, at, id LOOP PERFORM dashboard_move_apply(s, 1); END LOOP;
END $$;

CREATE TRIGGER dashboard_case AFTER INSERT OR DELETE OR UPDATE OF stage, urgency, lead_advocate_id ON patient_case FOR EACH ROW EXECUTE FUNCTION dashboard_on_case();
CREATE TRIGGER dashboard_move AFTER INSERT OR DELETE ON case_stage_change FOR EACH ROW EXECUTE FUNCTION dashboard_on_move();
CREATE TRIGGER dashboard_request AFTER INSERT OR DELETE OR UPDATE OF holder_id, sent_on, plan_target_on, legal_due_on, original_legal_due_on, extension_recorded_on, completed_on ON record_request FOR EACH ROW EXECUTE FUNCTION dashboard_on_request();
CREATE TRIGGER dashboard_decision AFTER INSERT OR DELETE OR UPDATE OF outcome ON case_decision FOR EACH ROW EXECUTE FUNCTION dashboard_on_decision();
CREATE TRIGGER dashboard_visit AFTER INSERT OR DELETE OR UPDATE OF feelings, feelings_recorded_at ON appointment FOR EACH ROW EXECUTE FUNCTION dashboard_on_visit();
`;

const DROP = String.raw`
DROP TRIGGER dashboard_visit ON appointment;
DROP TRIGGER dashboard_decision ON case_decision;
DROP TRIGGER dashboard_request ON record_request;
DROP TRIGGER dashboard_move ON case_stage_change;
DROP TRIGGER dashboard_case ON patient_case;
DROP FUNCTION dashboard_rebuild();
DROP FUNCTION dashboard_on_visit();
DROP FUNCTION dashboard_on_decision();
DROP FUNCTION dashboard_on_request();
DROP FUNCTION dashboard_on_move();
DROP FUNCTION dashboard_on_case();
DROP FUNCTION dashboard_case_children(patient_case, int);
DROP FUNCTION dashboard_visit_apply(appointment, case_urgency, uuid, int);
DROP FUNCTION dashboard_decision_apply(case_decision, patient_case, case_urgency, uuid, int);
DROP FUNCTION dashboard_request_apply(record_request, case_urgency, uuid, int);
DROP FUNCTION dashboard_move_apply(case_stage_change, int);
DROP FUNCTION dashboard_case_apply(patient_case, int);
DROP FUNCTION dashboard_finishes(int, case_stage, case_stage);
DROP FUNCTION dashboard_target(text, case_urgency);
DROP FUNCTION dashboard_zone(uuid);
DROP FUNCTION dashboard_month(date);
DROP FUNCTION dashboard_bump(uuid, text, date, text, case_urgency, uuid, int, int, int, int);
`;

export class DashboardRollup1795630000000 implements MigrationInterface {
  name = 'DashboardRollup1795630000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "dashboard_rollup" ("organization_id" uuid NOT NULL, "metric" character varying(24) NOT NULL, "day" date NOT NULL, "key" character varying(40) NOT NULL, "urgency" "public"."case_urgency" NOT NULL, "advocate_id" uuid NOT NULL, "days" integer NOT NULL, "n" integer NOT NULL DEFAULT '0', "over_target" integer NOT NULL DEFAULT '0', "over_legal" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_040a8c505b4db93e8d79153c00f" PRIMARY KEY ("organization_id", "metric", "day", "key", "urgency", "advocate_id", "days"))`,
    );
    await queryRunner.query(FUNCTIONS);
    await queryRunner.query(`SELECT dashboard_rebuild()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(DROP);
    await queryRunner.query(`DROP TABLE "dashboard_rollup"`);
  }
}
