import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  CaseEventKind,
  adjustPhaseTarget,
  CalendarDate,
  CasePhase,
  CaseStage,
  CASE_STAGE_ORDER,
  caseTimelineProgress,
  CaseTimelinePlan,
  parseCalendarDate,
  PhaseCompletions,
  PlannedPhase,
  planCaseTimeline,
  todayInZone,
} from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { CaseEventsPublisher } from '@second-look/server-collaboration';
import { CaseAccessService, CaseStageChange, PatientCase } from '@second-look/server-cases';
import { Organization } from '@second-look/server-identity';
import { Clock, GqlContext, perRequest } from '@second-look/server-platform';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { AdjustCaseTimelineInput, CaseTimelineModel } from './timeline.model';
import { TimelineAdjustment } from './timeline-adjustment.entity';

/**
 * A phase is done the first time the case reached the stage that follows it: records once
 * the case is being prepared for the appointment, the appointment once opinions are being
 * compared, the follow-up once the case is closed.
 */
const PHASE_DONE_AT: Record<CasePhase, CaseStage> = {
  [CasePhase.RECORDS]: CaseStage.PREPARE,
  [CasePhase.APPOINTMENT]: CaseStage.COMPARE_AND_DECIDE,
  [CasePhase.FOLLOW_UP]: CaseStage.CLOSED,
};
const rank = (s: CaseStage) => CASE_STAGE_ORDER.indexOf(s);

@Injectable()
export class TimelineService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: CaseEventsPublisher,
  ) {}

  private async zone(m: EntityManager, organizationId: string): Promise<string> {
    return (await m.findOneByOrFail(Organization, { id: organizationId })).timeZone;
  }

  private plan(kase: PatientCase, zone: string, adjustments: TimelineAdjustment[]): CaseTimelinePlan {
    const startOn = todayInZone(kase.createdAt, zone);
    return planCaseTimeline(
      startOn,
      kase.urgency,
      adjustments.map((a) => ({ phase: a.phase, targetOn: a.targetOn as CalendarDate, reason: a.reason })),
    );
  }

  /** The plan against what happened, for many cases in one go (cases already read through their scope). */
  loader(ctx: GqlContext, actor: Actor): DataLoader<PatientCase, CaseTimelineModel, string> {
    return perRequest(
      ctx,
      'timelines',
      () =>
        new DataLoader<PatientCase, CaseTimelineModel, string>(
          async (cases) => {
            const ids = cases.map((c) => c.id);
            const m = this.dataSource.manager;
            const [zone, adjustments, changes] = await Promise.all([
              this.zone(m, actor.organizationId),
              m.find(TimelineAdjustment, { where: { caseId: In(ids) }, order: { createdAt: 'ASC' } }),
              m.find(CaseStageChange, { where: { caseId: In(ids) }, order: { at: 'ASC' } }),
            ]);
            const today = todayInZone(this.clock.now(), zone);
            return cases.map((kase) =>
              this.read(
                kase,
                zone,
                today,
                adjustments.filter((a) => a.caseId === kase.id),
                changes.filter((c) => c.caseId === kase.id),
              ),
            );
          },
          { cacheKeyFn: (c) => c.id },
        ),
    );
  }

  private read(kase: PatientCase, zone: string, today: CalendarDate, adjustments: TimelineAdjustment[], changes: CaseStageChange[]): CaseTimelineModel {
    const plan = this.plan(kase, zone, adjustments);
    const completions: Partial<Record<CasePhase, CalendarDate>> = {};
    let previous: CalendarDate = plan.startOn;
    for (const phase of [CasePhase.RECORDS, CasePhase.APPOINTMENT, CasePhase.FOLLOW_UP]) {
      const first = changes.find((c) => rank(c.toStage) >= rank(PHASE_DONE_AT[phase]));
      if (!first) break;
      // Dates never run backwards, even if stages were moved back and forth.
      const on = todayInZone(first.at, zone);
      previous = on < previous ? previous : on;
      completions[phase] = previous > today ? today : previous;
    }
    const progress = caseTimelineProgress(plan, completions as PhaseCompletions, today);
    const planned = new Map(plan.phases.map((p) => [p.phase, p]));
    const plannedOf = (phase: CasePhase): PlannedPhase => {
      const found = planned.get(phase);
      if (!found) throw new Error(`phase ${phase} is in the progress but not in the plan`);
      return found;
    };
    return {
      startOn: plan.startOn,
      targetEndOn: plan.targetEndOn,
      totalDays: plan.totalDays,
      withinUsualRange: plan.withinUsualRange,
      projectedEndOn: progress.projectedEndOn,
      daysBehindPlan: progress.daysBehindPlan,
      currentPhase: progress.currentPhase,
      latePhase: progress.latePhase,
      today,
      phases: progress.phases.map((p) => ({
        phase: p.phase,
        startOn: plannedOf(p.phase).startOn,
        plannedTargetOn: p.plannedTargetOn,
        dueOn: p.dueOn,
        completedOn: p.completedOn,
        projectedEndOn: p.projectedEndOn,
        status: p.status,
        daysLate: p.daysLate,
        adjustmentReason: plannedOf(p.phase).adjustment?.reason ?? null,
      })),
    };
  }

  /** Staff move a phase target, with a reason; the domain refuses past dates and out-of-order phases. */
  async adjust(actor: Actor, input: AdjustCaseTimelineInput): Promise<PatientCase> {
    return this.dataSource.transaction(async (m) => {
      const { kase } = await this.access.require(actor, input.caseId, 'moveStage', m, true);
      const zone = await this.zone(m, kase.organizationId);
      const existing = await m.find(TimelineAdjustment, { where: { caseId: kase.id }, order: { createdAt: 'ASC' } });
      const today = todayInZone(this.clock.now(), zone);
      const targetOn = parseCalendarDate(input.targetOn, 'targetOn');
      const next = adjustPhaseTarget(this.plan(kase, zone, existing), { phase: input.phase, targetOn, reason: input.reason }, today);
      const added = next.adjustments.at(-1);
      if (!added) throw new Error('adjustPhaseTarget returned no adjustment');
      const reason = added.reason;
      await m.insert(TimelineAdjustment, { organizationId: kase.organizationId, caseId: kase.id, phase: input.phase, targetOn, reason, byUserId: actor.userId });
      await this.audit.record(actor, { action: 'case.adjust_timeline', entityType: 'case', entityId: kase.id, caseId: kase.id, detail: { phase: input.phase } }, m);
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.TIMELINE_ADJUSTED, entityId: kase.id, detail: { phase: input.phase } });
      return kase;
    });
  }
}
