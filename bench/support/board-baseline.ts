import { addDays, CalendarDate, clockStatus, daysBetween, DEFAULT_RECORD_CLOCK_SETTINGS, worstClockStatus } from '@second-look/domain';
import { BoardRecordRequest, RecordBoard, RecordBoardQuery } from '@second-look/contracts/graphql';
import { print } from 'graphql';
import { Pool, PoolClient } from 'pg';

/** The board exactly as the web client asks for it (libs/contracts), as a string for HTTP. */
export const BOARD_QUERY = print(RecordBoardQuery);
export const boardVariables = (first: number) => ({ sort: 'LEGAL_DUE_ON', first });

type BoardNode = BoardRecordRequest;
export type BoardData = RecordBoard;

const RISK = DEFAULT_RECORD_CLOCK_SETTINGS.atRiskDays;
// The same status predicates as RecordBoardService (the domain clock rules over stored dates).
const OVERDUE = `(r.legal_due_on < $2 OR r.plan_target_on < $2)`;
const AT_RISK = `(NOT ${OVERDUE} AND (r.legal_due_on <= $3 OR r.plan_target_on <= $4))`;
const ON_TRACK = `(NOT ${OVERDUE} AND NOT ${AT_RISK})`;
// record_board_count's level for "every urgency and lead advocate".
const LEVEL = `k.organization_id = $1 AND k.urgency = 'ANY' AND k.advocate_id = 'ffffffff-ffff-ffff-ffff-ffffffffffff'`;
const SUMS = `coalesce(sum(k.n) FILTER (WHERE k.kind = 'T'), 0) AS open,
      coalesce(sum(k.n) FILTER (WHERE k.kind = 'T'), 0) - coalesce(sum(k.n) FILTER (WHERE k.kind = 'D'), 0) AS overdue,
      coalesce(sum(k.n) FILTER (WHERE k.kind = 'T'), 0) - coalesce(sum(k.n) FILTER (WHERE k.kind = 'R'), 0) AS risky`;
const DATES = `(k.kind = 'T' OR (k.kind = 'D' AND k.on_date >= $2::date) OR (k.kind = 'R' AND k.on_date > $2::date))`;

/**
 * The statements the board used before the rollup (every open request of the organization
 * scanned per view); the scale bench times them beside the rollup's, as a reference.
 */
export const SCAN_SQL = {
  counts: `SELECT count(*)::int AS open,
      count(*) FILTER (WHERE ${OVERDUE})::int AS overdue,
      count(*) FILTER (WHERE ${AT_RISK})::int AS "atRisk",
      count(*) FILTER (WHERE ${ON_TRACK})::int AS "onTrack"
    FROM record_request r WHERE r.organization_id = $1 AND r.completed_on IS NULL`,
  byHolder: `SELECT r.holder_id, count(*)::int AS open, count(*) FILTER (WHERE ${OVERDUE})::int AS overdue,
      count(*) FILTER (WHERE ${AT_RISK})::int AS "atRisk", min(r.sent_on)::text AS "oldestSentOn"
    FROM record_request r WHERE r.organization_id = $1 AND r.completed_on IS NULL
    GROUP BY r.holder_id ORDER BY overdue DESC, open DESC, r.holder_id LIMIT 50`,
} as const;

/**
 * Hand-written SQL over `pg` that produces exactly the data of BOARD_QUERY: the baseline the
 * GraphQL board is measured against. One statement per piece, no ORM, no HTTP:
 * today in the organization's zone, the counts, the holder groups (joined to the holders),
 * the page (joined to case, lead advocate and holder, with the items aggregated per request
 * as JSON: the board's query asks for no letter and no follow-ups), and the same audit rows
 * the service writes for the listed requests. Per-row clock readings use the same domain
 * functions the resolvers use. The run checks this returns exactly what the API returns.
 */
export const BASELINE_SQL = {
  today: `SELECT to_char(now() AT TIME ZONE o.time_zone, 'YYYY-MM-DD') AS today FROM organization o WHERE o.id = $1`,
  // Counts and holder totals from the rollup, as RecordBoardService reads them (no filter: the
  // level of every urgency and advocate); each group's oldest request from the covering index.
  counts: `SELECT open::int, overdue::int, risky::int FROM (SELECT ${SUMS} FROM record_board_count k WHERE ${LEVEL} AND ${DATES}) s`,
  byHolder: `SELECT h.id, h.name, h.department, g.open, g.overdue, g."atRisk",
      (SELECT min(r.sent_on)::text FROM record_request r WHERE r.organization_id = $1 AND r.completed_on IS NULL AND r.holder_id = g.holder_id) AS "oldestSentOn"
    FROM (
      SELECT s.holder_id, s.open::int, s.overdue::int, (s.risky - s.overdue)::int AS "atRisk" FROM (
        SELECT k.holder_id, ${SUMS} FROM record_board_count k WHERE ${LEVEL} AND ${DATES} GROUP BY k.holder_id
      ) s WHERE s.open > 0
      ORDER BY overdue DESC, open DESC, s.holder_id LIMIT 50
    ) g JOIN record_holder h ON h.id = g.holder_id
    ORDER BY g.overdue DESC, g.open DESC, g.holder_id`,
  page: `SELECT r.id, r.version, r.case_id, r.sent_on::text AS sent_on, r.holder_received_on::text AS holder_received_on,
      r.plan_target_on::text AS plan_target_on, r.legal_due_on::text AS legal_due_on,
      r.extension_reason, r.fee_cents, r.completed_on::text AS completed_on,
      c.patient_name, c.urgency, c.preferred_language, u.id AS lead_id, u.display_name AS lead_name,
      h.id AS holder_id, h.name AS holder_name,
      i.items
    FROM record_request r
    JOIN patient_case c ON c.id = r.case_id
    JOIN record_holder h ON h.id = r.holder_id
    LEFT JOIN app_user u ON u.id = c.lead_advocate_id
    CROSS JOIN LATERAL (
      SELECT COALESCE(json_agg(json_build_object('receivedOn', ri.received_on::text,
               'packetItem', json_build_object('id', p.id, 'kind', p.kind, 'title', p.title, 'state', p.state, 'version', p.version)) ORDER BY p.id), '[]') AS items
      FROM record_request_item ri JOIN packet_item p ON p.id = ri.packet_item_id WHERE ri.request_id = r.id
    ) i
    WHERE r.organization_id = $1 AND r.completed_on IS NULL
    ORDER BY r.legal_due_on, r.id
    LIMIT $2`,
  audit: `INSERT INTO audit_event (organization_id, actor_user_id, action, entity_type, entity_id, case_id, ip, user_agent)
    SELECT $1, $2, 'record_request.list', 'record_request', x.id, x.case_id, $3, $4
    FROM unnest($5::uuid[], $6::uuid[]) AS x(id, case_id)`,
} as const;

