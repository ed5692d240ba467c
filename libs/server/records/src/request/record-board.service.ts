import { Injectable } from '@nestjs/common';
import { Actor, addDays, CalendarDate, ClockStatus, DEFAULT_RECORD_CLOCK_SETTINGS, DomainError, DomainErrorCode, storedRequestClock } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import type { CaseModel } from '@second-look/server-cases';
import type { UserModel } from '@second-look/server-identity';
import { isUuid, PAGED_LISTS, preresolved, ReadReplica, ReadTarget } from '@second-look/server-platform';
import { EntityManager } from 'typeorm';
import { PacketItemModel, RecordBoardFilter, RecordBoardModel, RecordBoardSort, RecordFollowUpModel, RecordHolderModel, RecordRequestModel } from '../records.model';

const SORT_COLUMN: Record<RecordBoardSort, string> = {
  [RecordBoardSort.LEGAL_DUE_ON]: 'r.legal_due_on',
  [RecordBoardSort.PLAN_TARGET_ON]: 'r.plan_target_on',
  [RecordBoardSort.SENT_ON]: 'r.sent_on',
};
const SORT_PROP: Record<RecordBoardSort, 'legalDueOn' | 'planTargetOn' | 'sentOn'> = {
  [RecordBoardSort.LEGAL_DUE_ON]: 'legalDueOn',
  [RecordBoardSort.PLAN_TARGET_ON]: 'planTargetOn',
  [RecordBoardSort.SENT_ON]: 'sentOn',
};

/** A row of the page query: the request's columns, its relations as JSON (see PAGE_SELECT). */
interface PageRow {
  id: string;
  case_id: string;
  holder_id: string;
  method: RecordRequestModel['method'];
  sent_on: string;
  holder_received_on: string | null;
  plan_target_on: string;
  legal_due_on: string;
  original_legal_due_on: string;
  extension_reason: string | null;
  extension_recorded_on: string | null;
  letter: string;
  letter_language: RecordRequestModel['letterLanguage'];
  fee_cents: number | null;
  completed_on: string | null;
  version: number;
  created_at: Date;
  holder: RecordHolderModel;
  /** The full case with BoardInclude.caseDetails, else only what a board row shows of it. */
  kase: Omit<CaseModel, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };
  lead: UserModel | null;
  items: { packetItemId: string; receivedOn: string | null; packetItem: (Omit<PacketItemModel, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string }) | null }[];
  follow_ups: (Omit<RecordFollowUpModel, 'at'> & { at: string; by: UserModel | null })[];
}

const HOLDER_JSON = (h: string) =>
  `json_build_object('id', ${h}.id, 'name', ${h}.name, 'department', ${h}.department, 'phone', ${h}.phone, 'fax', ${h}.fax, 'email', ${h}.email, 'portalUrl', ${h}.portal_url, 'address', ${h}.address)`;
const USER_JSON = (u: string) => `json_build_object('id', ${u}.id, 'displayName', ${u}.display_name, 'email', ${u}.email, 'role', ${u}.role)`;
// What the board shows of a holder, a holder group's holder and a lead advocate.
const BOARD_HOLDER_JSON = (h: string) => `json_build_object('id', ${h}.id, 'name', ${h}.name)`;
const BOARD_GROUP_HOLDER_JSON = (h: string) => `json_build_object('id', ${h}.id, 'name', ${h}.name, 'department', ${h}.department)`;
const BOARD_USER_JSON = (u: string) => `json_build_object('id', ${u}.id, 'displayName', ${u}.display_name)`;
const PACKET_ITEM_JSON = `json_build_object('id', p.id, 'caseId', p.case_id, 'kind', p.kind, 'title', p.title,
          'holderId', p.holder_id, 'state', p.state, 'responsible', p.responsible, 'notes', p.notes, 'staffNotes', p.staff_notes,
          'version', p.version, 'createdAt', p.created_at, 'updatedAt', p.updated_at)`;
