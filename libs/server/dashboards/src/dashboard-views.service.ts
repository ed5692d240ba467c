import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CASE_STAGE_ORDER, CaseStage, DASHBOARD_PHASE_ORDER, DashboardPhase, DayBucket, phaseTargetDays, shareOf, summarizeDays, Urgency } from '@second-look/domain';
import { DataSource } from 'typeorm';
import { NO_ADVOCATE, NOW_DAY, RollupMetric as M } from './dashboard-rollup.entity';
import { DashboardScope, RollupSql } from './dashboard-scope';
import { AdvocateLoad, AdvocatePhaseFigure, DaysFigure, HolderFigure, KeyCount, OutcomesView, PhaseFigure, PhasesView, StageFigure } from './dashboards.model';

interface Bucketed extends DayBucket {
  readonly overTarget: number;
}

/** Median, 90th percentile and share over target of a group's day buckets. */
export function daysFigure(buckets: readonly Bucketed[]): DaysFigure {
  const summary = summarizeDays(buckets);
  const overTarget = buckets.reduce((sum, b) => sum + b.overTarget, 0);
  return { ...summary, overTarget, shareOverTarget: shareOf(overTarget, summary.count) };
}

const advocateOf = (id: string): string | null => (id === NO_ADVOCATE ? null : id);
const num = (v: unknown): number => Number(v ?? 0);

/**
 * The dashboard's views, each one SQL statement over `dashboard_rollup` (docs/dashboards.md):
 * the rows read grow with the buckets (months × stages, phases, holders, advocates, days),
 * not with the number of cases or requests.
 */
