import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, CaseStage, DashboardPhase, DomainError, DomainErrorCode, Urgency } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { DataSource } from 'typeorm';
import { DashboardScope, RollupSql } from './dashboard-scope';
import { DashboardCaseList, DashboardCasesInput, DashboardFigureKind as K } from './dashboards.model';

const PHASE_INDEX: Record<DashboardPhase, number> = {
  [DashboardPhase.RECORDS]: 0,
  [DashboardPhase.APPOINTMENT]: 1,
  [DashboardPhase.FOLLOW_UP]: 2,
  [DashboardPhase.JOURNEY]: 2,
};
const OUTCOMES = ['CONFIRMED', 'CHANGED_DIAGNOSIS', 'CHANGED_TREATMENT', 'NO_CHANGE', 'PENDING'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const badKey = (key: string) => new DomainError(DomainErrorCode.VALIDATION_FAILED, 'This figure has no such key.', { field: 'key', key });

/**
 * The cases behind a dashboard figure, read in the caller's scope (the organization; an
 * advocate's own cases) and audited per case listed, like the case list and the board.
 */
@Injectable()
export class DashboardCasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, scope: DashboardScope, input: DashboardCasesInput): Promise<DashboardCaseList> {
    const q = new RollupSql();
    const conds = [q.common(scope, 'c', 'lead_advocate_id')];
    // The period's bounds as instants in the organization's zone (first day of the first month,
    // first day after the last), added as parameters only when a figure uses them.
    const inPeriod = (col: string) => {
      const zone = q.p(scope.timeZone);
      const from = `(${q.p(scope.fromDay)}::date::timestamp AT TIME ZONE ${zone})`;
      const until = `((${q.p(scope.toDay)}::date + interval '1 month')::timestamp AT TIME ZONE ${zone})`;
      return `${col} >= ${from} AND ${col} < ${until}`;
    };
    const { kind, key } = input;
    const stageKey = () => {
      if (!(Object.values(CaseStage) as string[]).includes(key)) throw badKey(key);
      return q.p(key);
    };
    switch (kind) {
      case K.STAGE_NOW:
        conds.push(`c.stage = ${stageKey()}`);
        break;
      case K.STAGE_ENTERED:
        conds.push(`EXISTS (SELECT 1 FROM case_stage_change s WHERE s.case_id = c.id AND s.to_stage = ${stageKey()} AND ${inPeriod('s.at')})`);
        break;
      case K.CLOSED_EARLY:
        conds.push(`EXISTS (SELECT 1 FROM case_stage_change s WHERE s.case_id = c.id AND s.to_stage = 'CLOSED' AND s.from_stage = ${stageKey()} AND ${inPeriod('s.at')})`);
        break;
      case K.PHASE_DONE: {
        if (!(key in PHASE_INDEX)) throw badKey(key);
        const i = q.p(PHASE_INDEX[key as DashboardPhase]);
        // The move that first finished the phase happened in the period.
        conds.push(`EXISTS (SELECT 1 FROM case_stage_change s WHERE s.case_id = c.id AND dashboard_finishes(${i}, s.from_stage, s.to_stage) AND ${inPeriod('s.at')}
          AND NOT EXISTS (SELECT 1 FROM case_stage_change e WHERE e.case_id = c.id AND dashboard_finishes(${i}, e.from_stage, e.to_stage) AND (e.at, e.id) < (s.at, s.id)))`);
        break;
      }
      case K.OUTCOME:
        if (!OUTCOMES.includes(key)) throw badKey(key);
        conds.push(`EXISTS (SELECT 1 FROM case_decision d WHERE d.case_id = c.id AND coalesce(d.outcome::text, 'PENDING') = ${q.p(key)} AND ${inPeriod('d.created_at')})`);
        break;
      case K.ADVOCATE_OPEN:
        if (!UUID.test(key)) throw badKey(key);
        // An advocate asking about another advocate's cases finds none (their scope is forced).
        conds.push(`c.lead_advocate_id = ${q.p(key)} AND c.stage <> 'CLOSED'`);
        if (scope.stage) conds.push(`c.stage = ${q.p(scope.stage)}`);
        break;
    }
    const where = conds.join(' AND ');
    const take = input.first ?? 50;
    const rows: Array<{ id: string; patient_name: string; stage: CaseStage; urgency: Urgency; lead: string | null; total: string }> = await this.dataSource.query(
      `SELECT c.id, c.patient_name, c.stage, c.urgency, u.display_name AS lead, count(*) OVER () AS total
       FROM patient_case c LEFT JOIN app_user u ON u.id = c.lead_advocate_id
       WHERE ${where} ORDER BY c.updated_at DESC, c.id LIMIT ${q.p(take)}`,
      q.values,
    );
    await this.audit.record(
      actor,
      rows.map((r) => ({ action: 'case.list', entityType: 'case', entityId: r.id, caseId: r.id, detail: { via: 'dashboard', figure: kind } })),
    );
    const [first] = rows; // every row carries the count of all
    return {
      totalCount: first ? Number(first.total) : 0,
      cases: rows.map((r) => ({ id: r.id, patientName: r.patient_name, stage: r.stage, urgency: r.urgency, leadAdvocateName: r.lead })),
    };
  }
}