const BOARD_PACKET_ITEM_JSON = `json_build_object('id', p.id, 'caseId', p.case_id, 'kind', p.kind, 'title', p.title, 'state', p.state, 'version', p.version)`;

const CASE_JSON = `json_build_object('id', c.id, 'organizationId', c.organization_id, 'patientName', c.patient_name, 'question', c.question,
      'diagnosisInDoubt', c.diagnosis_in_doubt, 'triggers', c.triggers, 'triggerNotes', c.trigger_notes, 'urgency', c.urgency,
      'stage', c.stage, 'preferredLanguage', c.preferred_language, 'summary', c.summary, 'version', c.version, 'leadAdvocateId', c.lead_advocate_id,
      'createdAt', c.created_at, 'updatedAt', c.updated_at)`;

const FOLLOW_UPS_LATERAL = `CROSS JOIN LATERAL (
    SELECT COALESCE(json_agg(json_build_object('id', fu.id, 'channel', fu.channel, 'outcome', fu.outcome, 'byUserId', fu.by_user_id, 'at', fu.at,
        'by', CASE WHEN b.id IS NULL THEN NULL ELSE ${USER_JSON('b')} END) ORDER BY fu.at DESC, fu.id), '[]') AS follow_ups
    FROM record_follow_up fu LEFT JOIN app_user b ON b.id = fu.by_user_id AND b.organization_id = r.organization_id
    WHERE fu.request_id = r.id
  ) f`;

/** What the query asked of each row beyond what every board row shows. */
export interface BoardInclude {
  letter: boolean;
  followUps: boolean;
  /** Case fields beyond id, patient name, urgency and lead advocate (the case's texts). */
  caseDetails: boolean;
  /** Holder fields beyond id and name (contact details) on the rows. */
  holderDetails: boolean;
  /** Holder fields beyond id, name and department on the holder groups. */
  groupHolderDetails: boolean;
  /** Lead advocate fields beyond id and display name. */
  leadDetails: boolean;
  /** Packet item fields beyond id, kind, title, state and version (notes, dates, documents...). */
  packetItemDetails: boolean;
}

export const FULL_BOARD: BoardInclude = { letter: true, followUps: true, caseDetails: true, holderDetails: true, groupHolderDetails: true, leadDetails: true, packetItemDetails: true };

/**
 * The fields of each relation every board row carries (the web board's RecordBoardQuery);
 * asking for any other field of a relation reads that relation's full row. Fields with
 * resolvers of their own (a packet item's documents, say) are outside these sets, so their
 * parents always carry what those resolvers read.
 */
export const BOARD_FIELDS = {
  case: new Set(['__typename', 'id', 'patientName', 'urgency', 'preferredLanguage', 'leadAdvocate']),
  holder: new Set(['__typename', 'id', 'name']),
  groupHolder: new Set(['__typename', 'id', 'name', 'department']),
  lead: new Set(['__typename', 'id', 'displayName']),
  packetItem: new Set(['__typename', 'id', 'kind', 'title', 'state', 'version']),
} as const satisfies Record<string, ReadonlySet<string>>;

/**
 * The page with everything a board row shows, in one statement: the request, its holder, its
 * case with the lead advocate, its items with their packet items, and (when asked for) the
 * letter and the follow-ups with who logged them. Users are read within the organization, as
 * the users loader reads them. The board is staff-only, so staff notes of packet items are
 * selected (as PacketService does for staff).
 */
