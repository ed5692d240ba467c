import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { STARTER_QUESTION_ORDER } from '@second-look/domain';
import { AuditModule, AuditService } from '@second-look/server-audit';
import { CaseCreatedEvent } from '@second-look/server-cases';
import { DomainEvents, DomainEventsModule } from '@second-look/server-platform';
import { CaseQuestion } from './case-question.entity';

/** A new case starts with the suggested questions, so the patient edits rather than starts from nothing. */
@Injectable()
export class StarterQuestionsOnCaseCreated implements OnModuleInit {
  constructor(
    private readonly domainEvents: DomainEvents,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.domainEvents.on(CaseCreatedEvent, async (m, { actor, kase }) => {
      await m.insert(
        CaseQuestion,
        STARTER_QUESTION_ORDER.map((starter, position) => ({ organizationId: kase.organizationId, caseId: kase.id, starter, text: '', position, createdById: actor.userId })),
      );
      await this.audit.record(actor, { action: 'question.create_starters', entityType: 'case', entityId: kase.id, caseId: kase.id, detail: { count: STARTER_QUESTION_ORDER.length } }, m);
    });
  }
}

/**
 * The appointments library's part of a new case, wherever cases are created: the API
 * (AppointmentsModule) and the worker (client imports, docs/import.md).
 */
@Module({ imports: [DomainEventsModule, AuditModule], providers: [StarterQuestionsOnCaseCreated] })
export class AppointmentsCaseDefaultsModule {}