export interface BaselineActor {
  organizationId: string;
  userId: string;
}

/** Parameters of the status predicates: $1 organization, $2 today, $3/$4 the at-risk horizons. */
export const statusParams = (organizationId: string, today: CalendarDate) => [organizationId, today, addDays(today, RISK.legal), addDays(today, RISK.target)];

export async function baselineBoard(pool: Pool, actor: BaselineActor, first: number, opts: { audit: boolean } = { audit: true }): Promise<BoardData> {
  const db: PoolClient = await pool.connect();
  try {
    const org = actor.organizationId;
    const today = (await db.query<{ today: CalendarDate }>(BASELINE_SQL.today, [org])).rows[0].today;
    const sums = (await db.query<{ open: number; overdue: number; risky: number }>(BASELINE_SQL.counts, [org, today])).rows[0];
    const counts: BoardData['counts'] = { open: sums.open, overdue: sums.overdue, atRisk: sums.risky - sums.overdue, onTrack: sums.open - sums.risky };
    const groups = (await db.query(BASELINE_SQL.byHolder, [org, today])).rows;
    const rows = (await db.query(BASELINE_SQL.page, [org, first + 1])).rows;
    const page = rows.slice(0, first);
    if (opts.audit && page.length) {
      await db.query(BASELINE_SQL.audit, [org, actor.userId, '127.0.0.1', 'bench', page.map((r) => r.id), page.map((r) => r.case_id)]);
    }
    const reading = (dueOn: CalendarDate, atRisk: number): BoardNode['target'] => ({ dueOn, status: clockStatus(dueOn, today, atRisk, false), daysLeft: daysBetween(today, dueOn) });
    const last = page[page.length - 1];
    return {
      today,
      counts,
      byHolder: groups.map((g) => ({ holder: { id: g.id, name: g.name, department: g.department }, open: g.open, overdue: g.overdue, atRisk: g.atRisk, oldestSentOn: g.oldestSentOn })),
      requests: {
        totalCount: counts.open,
        pageInfo: { hasNextPage: rows.length > first, endCursor: last ? Buffer.from(JSON.stringify(['LEGAL_DUE_ON', last.legal_due_on, last.id])).toString('base64url') : null },
        nodes: page.map((r): BoardNode => {
          const target = reading(r.plan_target_on, RISK.target);
          const legal = reading(r.legal_due_on, RISK.legal);
          return {
            id: r.id,
            version: r.version,
            sentOn: r.sent_on,
            holderReceivedOn: r.holder_received_on,
            extensionReason: r.extension_reason,
            completedOn: r.completed_on,
            feeCents: r.fee_cents,
            ageDays: Math.max(0, daysBetween(r.sent_on, today)),
            overall: worstClockStatus(target.status, legal.status),
            holder: { id: r.holder_id, name: r.holder_name },
            target,
            legal,
            items: r.items,
            case: {
              id: r.case_id,
              patientName: r.patient_name,
              urgency: r.urgency,
              preferredLanguage: r.preferred_language,
              leadAdvocate: r.lead_id ? { id: r.lead_id, displayName: r.lead_name } : null,
            },
          };
        }),
      },
    };
  } finally {
    db.release();
  }
}

/** The GraphQL answer in a comparable form: items in a fixed order (the API does not promise one). */
export function normalise(board: BoardData): BoardData {
  const byItem = (a: BoardNode['items'][number], b: BoardNode['items'][number]) => (a.packetItem?.id ?? '').localeCompare(b.packetItem?.id ?? '');
  return { ...board, requests: { ...board.requests, nodes: board.requests.nodes.map((n) => ({ ...n, items: [...n.items].sort(byItem) })) } };
}

/** Where two boards differ, as a short list of paths (empty when they are the same). */
export function differences(a: unknown, b: unknown, path = '$', out: string[] = []): string[] {
  if (out.length >= 5) return out;
  if (a === b) return out;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    out.push(`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    return out;
  }
  if (Array.isArray(a) !== Array.isArray(b)) {
    out.push(`${path}: array vs object`);
    return out;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out);
  return out;
}