const pageSelect = (include: BoardInclude) => `SELECT r.id, r.case_id, r.holder_id, r.method, r.sent_on::text AS sent_on, r.holder_received_on::text AS holder_received_on,
    r.plan_target_on::text AS plan_target_on, r.legal_due_on::text AS legal_due_on, r.original_legal_due_on::text AS original_legal_due_on,
    r.extension_reason, r.extension_recorded_on::text AS extension_recorded_on, ${include.letter ? 'r.letter' : 'NULL AS letter'}, r.letter_language, r.fee_cents, r.completed_on::text AS completed_on,
    r.version, r.created_at,
    ${include.holderDetails ? HOLDER_JSON('h') : BOARD_HOLDER_JSON('h')} AS holder,
    ${include.caseDetails ? CASE_JSON : `json_build_object('id', c.id, 'organizationId', c.organization_id, 'patientName', c.patient_name, 'urgency', c.urgency, 'preferredLanguage', c.preferred_language, 'leadAdvocateId', c.lead_advocate_id)`} AS kase,
    CASE WHEN u.id IS NULL THEN NULL ELSE ${include.leadDetails ? USER_JSON('u') : BOARD_USER_JSON('u')} END AS lead,
    i.items, ${include.followUps ? 'f.follow_ups' : 'NULL AS follow_ups'}
  FROM record_request r
  JOIN patient_case c ON c.id = r.case_id
  JOIN record_holder h ON h.id = r.holder_id
  LEFT JOIN app_user u ON u.id = c.lead_advocate_id AND u.organization_id = r.organization_id
  CROSS JOIN LATERAL (
    SELECT COALESCE(json_agg(json_build_object('packetItemId', ri.packet_item_id, 'receivedOn', ri.received_on::text,
        'packetItem', CASE WHEN p.id IS NULL THEN NULL ELSE ${include.packetItemDetails ? PACKET_ITEM_JSON : BOARD_PACKET_ITEM_JSON} END) ORDER BY ri.packet_item_id), '[]') AS items
    FROM record_request_item ri LEFT JOIN packet_item p ON p.id = ri.packet_item_id AND p.organization_id = r.organization_id
    WHERE ri.request_id = r.id
  ) i
  ${include.followUps ? FOLLOW_UPS_LATERAL : ''}`;

