import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, CaseEventKind, cleanQuestionText, DomainError, DomainErrorCode, MAX_QUESTIONS, missingStarterQuestions, moveQuestion, notFound } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { CaseAccessService, PatientCase } from '@second-look/server-cases';
import { CaseEventsPublisher } from '@second-look/server-collaboration';
import { assertFreshVersion, GqlContext, perRequest } from '@second-look/server-platform';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { AddCaseQuestionInput, MoveCaseQuestionInput, UpdateCaseQuestionInput } from '../appointments.model';
import { assertJourneyId, requireJourneyCase } from '../case-scope';
import { CaseQuestion } from './case-question.entity';

const WHAT = 'Question';

/** The patient's question list: the starter set, their own questions, in their order. */
@Injectable()
export class QuestionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly events: CaseEventsPublisher,
  ) {}

  /** Questions of many cases (already read through the case scope), in the patient's order. */
  loader(ctx: GqlContext, actor: Actor): DataLoader<string, CaseQuestion[]> {
    return perRequest(
      ctx,
      'caseQuestions',
      () =>
        new DataLoader<string, CaseQuestion[]>(async (caseIds) => {
          const rows = await this.dataSource
            .getRepository(CaseQuestion)
            .createQueryBuilder('q')
            .where('q.case_id IN (:...caseIds) AND q.organization_id = :org', { caseIds: [...caseIds], org: actor.organizationId })
            .orderBy('q.position', 'ASC')
            .addOrderBy('q.created_at', 'ASC')
            .getMany();
          return caseIds.map((id) => rows.filter((r) => r.caseId === id));
        }),
    );
  }

  private ordered(m: EntityManager, caseId: string): Promise<CaseQuestion[]> {
    return m.find(CaseQuestion, { where: { caseId }, order: { position: 'ASC', createdAt: 'ASC' } });
  }

  /** Writes 0..n-1 for the given order, touching only rows whose place changed. */
  private async renumber(m: EntityManager, order: CaseQuestion[], ids: string[]): Promise<void> {
    const byId = new Map(order.map((q) => [q.id, q]));
    for (const [position, id] of ids.entries()) {
      const q = byId.get(id);
      if (q && q.position !== position) await m.update(CaseQuestion, { id }, { position });
    }
  }

  /** The question within the caller's organization, with the case right checked; the case row is locked so positions change one at a time. */
  private async find(m: EntityManager, actor: Actor, id: string): Promise<{ q: CaseQuestion; kase: PatientCase }> {
    assertJourneyId(id, WHAT);
    const q = await m.findOne(CaseQuestion, { where: { id, organizationId: actor.organizationId } });
    if (!q) throw notFound(WHAT);
    const { kase } = await requireJourneyCase(this.access, actor, q.caseId, 'edit', WHAT, m, true);
    return { q, kase };
  }

  async add(actor: Actor, input: AddCaseQuestionInput): Promise<PatientCase> {
    const text = cleanQuestionText(input.text);
    return this.dataSource.transaction(async (m) => {
      const { kase } = await requireJourneyCase(this.access, actor, input.caseId, 'edit', 'Case', m, true);
      const order = await this.ordered(m, kase.id);
      if (order.length >= MAX_QUESTIONS) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, `A list can hold up to ${MAX_QUESTIONS} questions.`, { field: 'text' });
      const q = await m.save(m.create(CaseQuestion, { organizationId: kase.organizationId, caseId: kase.id, starter: null, text, position: order.length, createdById: actor.userId }));
      await this.audit.record(actor, { action: 'question.create', entityType: 'question', entityId: q.id, caseId: kase.id }, m);
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.QUESTION_CHANGED, entityId: q.id, detail: { change: 'added' } });
      return kase;
    });
  }

  /** Adds back the suggestions the list lacks (e.g. after removing some, or on an older case). */
  async addStarters(actor: Actor, caseId: string): Promise<PatientCase> {
    return this.dataSource.transaction(async (m) => {
      const { kase } = await requireJourneyCase(this.access, actor, caseId, 'edit', 'Case', m, true);
      const order = await this.ordered(m, kase.id);
      const missing = missingStarterQuestions(order.map((q) => q.starter)).slice(0, Math.max(0, MAX_QUESTIONS - order.length));
      if (missing.length) {
        await m.insert(
          CaseQuestion,
          missing.map((starter, i) => ({ organizationId: kase.organizationId, caseId: kase.id, starter, text: '', position: order.length + i, createdById: actor.userId })),
        );
        await this.audit.record(actor, { action: 'question.create_starters', entityType: 'case', entityId: kase.id, caseId: kase.id, detail: { count: missing.length } }, m);
        await this.events.publish(m, actor, kase, { kind: CaseEventKind.QUESTION_CHANGED, entityId: null, detail: { change: 'starters', count: missing.length } });
      }
      return kase;
    });
  }

  async update(actor: Actor, input: UpdateCaseQuestionInput): Promise<CaseQuestion> {
    const text = cleanQuestionText(input.text);
    return this.dataSource.transaction(async (m) => {
      const { q, kase } = await this.find(m, actor, input.id);
      assertFreshVersion(q, input.expectedVersion, 'question', { text: q.text, starter: q.starter });
      q.text = text;
      const saved = await m.save(q);
      await this.audit.record(actor, { action: 'question.update', entityType: 'question', entityId: q.id, caseId: q.caseId }, m);
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.QUESTION_CHANGED, entityId: q.id, detail: { change: 'edited' } });
      return saved;
    });
  }

  async move(actor: Actor, input: MoveCaseQuestionInput): Promise<PatientCase> {
    return this.dataSource.transaction(async (m) => {
      const { q, kase } = await this.find(m, actor, input.id);
      const order = await this.ordered(m, q.caseId);
      await this.renumber(
        m,
        order,
        moveQuestion(
          order.map((x) => x.id),
          q.id,
          input.direction,
        ),
      );
      await this.audit.record(actor, { action: 'question.move', entityType: 'question', entityId: q.id, caseId: q.caseId, detail: { direction: input.direction } }, m);
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.QUESTION_CHANGED, entityId: q.id, detail: { change: 'moved' } });
      return kase;
    });
  }

  async remove(actor: Actor, id: string): Promise<PatientCase> {
    return this.dataSource.transaction(async (m) => {
      const { q, kase } = await this.find(m, actor, id);
      await m.delete(CaseQuestion, { id: q.id });
      const order = await this.ordered(m, q.caseId);
      await this.renumber(
        m,
        order,
        order.map((x) => x.id),
      );
      await this.audit.record(actor, { action: 'question.delete', entityType: 'question', entityId: q.id, caseId: q.caseId }, m);
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.QUESTION_CHANGED, entityId: q.id, removed: true, detail: { change: 'removed' } });
      return kase;
    });
  }
}
