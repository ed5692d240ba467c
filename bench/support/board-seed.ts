import { Client } from 'pg';

/**
 * Set-based seed for the coordinator board: a few INSERT ... SELECT generate_series
 * statements instead of 100,000 round trips, so a fresh database is ready in seconds.
 * Ids are derived from md5 of a label (shaped like v4 UUIDs), so rows can reference each
 * other without lookups and every run produces the same data relative to today.
 *
 * Shape (defaults): 10,000 cases and 100,000 record requests, 70% in Harbor (the demo
 * organization whose coordinator signs in) and 30% in Northstar; about 200 record holders
 * and 40 / 20 advocates per organization; each request asks for one or two packet items of
 * its own; every other request older than ten days has one to three follow-ups; sent dates spread over the last 90 days; older requests are mostly complete
 * (their items received), recent ones mostly open, so the board shows every status.
 */
export interface SeedShape {
  cases: number;
  requests: number;
  /** Share of cases (and so of requests) in the big organization. */
  bigShare: number;
  holdersPerOrg: number;
  advocates: { big: number; small: number };
}

export const DEFAULT_SHAPE: SeedShape = { cases: 10_000, requests: 100_000, bigShare: 0.7, holdersPerOrg: 200, advocates: { big: 40, small: 20 } };

export interface SeedSummary {
  organization: string;
  cases: number;
  requests: number;
  open: number;
  requestItems: number;
  followUps: number;
  holders: number;
  staff: number;
}

// Cases spread over the stages, a third of them in gathering records and a quarter closed
// (the case list filters by stage; the board reads requests whatever their case's stage), by a
// hash of the case number so that no advocate or urgency has one stage only.
const STAGE = `(ARRAY['GATHER_RECORDS','GATHER_RECORDS','GATHER_RECORDS','GATHER_RECORDS','GATHER_RECORDS','GATHER_RECORDS','GATHER_RECORDS',
  'DECIDE','TALK_TO_DOCTOR','CHOOSE_PROVIDER','VERIFY_INSURANCE','PREPARE','APPOINTMENT','COMPARE_AND_DECIDE','CLOSE_THE_LOOP',
  'CLOSED','CLOSED','CLOSED','CLOSED','CLOSED'])[1 + (hashint4(ci) & 2147483647) % 20]::case_stage`;

// A letter of realistic length (~1.4 KB, like draftRecordRequestLetter's): the board's
// page query reads whole rows, and the heap it scans is as wide as in real use.
const LETTER = `'To the records office of ' || h.name || E':\\n\\nI am writing on behalf of my client to request copies of their medical records under their right of access. ' || repeat('Please include all reports, images and notes for the period of care described in the enclosed authorization. ', 12) || E'\\n\\nThank you.'`;