/** Positional parameters for hand-written SQL: `p(value)` appends and returns its placeholder. */
class Params {
  readonly values: unknown[] = [];
  p(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * A holder's open requests (T), and how many are not yet overdue (D from today on) and not yet
 * at risk (R after today): the migration RecordBoardCounts explains the rows.
 */
const BOARD_SUMS = `coalesce(sum(k.n) FILTER (WHERE k.kind = 'T'), 0) AS open,
  coalesce(sum(k.n) FILTER (WHERE k.kind = 'T'), 0) - coalesce(sum(k.n) FILTER (WHERE k.kind = 'D'), 0) AS overdue,
  coalesce(sum(k.n) FILTER (WHERE k.kind = 'T'), 0) - coalesce(sum(k.n) FILTER (WHERE k.kind = 'R'), 0) AS risky`;
/** The rows a read needs on day `today` (a placeholder): totals, and dates from today on. */
const boardDates = (today: string) => `(k.kind = 'T' OR (k.kind = 'D' AND k.on_date >= ${today}::date) OR (k.kind = 'R' AND k.on_date > ${today}::date))`;

/** record_board_count's advocate id for rows that count every lead advocate. */
const ANY_ADVOCATE = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/**
 * A holder group's figures under the status filter, from its sums (open, overdue, risky = at
 * risk or overdue): the groups count only the requests the filter lets through, as the list
 * does. DONE lists nothing on the board (it holds open requests only).
 */
const GROUP_FIGURES: Record<ClockStatus | 'ALL', { open: string; overdue: string; atRisk: string } | null> = {
  ALL: { open: 's.open', overdue: 's.overdue', atRisk: 's.risky - s.overdue' },
  [ClockStatus.OVERDUE]: { open: 's.overdue', overdue: 's.overdue', atRisk: '0' },
  [ClockStatus.AT_RISK]: { open: 's.risky - s.overdue', overdue: '0', atRisk: 's.risky - s.overdue' },
  [ClockStatus.ON_TRACK]: { open: 's.open - s.risky', overdue: '0', atRisk: '0' },
  [ClockStatus.DONE]: null,
};

/**
 * The coordinator's view of every open record request of the organization. Statuses are
 * the domain's clock rules (libs/domain records clock) expressed in SQL over the stored
 * dates, so filtering, counting and paging happen in PostgreSQL; the counts and holder totals
 * are added up from record_board_count, kept by the writing transaction, so their cost follows
 * holders x dates, not the number of open requests. Hand-written SQL, and a
 * fixed set of statements whatever the page size (counts, holder groups with their holders,
 * the page with every relation a row shows, one audit insert): the rows reach GraphQL as
 * ready objects (preresolved), with each row's clock read once here, so no field resolver or
 * loader runs per row.
 */
@Injectable()
export class RecordBoardService {
  constructor(
    private readonly reads: ReadReplica,
    private readonly audit: AuditService,
  ) {}

  /** WHERE clause for the filter; `withStatus` adds the status filter (counts span every status). */
  private where(params: Params, actor: Actor, filter: RecordBoardFilter, today: CalendarDate, withStatus: boolean) {
    const s = DEFAULT_RECORD_CLOCK_SETTINGS.atRiskDays;
    // Placeholders on first use: PostgreSQL refuses a parameter that no clause mentions.
    const once = (value: string) => {
      let placeholder: string | null = null;
      return () => (placeholder ??= `${params.p(value)}::date`);
    };
    const [t, legalRisk, targetRisk] = [once(today), once(addDays(today, s.legal)), once(addDays(today, s.target))];
    // The same predicates as clockStatus(): overdue after the date; at risk from N days before.
    const overdue = () => `(r.legal_due_on < ${t()} OR r.plan_target_on < ${t()})`;
    const atRisk = () => `(NOT ${overdue()} AND (r.legal_due_on <= ${legalRisk()} OR r.plan_target_on <= ${targetRisk()}))`;
    const onTrack = () => `(NOT ${overdue()} AND NOT ${atRisk()})`;
    const conds = [`r.organization_id = ${params.p(actor.organizationId)}`, 'r.completed_on IS NULL'];
    // The case is needed only for these filters: without them, a group's oldest request is
    // found in the covering index alone (record_request_open_board).
    const caseConds: string[] = [];
    if (filter.leadAdvocateId) caseConds.push(`c.lead_advocate_id = ${params.p(filter.leadAdvocateId)}`);
    if (filter.urgency) {
      if (filter.urgency !== 'ROUTINE' && filter.urgency !== 'URGENT') throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'Urgency must be ROUTINE or URGENT.', { field: 'urgency' });
      caseConds.push(`c.urgency = ${params.p(filter.urgency)}`);
    }
    if (caseConds.length) conds.push(`EXISTS (SELECT 1 FROM patient_case c WHERE c.id = r.case_id AND ${caseConds.join(' AND ')})`);
    if (filter.holderId) conds.push(`r.holder_id = ${params.p(filter.holderId)}`);
    if (withStatus && filter.status) conds.push({ [ClockStatus.OVERDUE]: overdue, [ClockStatus.AT_RISK]: atRisk, [ClockStatus.ON_TRACK]: onTrack, [ClockStatus.DONE]: () => 'false' }[filter.status]());
    return { sql: conds.join(' AND '), overdue, atRisk, onTrack };
  }

  /**
   * The record_board_count rows that answer the filter, and the holder. Two levels are kept
   * (migration RecordRequestCountsWriteCost): every request (urgency 'ANY' and ANY_ADVOCATE
   * stand for "every") and by urgency and lead advocate together. A filter on one of the two
   * adds up the finer level's rows over the other (both urgencies, or every lead advocate).
   */
  private level(params: Params, actor: Actor, filter: RecordBoardFilter): string {
    if (filter.urgency && filter.urgency !== 'ROUTINE' && filter.urgency !== 'URGENT')
      throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'Urgency must be ROUTINE or URGENT.', { field: 'urgency' });
    const conds = [`k.organization_id = ${params.p(actor.organizationId)}`];
    if (!filter.urgency && !filter.leadAdvocateId) conds.push(`k.urgency = 'ANY'`, `k.advocate_id = '${ANY_ADVOCATE}'::uuid`);
    else {
      conds.push(filter.urgency ? `k.urgency = ${params.p(filter.urgency)}` : `k.urgency IN ('ROUTINE', 'URGENT')`);
      // Without an advocate filter, every lead advocate's rows (the finer level has no ANY_ADVOCATE).
      if (filter.leadAdvocateId) conds.push(`k.advocate_id = ${params.p(filter.leadAdvocateId)}::uuid`);
    }
    if (filter.holderId) conds.push(`k.holder_id = ${params.p(filter.holderId)}::uuid`);
    return conds.join(' AND ');
  }

