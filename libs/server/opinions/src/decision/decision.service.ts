import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  assertCanClose,
  assertCanRecordDecision,
  CaseEventKind,
  CaseStage,
  closingProblems,
  CloseProblem,
  DomainError,
  DomainErrorCode,
  notFound,
  parseCalendarDate,
  RecordsReleaseState,
  releaseStateFor,
} from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { orgTodayOf, requireJourneyCase } from '@second-look/server-appointments';
import { CaseAccessService, PatientCase } from '@second-look/server-cases';
import { CaseEventsPublisher } from '@second-look/server-collaboration';
import { assertFreshVersion, Clock, GqlContext, isUuid, perRequest } from '@second-look/server-platform';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { CaseOpinion } from '../opinion/case-opinion.entity';
import { CloseCaseWithOutcomeInput, RecordDecisionInput } from '../opinions.model';
import { moveStageWithin } from '../stage-move';
import { CaseDecision } from './case-decision.entity';

@Injectable()
export class DecisionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: CaseEventsPublisher,
  ) {}

  loader(ctx: GqlContext, actor: Actor): DataLoader<string, CaseDecision | null> {
    return perRequest(
      ctx,
      'decisions',
      () =>
        new DataLoader<string, CaseDecision | null>(async (caseIds) => {
          const rows = await this.dataSource.getRepository(CaseDecision).find({ where: { caseId: In([...caseIds]), organizationId: actor.organizationId } });
          return caseIds.map((id) => rows.find((r) => r.caseId === id) ?? null);
        }),
    );
  }

  /** What still stands between the case and closing with an outcome. */
  async problems(ctx: GqlContext, actor: Actor, kase: PatientCase): Promise<CloseProblem[]> {
    if (kase.stage === CaseStage.CLOSED) return [];
    const d = await this.loader(ctx, actor).load(kase.id);
    return closingProblems({
      stage: kase.stage,
      decision: d?.decision ?? null,
      followUpOn: d?.followUpOn ?? null,
      careMoves: d?.careMoves ?? false,
      recordsRelease: d?.recordsRelease ?? RecordsReleaseState.NOT_NEEDED,
    });
  }

  /** The patient's decision, its reasons, the follow-up with the current doctor, and whether care moves. */
  async record(actor: Actor, input: RecordDecisionInput): Promise<PatientCase> {
    return this.dataSource.transaction(async (m) => {
      const { kase } = await requireJourneyCase(this.access, actor, input.caseId, 'edit', 'Case', m, true);
      assertCanRecordDecision(kase.stage);
      const decision = input.decision.trim();
      if (!decision) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'Please write down the decision.', { field: 'decision' });
      let chosenOpinionId: string | null = null;
      if (input.chosenOpinionId) {
        if (!isUuid(input.chosenOpinionId) || !(await m.existsBy(CaseOpinion, { id: input.chosenOpinionId, caseId: kase.id }))) throw notFound('Opinion');
        chosenOpinionId = input.chosenOpinionId;
      }
      const followUpOn = input.followUpOn ? parseCalendarDate(input.followUpOn, 'followUpOn') : null;
      const existing = await m.findOne(CaseDecision, { where: { caseId: kase.id } });
      if (existing)
        assertFreshVersion(existing, input.expectedVersion ?? 0, 'decision', {
          // Every field the decision form holds, so it can show the other person's whole decision beside this one.
          decision: existing.decision,
          reasons: existing.reasons,
          chosenOpinionId: existing.chosenOpinionId,
          followUpOn: existing.followUpOn,
          followUpOutcome: existing.followUpOutcome,
          careMoves: existing.careMoves,
          newProviderName: existing.newProviderName,
          recordsRelease: existing.recordsRelease,
        });
      const row = existing ?? m.create(CaseDecision, { organizationId: kase.organizationId, caseId: kase.id });
      const release = releaseStateFor(input.careMoves, input.recordsRelease ?? row.recordsRelease ?? RecordsReleaseState.NOT_NEEDED);
      if (input.careMoves && !(input.newProviderName ?? row.newProviderName ?? '').trim()) {
        throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'Please say who care moves to, so the records can be sent there.', { field: 'newProviderName' });
      }
      Object.assign(row, {
        decision,
        reasons: input.reasons?.trim() ?? row.reasons ?? '',
        chosenOpinionId,
        followUpOn,
        followUpOutcome: input.followUpOutcome?.trim() ?? row.followUpOutcome ?? '',
        careMoves: input.careMoves,
        newProviderName: input.careMoves ? (input.newProviderName ?? row.newProviderName ?? '').trim() : '',
        recordsRelease: release,
        recordsReleasedOn: release === RecordsReleaseState.SENT ? (row.recordsReleasedOn ?? (await orgTodayOf(m, this.clock, kase.organizationId))) : null,
        updatedById: actor.userId,
      });
      await m.save(row);
      await this.audit.record(
        actor,
        {
          action: existing ? 'decision.update' : 'decision.create',
          entityType: 'decision',
          entityId: row.id,
          caseId: kase.id,
          detail: { careMoves: row.careMoves, recordsRelease: row.recordsRelease },
        },
        m,
      );
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.DECISION_CHANGED, entityId: row.id, detail: { change: existing ? 'edited' : 'added' } });
      return kase;
    });
  }

  /** Closing the loop with an outcome: only when nothing stands in the way, and by those who move stages. */
  async close(actor: Actor, input: CloseCaseWithOutcomeInput): Promise<PatientCase> {
    return this.dataSource.transaction(async (m) => {
      const { kase } = await requireJourneyCase(this.access, actor, input.caseId, 'moveStage', 'Case', m, true);
      const d = await m.findOne(CaseDecision, { where: { caseId: kase.id }, lock: { mode: 'pessimistic_write' } });
      assertCanClose({
        stage: kase.stage,
        decision: d?.decision ?? null,
        followUpOn: d?.followUpOn ?? null,
        careMoves: d?.careMoves ?? false,
        recordsRelease: d?.recordsRelease ?? RecordsReleaseState.NOT_NEEDED,
      });
      const saved = await moveStageWithin(m, this.audit, this.events, actor, kase, CaseStage.CLOSED, this.clock.now(), 'closed');
      await m.update(CaseDecision, { id: d!.id }, { outcome: input.outcome, closedById: actor.userId, version: d!.version + 1 });
      await this.audit.record(actor, { action: 'case.close', entityType: 'case', entityId: kase.id, caseId: kase.id, detail: { outcome: input.outcome } }, m);
      return saved;
    });
  }
}