export async function seedBoard(url: string, orgs: { big: string; small: string }, shape: SeedShape = DEFAULT_SHAPE): Promise<{ orgs: SeedSummary[]; allVisible: number }> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const bigCases = Math.round(shape.cases * shape.bigShare);
    const q = (sql: string, params: unknown[] = []) => db.query(sql, params);
    // Every reference is built consistently below: skip the per-row foreign-key triggers
    // when allowed (superuser, as on the private server); otherwise they simply run. Rows whose
    // organization_id a trigger would fill (row-level security) name it here themselves.
    await q('SET session_replication_role = replica').catch(() => undefined);
    // md5 of a label, with the version and variant nibbles of a v4 UUID.
    await q(`CREATE FUNCTION pg_temp.bid(label text) RETURNS uuid LANGUAGE sql IMMUTABLE AS
      $$ SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid FROM md5(label) AS h $$`);
    // Organization of case number n, and its tag in labels.
    const orgOf = `(CASE WHEN ci <= ${bigCases} THEN $1::uuid ELSE $2::uuid END)`;
    const tagOf = `(CASE WHEN ci <= ${bigCases} THEN 'big' ELSE 'small' END)`;
    const advCount = `(CASE WHEN ci <= ${bigCases} THEN ${shape.advocates.big} ELSE ${shape.advocates.small} END)`;
    const params = [orgs.big, orgs.small];

    await q('BEGIN');
    // Staff: the demo seed made the organizations and their demo users; add advocates with
    // the demo password hash (nobody signs in as them).
    await q(
      `INSERT INTO app_user (id, organization_id, email, display_name, role, password_hash)
       SELECT pg_temp.bid('user:' || tag || ':' || n), org, 'advocate' || n || '@' || tag || '.bench.example',
              (ARRAY['Avery','Blake','Carmen','Dana','Elliot','Farah','Gabe','Hana'])[1 + n % 8] || ' ' ||
              (ARRAY['Ito','Jensen','Kowalski','Lindqvist','Mendes','Novak','Osei'])[1 + n % 7] || ' ' || n,
              'ADVOCATE', (SELECT password_hash FROM app_user WHERE email = 'coordinator@harbor.example')
       FROM (SELECT 'big' AS tag, $1::uuid AS org, generate_series(1, ${shape.advocates.big}) AS n
             UNION ALL SELECT 'small', $2::uuid, generate_series(1, ${shape.advocates.small})) s`,
      params,
    );
    await q(
      `INSERT INTO record_holder (id, organization_id, name, department, phone, fax, address)
       SELECT pg_temp.bid('holder:' || tag || ':' || n), org,
              (ARRAY['St. Mary','Lakeside','Riverside','Mercy','University','Valley','Northside','Good Samaritan','Pine Ridge','Harborview'])[1 + n % 10]
                || ' ' || (ARRAY['Medical Center','Imaging','Pathology','Oncology Clinic','Cardiology','Family Practice','Orthopedics','Labs'])[1 + (n / 10) % 8] || ' ' || n,
              'Health Information Management', '555-01' || lpad((n % 100)::text, 2, '0'), '555-02' || lpad((n % 100)::text, 2, '0'), n || ' Main Street'
       FROM (SELECT 'big' AS tag, $1::uuid AS org, generate_series(1, ${shape.holdersPerOrg}) AS n
             UNION ALL SELECT 'small', $2::uuid, generate_series(1, ${shape.holdersPerOrg})) s`,
      params,
    );
    // The cases, and their share of the dashboards' cases-by-stage counts (the triggers that keep
    // them are off here), which the staff case list's total reads (CaseService.list).
    await q(
      `WITH added AS (
       INSERT INTO patient_case (id, organization_id, patient_name, question, diagnosis_in_doubt, triggers, urgency, stage, summary,
                                 lead_advocate_id, created_by_id, version, created_at, updated_at)
       SELECT pg_temp.bid('case:' || ci), ${orgOf},
              (ARRAY['Ana','Ben','Chloe','Dmitri','Esther','Femi','Grace','Hugo','Iris','Jamal','Keiko','Leon','Mira','Noah','Olga','Pablo','Quinn','Rosa','Sven','Tara'])[1 + ci % 20] || ' ' ||
              (ARRAY['Abbott','Baker','Castillo','Dubois','Evans','Fischer','Garcia','Hughes','Ivanova','Johnson','Kim','Larsen','Morales','Nakamura','OBrien','Patel','Quist','Reyes','Schmidt','Turner','Umar','Vega','Walsh','Xu','Young'])[1 + (ci / 20) % 25],
              'Is the proposed treatment the right one?', 'Diagnosis to be confirmed', '{MAJOR_DIAGNOSIS}',
              (CASE WHEN ci % 5 = 0 THEN 'URGENT' ELSE 'ROUTINE' END)::case_urgency, ${STAGE}, '',
              pg_temp.bid('user:' || ${tagOf} || ':' || (1 + ci % ${advCount})),
              pg_temp.bid('user:' || ${tagOf} || ':' || (1 + ci % ${advCount})), 1,
              now() - ((ci % 120) || ' days')::interval, now() - ((ci % 30) || ' days')::interval
       FROM generate_series(1, ${shape.cases}) AS ci
       RETURNING organization_id, stage, urgency, lead_advocate_id)
       INSERT INTO dashboard_rollup AS r (organization_id, metric, day, key, urgency, advocate_id, days, n)
       SELECT organization_id, 'STAGE_NOW', DATE '2000-01-01', stage::text, urgency, coalesce(lead_advocate_id, '00000000-0000-0000-0000-000000000000'), 0, count(*)
       FROM added GROUP BY 1, 2, 3, 4, 5, 6
       ON CONFLICT (organization_id, metric, day, key, urgency, advocate_id, days) DO UPDATE SET n = r.n + excluded.n`,
      params,
    );
    // Requests: request r belongs to case ((r-1) % cases) + 1; age d in 0..90 days; holders
    // are skewed (a few big hospitals get most requests); older requests are mostly done.
    await q(
      `CREATE TEMP TABLE seed_request AS
       SELECT r, ci, ${orgOf} AS org, ${tagOf} AS tag, ci % 5 = 0 AS urgent,
              ((r::bigint * 7919) % 91)::int AS d,
              1 + floor(${shape.holdersPerOrg} * power(((r::bigint * 104729) % 10007) / 10007.0, 2))::int AS hi,
              (r % 100) < LEAST(95, ((r::bigint * 7919) % 91) * 1.2) AS done,
              1 + r % 2 AS nitems
       FROM (SELECT r, ((r - 1) % ${shape.cases}) + 1 AS ci FROM generate_series(1, ${shape.requests}) AS r) g`,
      params,
    );
    await q(
      `INSERT INTO record_request (id, organization_id, case_id, holder_id, method, sent_on, holder_received_on, plan_target_on,
                                   legal_due_on, original_legal_due_on, extension_reason, extension_recorded_on, letter,
                                   completed_on, created_by_id, version)
       SELECT pg_temp.bid('request:' || s.r), s.org, pg_temp.bid('case:' || s.ci), h.id,
              (ARRAY['PORTAL','FAX','EMAIL','MAIL','IN_PERSON'])[1 + s.r % 5]::record_request_method,
              sent, recv, sent + (CASE WHEN s.urgent THEN 7 ELSE 14 END),
              COALESCE(recv, sent) + (CASE WHEN ext THEN 60 ELSE 30 END), COALESCE(recv, sent) + 30,
              CASE WHEN ext THEN 'Records are stored off site' END, CASE WHEN ext THEN sent + 25 END,
              ${LETTER},
              CASE WHEN s.done THEN sent + LEAST(s.d, 5 + s.r % 25) END,
              pg_temp.bid('user:' || s.tag || ':1'), 1
       FROM seed_request s
       JOIN record_holder h ON h.id = pg_temp.bid('holder:' || s.tag || ':' || s.hi)
       CROSS JOIN LATERAL (SELECT current_date - s.d AS sent,
                                  CASE WHEN s.r % 3 = 0 THEN current_date - s.d + 3 END AS recv,
                                  s.r % 20 = 0 AND s.d > 25 AS ext) x`,
    );
    await q(
      `INSERT INTO packet_item (id, organization_id, case_id, kind, holder_id, state, responsible, version)
       SELECT pg_temp.bid('item:' || s.r || ':' || k), s.org, pg_temp.bid('case:' || s.ci),
              (ARRAY['IMAGING_DISC','PATHOLOGY_SLIDES','PATHOLOGY_REPORT','LABS','CLINIC_NOTES','PROCEDURE_REPORT','OWN_TIMELINE','MEDICATIONS_ALLERGIES'])[1 + (s.r + k) % 8]::packet_item_kind,
              pg_temp.bid('holder:' || s.tag || ':' || s.hi),
              (CASE WHEN s.done THEN 'RECEIVED' ELSE 'REQUESTED' END)::packet_item_state, 'ADVOCATE', 1
       FROM seed_request s CROSS JOIN LATERAL generate_series(1, s.nitems) AS k`,
    );
    await q(
      `INSERT INTO record_request_item (organization_id, request_id, packet_item_id, received_on)
       SELECT s.org, pg_temp.bid('request:' || s.r), pg_temp.bid('item:' || s.r || ':' || k),
              CASE WHEN s.done THEN current_date - s.d + LEAST(s.d, 5 + s.r % 25) END
       FROM seed_request s CROSS JOIN LATERAL generate_series(1, s.nitems) AS k`,
    );
    // Chasing: every other request older than ten days was followed up once to three times.
    await q(
      `INSERT INTO record_follow_up (id, organization_id, request_id, channel, outcome, by_user_id, at)
       SELECT pg_temp.bid('follow-up:' || s.r || ':' || k), s.org, pg_temp.bid('request:' || s.r),
              (ARRAY['CALL','FAX','EMAIL','PORTAL'])[1 + (s.r + k) % 4]::follow_up_channel,
              (ARRAY['Left a voicemail with the records desk','Faxed the request again','Told it is being processed','Asked for the supervisor'])[1 + (s.r + k) % 4],
              pg_temp.bid('user:' || s.tag || ':' || (1 + s.ci % ${advCount.replace(/ci/g, 's.ci')})),
              (current_date - s.d + 3 * k)::timestamptz + make_interval(hours => 9 + k, mins => s.r % 60)
       FROM seed_request s CROSS JOIN LATERAL generate_series(1, 1 + s.r % 3) AS k
       WHERE s.d >= 10 AND s.r % 2 = 0`,
    );
    // Statistics for the tables the recounts below read. Without them the planner guesses that
    // few requests are open, and case_next_due_refresh looked up each case's requests by
    // ANDing the case's index entries with a bitmap of every open request: work that grows with
    // cases times open requests (66 s at 10,000 cases, and the 100,000-case seed never finished).
    // With them it reads each case's few requests through the case_id index. ANALYZE counts the
    // rows this transaction inserted; VACUUM (ANALYZE) after the commit redoes it.
    await q('ANALYZE record_request, patient_case, case_task');
    // The rows went in with triggers off: recount the board's rollup (migration RecordBoardCounts).
    await q('SELECT record_board_rebuild()');
    // And each case's next due date (migration CaseListNameAndNextDue), which its triggers keep.
    await q('SELECT case_next_due_refresh(ARRAY(SELECT DISTINCT case_id FROM record_request WHERE completed_on IS NULL))');
    await q('COMMIT');
    // Freshly loaded tables: planner statistics, and a visibility map so index-only scans
    // behave as they would on a table that autovacuum has seen. (The load commits
    // synchronously on purpose: after an asynchronous commit this VACUUM found no page
    // all-visible, and the planner then never chose an index-only scan.)
    await q('VACUUM (ANALYZE)');
    // A transaction that was open elsewhere (autovacuum's own ANALYZE, say) keeps VACUUM from
    // marking pages all-visible; try again briefly rather than measure a half-vacuumed table.
    const visible = async () => (await q(`SELECT relallvisible::float / GREATEST(relpages, 1) AS share FROM pg_class WHERE relname = 'record_request'`)).rows[0].share as number;
    for (let i = 0; i < 5 && (await visible()) < 0.95; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      await q('VACUUM record_request, record_request_item, packet_item, record_follow_up, patient_case');
    }

    const { rows } = await q(
      `SELECT o.name AS organization,
              (SELECT count(*)::int FROM patient_case c WHERE c.organization_id = o.id) AS cases,
              (SELECT count(*)::int FROM record_request r WHERE r.organization_id = o.id) AS requests,
              (SELECT count(*)::int FROM record_request r WHERE r.organization_id = o.id AND r.completed_on IS NULL) AS open,
              (SELECT count(*)::int FROM record_request_item i JOIN record_request r ON r.id = i.request_id WHERE r.organization_id = o.id) AS "requestItems",
              (SELECT count(*)::int FROM record_follow_up f WHERE f.organization_id = o.id) AS "followUps",
              (SELECT count(*)::int FROM record_holder h WHERE h.organization_id = o.id) AS holders,
              (SELECT count(*)::int FROM app_user u WHERE u.organization_id = o.id AND u.role IN ('ADMIN','COORDINATOR','ADVOCATE')) AS staff
       FROM organization o WHERE o.id = ANY($1) ORDER BY cases DESC`,
      [[orgs.big, orgs.small]],
    );
    return { orgs: rows as SeedSummary[], allVisible: await visible() };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}
