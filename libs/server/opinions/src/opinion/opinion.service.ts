import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, assertCanCompare, assertCanStartNextRound, assertOpinion, CaseEventKind, CaseStage, isStaffRole, nextOpinionNumber, notFound, opinionAdvice } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { assertJourneyId, assertStaffOnlyField, orgTodayOf, requireJourneyCase } from '@second-look/server-appointments';
import { CaseAccessService, PatientCase } from '@second-look/server-cases';
import { CaseEventsPublisher, splitStaffFields } from '@second-look/server-collaboration';
import { CaseDocument } from '@second-look/server-records';
import { InsuranceService } from '@second-look/server-insurance';
import { ProviderCandidate } from '@second-look/server-providers';
import { assertFreshVersion, Clock, GqlContext, isUuid, perRequest } from '@second-look/server-platform';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { OpinionComparison } from '../comparison/opinion-comparison.entity';
import { AddOpinionInput, CompareOpinionsInput, OpinionAdviceModel, UpdateOpinionInput } from '../opinions.model';
import { moveStageWithin } from '../stage-move';
import { CaseOpinion } from './case-opinion.entity';

const WHAT = 'Opinion';

/** Opinions on a case, how they compare, and what to do about it. */
@Injectable()
export class OpinionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: CaseEventsPublisher,
    private readonly insurance: InsuranceService,
  ) {}

  private query(m: EntityManager, actor: Actor) {
    const q = m.getRepository(CaseOpinion).createQueryBuilder('o').where('o.organization_id = :org', { org: actor.organizationId });
    if (isStaffRole(actor.role)) q.addSelect('o.staffNotes');
    return q;
  }

  loader(ctx: GqlContext, actor: Actor): DataLoader<string, CaseOpinion[]> {
    return perRequest(
      ctx,
      'opinions',
      () =>
        new DataLoader<string, CaseOpinion[]>(async (caseIds) => {
          const rows = await this.query(this.dataSource.manager, actor)
            .andWhere('o.case_id IN (:...caseIds)', { caseIds: [...caseIds] })
            .orderBy('o.number', 'ASC')
            .getMany();
          return caseIds.map((id) => rows.filter((r) => r.caseId === id));
        }),
    );
  }

  /** The latest judgment per case (the round with the most opinions). */
  comparisonLoader(ctx: GqlContext, actor: Actor): DataLoader<string, OpinionComparison | null> {
    return perRequest(
      ctx,
      'opinionComparisons',
      () =>
        new DataLoader<string, OpinionComparison | null>(async (caseIds) => {
          const rows = await this.dataSource.getRepository(OpinionComparison).find({ where: { caseId: In([...caseIds]), organizationId: actor.organizationId }, order: { opinionCount: 'DESC' } });
          return caseIds.map((id) => rows.find((r) => r.caseId === id) ?? null);
        }),
    );
  }

  /** Next steps for the case as it stands: only a judgment of the current round counts. */
  async advice(ctx: GqlContext, actor: Actor, kase: PatientCase): Promise<OpinionAdviceModel> {
    const [opinions, comparison] = await Promise.all([this.loader(ctx, actor).load(kase.id), this.comparisonLoader(ctx, actor).load(kase.id)]);
    // A closed case suggests nothing more; reopening it brings the advice back.
    const current = kase.stage !== CaseStage.CLOSED && comparison && comparison.opinionCount === opinions.length ? comparison.outcome : null;
    // The case's coverage hints come from the insurance check, so the two panels never disagree.
    const hints = current ? await this.insurance.coverageHints(ctx, actor, kase) : [];
    return { ...opinionAdvice(current, opinions.length, hints), nextOpinionNumber: nextOpinionNumber(opinions.map((o) => o.number)) };
  }

  private async assertDocument(m: EntityManager, kase: PatientCase, id: string | null | undefined): Promise<string | null> {
    if (!id) return null;
    if (!isUuid(id)) throw notFound('Document');
    const doc = await m.findOne(CaseDocument, { where: { id, caseId: kase.id, organizationId: kase.organizationId }, select: { id: true } });
    if (!doc) throw notFound('Document');
    return doc.id;
  }

  private async assertCandidate(m: EntityManager, kase: PatientCase, id: string | null | undefined): Promise<string | null> {
    if (!id) return null;
    if (!isUuid(id) || !(await m.existsBy(ProviderCandidate, { id, caseId: kase.id, organizationId: kase.organizationId }))) throw notFound('Provider candidate');
    return id;
  }

  async add(actor: Actor, input: AddOpinionInput): Promise<PatientCase> {
    return this.dataSource.transaction(async (m) => {
      // The case row is locked so two opinions added at once never take the same number.
      const { kase, can } = await requireJourneyCase(this.access, actor, input.caseId, 'edit', 'Case', m, true);
      assertStaffOnlyField(can, input.staffNotes, 'staffNotes');
      const givenOn = assertOpinion(input, await orgTodayOf(m, this.clock, kase.organizationId));
      const [sourceDocumentId, candidateId] = [await this.assertDocument(m, kase, input.sourceDocumentId), await this.assertCandidate(m, kase, input.candidateId)];
      const numbers = (await m.find(CaseOpinion, { where: { caseId: kase.id }, select: { number: true } })).map((o) => o.number);
      const o = await m.save(
        m.create(CaseOpinion, {
          organizationId: kase.organizationId,
          caseId: kase.id,
          number: nextOpinionNumber(numbers),
          providerName: input.providerName.trim(),
          candidateId,
          givenOn,
          diagnosis: input.diagnosis.trim(),
          recommendedPlan: input.recommendedPlan.trim(),
          urgency: input.urgency,
          reasoning: input.reasoning.trim(),
          sourceDocumentId,
          staffNotes: input.staffNotes?.trim() ?? '',
          createdById: actor.userId,
        }),
      );
      await this.audit.record(actor, { action: 'opinion.create', entityType: 'opinion', entityId: o.id, caseId: kase.id, detail: { number: o.number } }, m);
      // The opinion is shared; its staff notes are read per receiver, so patients never get them.
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.OPINION_CHANGED, entityId: o.id, detail: { change: 'added', number: o.number } });
      return kase;
    });
  }

  async update(actor: Actor, input: UpdateOpinionInput): Promise<CaseOpinion> {
    assertJourneyId(input.id, WHAT);
    return this.dataSource.transaction(async (m) => {
      const o = await this.query(m, actor).andWhere('o.id = :id', { id: input.id }).setLock('pessimistic_write').getOne();
      if (!o) throw notFound(WHAT);
      const { kase, can } = await requireJourneyCase(this.access, actor, o.caseId, 'edit', WHAT, m);
      assertStaffOnlyField(can, input.staffNotes, 'staffNotes');
      assertFreshVersion(o, input.expectedVersion, 'opinion', {
        providerName: o.providerName,
        givenOn: o.givenOn,
        diagnosis: o.diagnosis,
        recommendedPlan: o.recommendedPlan,
        urgency: o.urgency,
        reasoning: o.reasoning,
      });
      o.givenOn = assertOpinion({ providerName: input.providerName ?? o.providerName, givenOn: input.givenOn ?? o.givenOn }, await orgTodayOf(m, this.clock, kase.organizationId));
      const fields: string[] = [];
      for (const k of ['providerName', 'diagnosis', 'recommendedPlan', 'reasoning', 'staffNotes'] as const) {
        const v = input[k];
        if (v === undefined || v === null) continue;
        o[k] = v.trim();
        fields.push(k);
      }
      if (input.urgency) {
        o.urgency = input.urgency;
        fields.push('urgency');
      }
      const saved = await m.save(o);
      await this.audit.record(actor, { action: 'opinion.update', entityType: 'opinion', entityId: o.id, caseId: o.caseId, detail: { fields } }, m);
      for (const e of splitStaffFields({ kind: CaseEventKind.OPINION_CHANGED, entityId: o.id, detail: { change: 'edited', number: o.number } }, fields)) await this.events.publish(m, actor, kase, e);
      return saved;
    });
  }

  /** Staff or the patient judge how the opinions on the table relate; one judgment per round. */
  async compare(actor: Actor, input: CompareOpinionsInput): Promise<PatientCase> {
    return this.dataSource.transaction(async (m) => {
      const { kase } = await requireJourneyCase(this.access, actor, input.caseId, 'edit', 'Case', m, true);
      const count = await m.count(CaseOpinion, { where: { caseId: kase.id } });
      assertCanCompare(count);
      const existing = await m.findOne(OpinionComparison, { where: { caseId: kase.id, opinionCount: count } });
      if (existing) {
        assertFreshVersion(existing, input.expectedVersion ?? 0, 'comparison', { outcome: existing.outcome, note: existing.note });
        Object.assign(existing, { outcome: input.outcome, note: input.note?.trim() ?? existing.note, byUserId: actor.userId });
        await m.save(existing);
      } else {
        await m.insert(OpinionComparison, {
          organizationId: kase.organizationId,
          caseId: kase.id,
          opinionCount: count,
          outcome: input.outcome,
          note: input.note?.trim() ?? '',
          byUserId: actor.userId,
        });
      }
      await this.audit.record(actor, { action: 'opinion.compare', entityType: 'case', entityId: kase.id, caseId: kase.id, detail: { outcome: input.outcome, opinionCount: count } }, m);
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.OPINIONS_COMPARED, entityId: kase.id, detail: { outcome: input.outcome } });
      return kase;
    });
  }

  /**
   * Another opinion on the same case: every opinion and judgment so far stays, and the case
   * goes back to choosing a provider (a stage move, so staff who move stages do it).
   */
  async startNextRound(actor: Actor, caseId: string): Promise<PatientCase> {
    return this.dataSource.transaction(async (m) => {
      const { kase } = await requireJourneyCase(this.access, actor, caseId, 'moveStage', 'Case', m, true);
      const count = await m.count(CaseOpinion, { where: { caseId: kase.id } });
      const latest = await m.findOne(OpinionComparison, { where: { caseId: kase.id, opinionCount: count } });
      assertCanStartNextRound(count >= 2 ? (latest?.outcome ?? null) : null);
      const saved = await moveStageWithin(m, this.audit, this.events, actor, kase, CaseStage.CHOOSE_PROVIDER, this.clock.now(), 'nextRound');
      await this.audit.record(actor, { action: 'opinion.start_round', entityType: 'case', entityId: kase.id, caseId: kase.id, detail: { nextOpinion: count + 1 } }, m);
      return saved;
    });
  }
}