@Injectable()
export class DashboardViewsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async funnel(scope: DashboardScope): Promise<StageFigure[]> {
    const q = new RollupSql();
    const rows: Array<{ metric: M; key: CaseStage; n: string }> = await this.dataSource.query(
      `SELECT r.metric, r.key, sum(r.n) AS n FROM dashboard_rollup r
       WHERE ${q.common(scope)} AND ((r.metric = '${M.STAGE_NOW}' AND r.day = '${NOW_DAY}')
         OR (r.metric IN ('${M.STAGE_ENTERED}', '${M.STAGE_LEFT}', '${M.CLOSED_EARLY}') AND ${q.period(scope)}))
       GROUP BY r.metric, r.key`,
      q.values,
    );
    const get = (metric: M, stage: CaseStage) => num(rows.find((r) => r.metric === metric && r.key === stage)?.n);
    return CASE_STAGE_ORDER.map((stage) => {
      const next = CASE_STAGE_ORDER[CASE_STAGE_ORDER.indexOf(stage) + 1];
      const entered = get(M.STAGE_ENTERED, stage);
      return {
        stage,
        now: get(M.STAGE_NOW, stage),
        entered,
        left: get(M.STAGE_LEFT, stage),
        closedEarly: get(M.CLOSED_EARLY, stage),
        conversion: next && stage !== CaseStage.CLOSE_THE_LOOP ? shareOf(get(M.STAGE_ENTERED, next), entered) : null,
      };
    }).filter((f) => !scope.stage || f.stage === scope.stage);
  }

  async phases(scope: DashboardScope): Promise<PhasesView> {
    const q = new RollupSql();
    const rows: Array<{ key: DashboardPhase; urgency: Urgency; advocate_id: string; name: string | null; days: number; n: string; over: string }> = await this.dataSource.query(
      `SELECT r.key, r.urgency, r.advocate_id, u.display_name AS name, r.days, sum(r.n) AS n, sum(r.over_target) AS over
       FROM dashboard_rollup r LEFT JOIN app_user u ON u.id = r.advocate_id
       WHERE ${q.common(scope)} AND r.metric = '${M.PHASE}' AND ${q.period(scope)}
       GROUP BY r.key, r.urgency, r.advocate_id, u.display_name, r.days`,
      q.values,
    );
    const group = (keep: (r: (typeof rows)[number]) => boolean): Bucketed[] => {
      const byDays = new Map<number, { count: number; overTarget: number }>();
      for (const r of rows.filter(keep)) {
        const b = byDays.get(r.days) ?? { count: 0, overTarget: 0 };
        byDays.set(r.days, { count: b.count + num(r.n), overTarget: b.overTarget + num(r.over) });
      }
      return [...byDays].map(([days, b]) => ({ days, ...b }));
    };
    const phases: PhaseFigure[] = [];
    for (const phase of DASHBOARD_PHASE_ORDER) {
      phases.push({ phase, urgency: null, targetDays: null, ...daysFigure(group((r) => r.key === phase)) });
      for (const urgency of [Urgency.ROUTINE, Urgency.URGENT]) {
        if (scope.urgency && scope.urgency !== urgency) continue;
        phases.push({ phase, urgency, targetDays: phaseTargetDays(phase, urgency), ...daysFigure(group((r) => r.key === phase && r.urgency === urgency)) });
      }
    }
    const advocates = new Map(rows.map((r) => [r.advocate_id, r.name]));
    const byAdvocate: AdvocatePhaseFigure[] = [];
    for (const [id, name] of [...advocates].sort((a, b) => (a[1] ?? '').localeCompare(b[1] ?? ''))) {
      for (const phase of DASHBOARD_PHASE_ORDER) {
        const figure = daysFigure(group((r) => r.key === phase && r.advocate_id === id));
        if (figure.count > 0) byAdvocate.push({ phase, advocateId: advocateOf(id), advocateName: name, ...figure });
      }
    }
    return { phases, byAdvocate };
  }

  async holders(scope: DashboardScope): Promise<HolderFigure[]> {
    const q = new RollupSql();
    const today = q.p(scope.today);
    const rows: Array<{ metric: M; key: string; name: string; days: number; n: string; late: string; over_target: string; over_legal: string }> = await this.dataSource.query(
      `SELECT r.metric, r.key, h.name, r.days, sum(r.n) AS n, coalesce(sum(r.n) FILTER (WHERE r.day < ${today}::date), 0) AS late,
         sum(r.over_target) AS over_target, sum(r.over_legal) AS over_legal
       FROM dashboard_rollup r JOIN record_holder h ON h.id = r.key::uuid
       WHERE ${q.common(scope)} AND ((r.metric IN ('${M.HOLDER_SENT}', '${M.HOLDER_DONE}') AND ${q.period(scope)})
         OR r.metric IN ('${M.OPEN_TARGET}', '${M.OPEN_LEGAL}'))
       GROUP BY r.metric, r.key, h.name, r.days`,
      q.values,
    );
    const byHolder = new Map<string, { name: string; list: typeof rows }>();
    for (const r of rows) {
      const known = byHolder.get(r.key);
      if (known) known.list.push(r);
      else byHolder.set(r.key, { name: r.name, list: [r] });
    }
    const figures = [...byHolder].map(([holderId, { name, list }]): HolderFigure => {
      const of = (m: M) => list.filter((r) => r.metric === m);
      const sum = (m: M, f: (r: (typeof rows)[number]) => unknown) => of(m).reduce((s, r) => s + num(f(r)), 0);
      const done = of(M.HOLDER_DONE);
      const summary = summarizeDays(done.map((r) => ({ days: r.days, count: num(r.n) })));
      const pastTarget = sum(M.HOLDER_DONE, (r) => r.over_target);
      const pastLegal = sum(M.HOLDER_DONE, (r) => r.over_legal);
      return {
        holderId,
        holderName: name,
        sent: sum(M.HOLDER_SENT, (r) => r.n),
        fulfilled: summary.count,
        medianDays: summary.medianDays,
        p90Days: summary.p90Days,
        suppressed: summary.suppressed,
        pastTarget,
        sharePastTarget: shareOf(pastTarget, summary.count),
        pastLegal,
        sharePastLegal: shareOf(pastLegal, summary.count),
        open: sum(M.OPEN_TARGET, (r) => r.n),
        overdue: sum(M.OPEN_TARGET, (r) => r.late),
        openPastLegal: sum(M.OPEN_LEGAL, (r) => r.late),
      };
    });
    return figures.sort((a, b) => (b.medianDays ?? -1) - (a.medianDays ?? -1) || (b.p90Days ?? -1) - (a.p90Days ?? -1) || b.overdue - a.overdue || a.holderName.localeCompare(b.holderName));
  }

  async caseload(scope: DashboardScope): Promise<AdvocateLoad[]> {
    const q = new RollupSql();
    const today = q.p(scope.today);
    const stage = scope.stage ? `r.key = ${q.p(scope.stage)}` : `r.key <> '${CaseStage.CLOSED}'`;
    const rows: Array<{ metric: M; advocate_id: string; name: string | null; n: string; late: string; urgent: string }> = await this.dataSource.query(
      `SELECT r.metric, r.advocate_id, u.display_name AS name, sum(r.n) AS n,
         coalesce(sum(r.n) FILTER (WHERE r.day < ${today}::date), 0) AS late, coalesce(sum(r.n) FILTER (WHERE r.urgency = 'URGENT'), 0) AS urgent
       FROM dashboard_rollup r LEFT JOIN app_user u ON u.id = r.advocate_id
       WHERE ${q.common(scope)} AND ((r.metric = '${M.STAGE_NOW}' AND r.day = '${NOW_DAY}' AND ${stage}) OR r.metric IN ('${M.OPEN_TARGET}', '${M.OPEN_LEGAL}'))
       GROUP BY r.metric, r.advocate_id, u.display_name`,
      q.values,
    );
    const ids = [...new Set(rows.map((r) => r.advocate_id))];
    const get = (id: string, m: M) => rows.find((r) => r.advocate_id === id && r.metric === m);
    return ids
      .map((id) => ({
        advocateId: advocateOf(id),
        advocateName: rows.find((r) => r.advocate_id === id)?.name ?? null,
        openCases: num(get(id, M.STAGE_NOW)?.n),
        urgentCases: num(get(id, M.STAGE_NOW)?.urgent),
        openRequests: num(get(id, M.OPEN_TARGET)?.n),
        overdueRequests: num(get(id, M.OPEN_TARGET)?.late),
        pastLegalRequests: num(get(id, M.OPEN_LEGAL)?.late),
      }))
      .filter((a) => a.openCases + a.openRequests > 0)
      .sort((a, b) => b.openCases - a.openCases || (a.advocateName ?? '').localeCompare(b.advocateName ?? ''));
  }

  async outcomes(scope: DashboardScope): Promise<OutcomesView> {
    const q = new RollupSql();
    const rows: Array<{ metric: M; key: string; days: number; n: string }> = await this.dataSource.query(
      `SELECT r.metric, r.key, r.days, sum(r.n) AS n FROM dashboard_rollup r
       WHERE ${q.common(scope)} AND r.metric IN ('${M.OUTCOME}', '${M.FEELING}') AND ${q.period(scope)}
       GROUP BY r.metric, r.key, r.days`,
      q.values,
    );
    const decisionRows = rows.filter((r) => r.metric === M.OUTCOME);
    const total = decisionRows.reduce((s, r) => s + num(r.n), 0);
    const counts = (list: typeof rows, whole: number): KeyCount[] => {
      const byKey = new Map<string, number>();
      for (const r of list) byKey.set(r.key, (byKey.get(r.key) ?? 0) + num(r.n));
      return [...byKey].map(([key, count]) => ({ key, count, share: shareOf(count, whole) })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    };
    const visits = rows.filter((r) => r.metric === M.FEELING && r.key === 'VISITS').reduce((s, r) => s + num(r.n), 0);
    return {
      decisions: counts(decisionRows, total),
      daysToDecision: daysFigure(decisionRows.map((r) => ({ days: r.days, count: num(r.n), overTarget: 0 }))),
      visits,
      feelings: counts(
        rows.filter((r) => r.metric === M.FEELING && r.key !== 'VISITS'),
        visits,
      ),
    };
  }
}
