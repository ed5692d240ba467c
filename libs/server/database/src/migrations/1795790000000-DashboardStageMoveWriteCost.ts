import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * A stage move's rollup rows (migration DashboardRollup; docs/dashboards.md, "Speed") written in
 * one statement per trigger instead of one upsert per row. A move fired two triggers: the case's
 * (the stage now: one row taken away, one added) and the move's (the stage entered and left in
 * its month, an early close, the phases it finishes), about five upserts, each a statement of
 * its own with the row-level policies checked again, plus separate reads of the case and of the
 * organization's time zone. Now:
 *  - the case trigger writes both "stage now" rows in one upsert when only the stage changed
 *    (the common update; a new urgency or lead advocate still moves the case's children too);
 *  - dashboard_move_apply reads the case and the time zone in one statement, gathers its rows
 *    and writes them in one upsert, and reads the case's earlier moves only when this move can
 *    finish a phase (into Prepare or later, or Closed from Close the loop): most moves cannot.
 * The figures are the same: dashboard_rebuild() still recounts through dashboard_move_apply and
 * apps/api/test/dashboards.int-spec.ts checks that a recount equals what the triggers kept.
 * `down` restores the functions as DashboardRollup wrote them.
 */
const UP = String.raw`
CREATE OR REPLACE FUNCTION dashboard_move_apply(s case_stage_change, p_sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  org uuid;
  c_urgency case_urgency;
  adv uuid;
  created timestamptz;
  zone text;
  on_day date;
  month date;
  start_day date;
  phase_start date;
  idx int := 0;
  end_day date;
  prior record;
  names text[] := ARRAY['RECORDS', 'APPOINTMENT', 'FOLLOW_UP'];
  -- The move's contributions, gathered here and written in one upsert at the end.
  rows dashboard_rollup[];
BEGIN
  SELECT pc.organization_id, pc.urgency, coalesce(pc.lead_advocate_id, '00000000-0000-0000-0000-000000000000'), pc.created_at, o.time_zone
  INTO org, c_urgency, adv, created, zone
  FROM patient_case pc JOIN organization o ON o.id = pc.organization_id WHERE pc.id = s.case_id;
  IF NOT FOUND THEN RETURN; END IF;
  on_day := (s.at AT TIME ZONE zone)::date;
  month := dashboard_month(on_day);
  rows := ARRAY[ROW(org, 'STAGE_ENTERED', month, s.to_stage::text, c_urgency, adv, 0, p_sign, 0, 0)::dashboard_rollup];
  IF s.from_stage IS NOT NULL THEN
    rows := rows || ROW(org, 'STAGE_LEFT', month, s.from_stage::text, c_urgency, adv, 0, p_sign, 0, 0)::dashboard_rollup;
    IF s.to_stage = 'CLOSED' AND s.from_stage < 'CLOSE_THE_LOOP' THEN
      rows := rows || ROW(org, 'CLOSED_EARLY', month, s.from_stage::text, c_urgency, adv, 0, p_sign, 0, 0)::dashboard_rollup;
    END IF;
    -- Only a move into Prepare or later, or into Closed from Close the loop, can finish a phase
    -- (dashboard_finishes); for any other move the earlier moves do not matter.
    IF (s.to_stage <> 'CLOSED' AND s.to_stage >= 'PREPARE') OR (s.to_stage = 'CLOSED' AND s.from_stage = 'CLOSE_THE_LOOP') THEN
      start_day := (created AT TIME ZONE zone)::date;
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
        rows := rows || ROW(org, 'PHASE', dashboard_month(end_day), names[idx + 1], c_urgency, adv, end_day - phase_start, p_sign,
          CASE WHEN end_day - phase_start > dashboard_target(names[idx + 1], c_urgency) THEN p_sign ELSE 0 END, 0)::dashboard_rollup;
        phase_start := end_day;
        idx := idx + 1;
        IF idx = 3 THEN
          rows := rows || ROW(org, 'PHASE', dashboard_month(end_day), 'JOURNEY', c_urgency, adv, end_day - start_day, p_sign,
            CASE WHEN end_day - start_day > dashboard_target('JOURNEY', c_urgency) THEN p_sign ELSE 0 END, 0)::dashboard_rollup;
        END IF;
      END LOOP;
    END IF;
  END IF;
  -- The rows differ in metric or key, so no two of them meet the same rollup row.
  INSERT INTO dashboard_rollup AS r SELECT * FROM unnest(rows)
  ON CONFLICT (organization_id, metric, day, key, urgency, advocate_id, days)
  DO UPDATE SET n = r.n + excluded.n, over_target = r.over_target + excluded.over_target;
END $$;

CREATE OR REPLACE FUNCTION dashboard_on_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.stage = NEW.stage AND OLD.urgency = NEW.urgency AND OLD.lead_advocate_id IS NOT DISTINCT FROM NEW.lead_advocate_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.urgency = NEW.urgency AND OLD.lead_advocate_id IS NOT DISTINCT FROM NEW.lead_advocate_id THEN
    -- Only the stage changed: the case leaves one "stage now" row and joins another, in one upsert.
    INSERT INTO dashboard_rollup AS r (organization_id, metric, day, key, urgency, advocate_id, days, n, over_target, over_legal)
    VALUES
      (NEW.organization_id, 'STAGE_NOW', DATE '2000-01-01', OLD.stage::text, NEW.urgency, coalesce(NEW.lead_advocate_id, '00000000-0000-0000-0000-000000000000'), 0, -1, 0, 0),
      (NEW.organization_id, 'STAGE_NOW', DATE '2000-01-01', NEW.stage::text, NEW.urgency, coalesce(NEW.lead_advocate_id, '00000000-0000-0000-0000-000000000000'), 0, 1, 0, 0)
    ON CONFLICT (organization_id, metric, day, key, urgency, advocate_id, days)
    DO UPDATE SET n = r.n + excluded.n;
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM dashboard_case_apply(OLD, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM dashboard_case_apply(NEW, 1); END IF;
  IF TG_OP = 'UPDATE' THEN
    PERFORM dashboard_case_children(OLD, -1);
    PERFORM dashboard_case_children(NEW, 1);
  END IF;
  RETURN NULL;
END $$;
`;

// As migration DashboardRollup created them.
const DOWN = String.raw`
CREATE OR REPLACE FUNCTION dashboard_move_apply(s case_stage_change, p_sign int) RETURNS void LANGUAGE plpgsql AS $$
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

CREATE OR REPLACE FUNCTION dashboard_on_case() RETURNS trigger LANGUAGE plpgsql AS $$
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
`;

export class DashboardStageMoveWriteCost1795790000000 implements MigrationInterface {
  name = 'DashboardStageMoveWriteCost1795790000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(UP);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(DOWN);
  }
}
