import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, addDays, CalendarDate, ClockStatus, DEFAULT_RECORD_CLOCK_SETTINGS, DomainError, DomainErrorCode } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { isUuid } from '@second-look/server-platform';
import { DataSource } from 'typeorm';
import { RecordBoardFilter, RecordBoardModel, RecordBoardSort } from '../records.model';
import { RecordRequest } from './record-request.entity';

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

/**
 * The coordinator's view of every open record request of the organisation. Statuses are
 * the domain's clock rules (libs/domain records clock) expressed in SQL over the stored
 * dates, so filtering, counting and paging happen in PostgreSQL with a fixed number of
 * statements whatever the page size; relations are batched by the resolvers' loaders.
 */
@Injectable()
export class RecordBoardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** SQL predicates for each status, matching clockStatus(): overdue after the date; at risk from N days before. */
  private statusSql(today: CalendarDate) {
    const s = DEFAULT_RECORD_CLOCK_SETTINGS.atRiskDays;
    const params = { today, legalRisk: addDays(today, s.legal), targetRisk: addDays(today, s.target) };
    const overdue = `(r.legal_due_on < :today OR r.plan_target_on < :today)`;
    const atRisk = `(NOT ${overdue} AND (r.legal_due_on <= :legalRisk OR r.plan_target_on <= :targetRisk))`;
    const onTrack = `(NOT ${overdue} AND NOT ${atRisk})`;
    return { params, overdue, atRisk, onTrack };
  }

  private base(actor: Actor, filter: RecordBoardFilter, today: CalendarDate, withStatus: boolean) {
    const st = this.statusSql(today);
    const q = this.dataSource
      .getRepository(RecordRequest)
      .createQueryBuilder('r')
      .where('r.organization_id = :org AND r.completed_on IS NULL', { org: actor.organizationId })
      .setParameters(st.params);
    // The case is joined only when a filter needs it: without it, counts and groups are
    // answered from the covering index alone (record_request_open_board).
    if (filter.leadAdvocateId || filter.urgency) q.innerJoin('patient_case', 'c', 'c.id = r.case_id');
    if (filter.leadAdvocateId) q.andWhere('c.lead_advocate_id = :lead', { lead: filter.leadAdvocateId });
    if (filter.holderId) q.andWhere('r.holder_id = :holder', { holder: filter.holderId });
    if (filter.urgency) {
      if (filter.urgency !== 'ROUTINE' && filter.urgency !== 'URGENT') throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'Urgency must be ROUTINE or URGENT.', { field: 'urgency' });
      q.andWhere('c.urgency = :urgency', { urgency: filter.urgency });
    }
    if (withStatus && filter.status) {
      const pred = { [ClockStatus.OVERDUE]: st.overdue, [ClockStatus.AT_RISK]: st.atRisk, [ClockStatus.ON_TRACK]: st.onTrack, [ClockStatus.DONE]: 'false' }[filter.status];
      q.andWhere(pred);
    }
    return { q, st };
  }

  async board(actor: Actor, today: CalendarDate, filter: RecordBoardFilter, sort: RecordBoardSort, first: number, after?: string | null): Promise<Omit<RecordBoardModel, 'today'>> {
    const take = Math.min(Math.max(first, 1), 200);
    // Counts across every status (the filter's status only narrows the list below).
    const { q: countQ, st } = this.base(actor, filter, today, false);
    const counts = await countQ
      .select('count(*)::int', 'open')
      .addSelect(`count(*) FILTER (WHERE ${st.overdue})::int`, 'overdue')
      .addSelect(`count(*) FILTER (WHERE ${st.atRisk})::int`, 'atRisk')
      .addSelect(`count(*) FILTER (WHERE ${st.onTrack})::int`, 'onTrack')
      .getRawOne<{ open: number; overdue: number; atRisk: number; onTrack: number }>();

    const { q: groupQ } = this.base(actor, filter, today, true);
    const byHolder = await groupQ
      .select('r.holder_id', 'holderId')
      .addSelect('count(*)::int', 'open')
      .addSelect(`count(*) FILTER (WHERE ${st.overdue})::int`, 'overdue')
      .addSelect(`count(*) FILTER (WHERE ${st.atRisk})::int`, 'atRisk')
      .addSelect(`min(r.sent_on)::text`, 'oldestSentOn')
      .groupBy('r.holder_id')
      .orderBy('"overdue"', 'DESC')
      .addOrderBy('"open"', 'DESC')
      .addOrderBy('r.holder_id')
      .limit(50)
      .getRawMany<{ holderId: string; open: number; overdue: number; atRisk: number; oldestSentOn: string }>();

    const { q: pageQ } = this.base(actor, filter, today, true);
    const totalCount = filter.status ? await pageQ.clone().getCount() : (counts?.open ?? 0);
    const col = SORT_COLUMN[sort];
    if (after) {
      const cur = decodeBoardCursor(sort, after);
      pageQ.andWhere(`(${col}, r.id) > (CAST(:curValue AS date), CAST(:curId AS uuid))`, { curValue: cur.value, curId: cur.id });
    }
    const rows = await pageQ.orderBy(col, 'ASC').addOrderBy('r.id', 'ASC').take(take + 1).getMany();
    const nodes = rows.slice(0, take);
    const last = nodes[nodes.length - 1];
    await this.audit.record(
      actor,
      nodes.map((r) => ({ action: 'record_request.list', entityType: 'record_request', entityId: r.id, caseId: r.caseId })),
    );
    return {
      counts: counts ?? { open: 0, overdue: 0, atRisk: 0, onTrack: 0 },
      byHolder,
      requests: {
        nodes,
        totalCount,
        pageInfo: { hasNextPage: rows.length > take, endCursor: last ? Buffer.from(JSON.stringify([sort, last[SORT_PROP[sort]], last.id])).toString('base64url') : null },
      },
    };
  }
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