  async board(
    actor: Actor,
    today: CalendarDate,
    filter: RecordBoardFilter,
    sort: RecordBoardSort,
    first: number,
    after: string | null = null,
    include: BoardInclude = FULL_BOARD,
  ): Promise<Omit<RecordBoardModel, 'today'>> {
    const take = Math.min(Math.max(first, 1), PAGED_LISTS['Query.recordBoard'].max);
    // On the read replica when there is one and the organization has not just written (ReadReplica).
    return this.reads.read(actor.organizationId, (db, target) => this.read(db, target, actor, today, filter, sort, take, after, include));
  }

  private async read(
    db: EntityManager,
    target: ReadTarget,
    actor: Actor,
    today: CalendarDate,
    filter: RecordBoardFilter,
    sort: RecordBoardSort,
    take: number,
    after: string | null,
    include: BoardInclude,
  ): Promise<Omit<RecordBoardModel, 'today'>> {
    // Counts across every status (the filter's status only narrows the list below), added up
    // from record_board_count (migration RecordBoardCounts): rows per holder and date of the
    // filter's level, not one per open request. `risky` is at risk or overdue.
    const cp = new Params();
    const [sums] = await db.query<{ open: number; overdue: number; risky: number }[]>(
      `SELECT open::int, overdue::int, risky::int FROM (SELECT ${BOARD_SUMS} FROM record_board_count k
       WHERE ${this.level(cp, actor, filter)} AND ${boardDates(cp.p(today))}) s`,
      cp.values,
    );
    const { open = 0, overdue = 0, risky = 0 } = sums ?? {}; // one row always (an aggregate); none would mean none counted
    const counts = { open, overdue, atRisk: risky - overdue, onTrack: open - risky };

    // Holder groups from the same rows; each group's oldest request is the first entry of the
    // index record_request_open_board for that holder that matches the filter.
    const gp = new Params();
    const level = this.level(gp, actor, filter);
    const t = gp.p(today);
    const gw = this.where(gp, actor, filter, today, true);
    const g = GROUP_FIGURES[filter.status ?? 'ALL'];
    const groups = g
      ? await db.query<{ holder: RecordHolderModel; holderId: string; open: number; overdue: number; atRisk: number; oldestSentOn: string }[]>(
          `SELECT ${include.groupHolderDetails ? HOLDER_JSON('h') : BOARD_GROUP_HOLDER_JSON('h')} AS holder, g.*,
             (SELECT min(r.sent_on)::text FROM record_request r WHERE ${gw.sql} AND r.holder_id = g."holderId") AS "oldestSentOn"
           FROM (
             SELECT s.holder_id AS "holderId", ${g.open}::int AS open, ${g.overdue}::int AS overdue, ${g.atRisk}::int AS "atRisk" FROM (
               SELECT k.holder_id, ${BOARD_SUMS} FROM record_board_count k WHERE ${level} AND ${boardDates(t)} GROUP BY k.holder_id
             ) s WHERE ${g.open} > 0
             ORDER BY overdue DESC, open DESC, s.holder_id LIMIT 50
           ) g JOIN record_holder h ON h.id = g."holderId"
           ORDER BY g.overdue DESC, g.open DESC, g."holderId"`,
          gp.values,
        )
      : [];

    const pp = new Params();
    const pw = this.where(pp, actor, filter, today, true);
    const totalCount = { ALL: counts.open, [ClockStatus.OVERDUE]: counts.overdue, [ClockStatus.AT_RISK]: counts.atRisk, [ClockStatus.ON_TRACK]: counts.onTrack, [ClockStatus.DONE]: 0 }[
      filter.status ?? 'ALL'
    ];
    const col = SORT_COLUMN[sort];
    let cursor = '';
    if (after) {
      const cur = decodeBoardCursor(sort, after);
      cursor = ` AND (${col}, r.id) > (${pp.p(cur.value)}::date, ${pp.p(cur.id)}::uuid)`;
    }
    const rows = await db.query<PageRow[]>(`${pageSelect(include)} WHERE ${pw.sql}${cursor} ORDER BY ${col}, r.id LIMIT ${pp.p(take + 1)}`, pp.values);
    const nodes = rows.slice(0, take).map((row) => boardNode(row, today, include));
    const last = nodes[nodes.length - 1];
    await this.audit.record(
      actor,
      nodes.map((r) => ({ action: 'record_request.list', entityType: 'record_request', entityId: r.id, caseId: r.caseId })),
      // A replica is read-only: the audit line is written to the primary.
      target === 'primary' ? db : undefined,
    );
    return {
      counts,
      byHolder: groups.map(({ holder, ...g }) => preresolved(g, { holder })),
      requests: {
        nodes,
        totalCount,
        pageInfo: { hasNextPage: rows.length > take, endCursor: last ? Buffer.from(JSON.stringify([sort, last[SORT_PROP[sort]], last.id])).toString('base64url') : null },
      },
    };
  }
}

