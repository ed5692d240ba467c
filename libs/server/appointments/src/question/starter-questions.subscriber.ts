import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { STARTER_QUESTION_ORDER } from '@second-look/domain';
import { AuditModule, AuditService } from '@second-look/server-audit';
import { CasesCreatedEvent } from '@second-look/server-cases';
import { DomainEvents, DomainEventsModule } from '@second-look/server-platform';

/** A new case starts with the suggested questions, so the patient edits rather than starts from nothing. */
@Injectable()
export class StarterQuestionsOnCaseCreated implements OnModuleInit {
  constructor(
    private readonly domainEvents: DomainEvents,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    // Every case of the batch (one opened by hand, or a client import's): one INSERT, one audit statement.
    this.domainEvents.on(CasesCreatedEvent, async (m, { actor, cases }) => {
      // Plain SQL with array parameters, as the audit does: building this insert through the query
      // builder (seven rows a case) cost more than running it. The columns not named keep their defaults.
      const rows = cases.flatMap((kase) => STARTER_QUESTION_ORDER.map((starter, position) => ({ kase, starter, position })));
      await m.query(
        `INSERT INTO case_question (organization_id, case_id, starter, text, position, created_by_id, version)
         SELECT x.organization_id, x.case_id, x.starter, '', x.position, $1, 1 FROM unnest($2::uuid[], $3::uuid[], $4::starter_question[], $5::int[]) AS x(organization_id, case_id, starter, position)`,
        [actor.userId, rows.map((r) => r.kase.organizationId), rows.map((r) => r.kase.id), rows.map((r) => r.starter), rows.map((r) => r.position)],
      );
      await this.audit.record(
        actor,
        cases.map((kase) => ({ action: 'question.create_starters', entityType: 'case', entityId: kase.id, caseId: kase.id, detail: { count: STARTER_QUESTION_ORDER.length } })),
        m,
      );
    });
  }
}

/**
 * The appointments library's part of a new case, wherever cases are created: the API
 * (AppointmentsModule) and the worker (client imports, docs/import.md).
 */
@Module({ imports: [DomainEventsModule, AuditModule], providers: [StarterQuestionsOnCaseCreated] })
export class AppointmentsCaseDefaultsModule {}