/** A board row as GraphQL shows it: every field the resolvers would fill, filled once here. */
function boardNode(row: PageRow, today: CalendarDate, include: BoardInclude): RecordRequestModel {
  const request: RecordRequestModel = {
    id: row.id,
    caseId: row.case_id,
    holderId: row.holder_id,
    method: row.method,
    sentOn: row.sent_on,
    holderReceivedOn: row.holder_received_on,
    planTargetOn: row.plan_target_on,
    legalDueOn: row.legal_due_on,
    originalLegalDueOn: row.original_legal_due_on,
    extensionReason: row.extension_reason,
    extensionRecordedOn: row.extension_recorded_on,
    letter: row.letter,
    letterLanguage: row.letter_language,
    feeCents: row.fee_cents,
    completedOn: row.completed_on,
    version: row.version,
    createdAt: row.created_at,
  };
  const clock = storedRequestClock(
    { sentOn: row.sent_on as CalendarDate, planTargetOn: row.plan_target_on as CalendarDate, legalDueOn: row.legal_due_on as CalendarDate, completedOn: row.completed_on as CalendarDate | null },
    today,
  );
  const kase = preresolved(include.caseDetails ? { ...row.kase, createdAt: new Date(row.kase.createdAt), updatedAt: new Date(row.kase.updatedAt) } : row.kase, { leadAdvocate: row.lead });
  return preresolved(request, {
    ...clock,
    holder: row.holder,
    case: kase,
    items: row.items.map((i) =>
      preresolved(
        { packetItemId: i.packetItemId, receivedOn: i.receivedOn },
        { packetItem: i.packetItem && (include.packetItemDetails ? { ...i.packetItem, createdAt: new Date(i.packetItem.createdAt), updatedAt: new Date(i.packetItem.updatedAt) } : i.packetItem) },
      ),
    ),
    // Not asked for: nothing to hand over (the field resolver would load them if it ever ran).
    ...(include.followUps ? { followUps: row.follow_ups.map(({ by, ...f }) => preresolved({ ...f, at: new Date(f.at) }, { by })) } : {}),
  });
}

function decodeBoardCursor(sort: RecordBoardSort, cursor: string): { value: string; id: string } {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v[0] === sort && typeof v[1] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v[1]) && isUuid(v[2])) return { value: v[1], id: v[2] };
  } catch {
    /* fall through */
  }
  throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The page cursor is not valid for this sort order. Start again from the first page.', { field: 'after' });
}
