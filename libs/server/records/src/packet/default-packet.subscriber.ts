import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { defaultPacketFor } from '@second-look/domain';
import { AuditModule, AuditService } from '@second-look/server-audit';
import { CasesCreatedEvent } from '@second-look/server-cases';
import { DomainEvents, DomainEventsModule } from '@second-look/server-platform';

/** A new case starts with the packet its reasons call for (slides for a suspected cancer...). */
@Injectable()
export class DefaultPacketOnCaseCreated implements OnModuleInit {
  constructor(
    private readonly domainEvents: DomainEvents,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    // Every case of the batch (one opened by hand, or a client import's): one INSERT, one audit statement.
    this.domainEvents.on(CasesCreatedEvent, async (m, { actor, cases }) => {
      const packets = cases.map((kase) => ({ kase, items: defaultPacketFor(kase.triggers, kase.urgency) })).filter((p) => p.items.length);
      if (!packets.length) return;
      // Plain SQL with array parameters (the query builder costs more than the insert for a batch);
      // the columns not named keep their defaults.
      const rows = packets.flatMap(({ kase, items }) => items.map((t) => ({ kase, kind: t.kind, responsible: t.responsible })));
      await m.query(
        `INSERT INTO packet_item (organization_id, case_id, kind, responsible, version)
         SELECT x.organization_id, x.case_id, x.kind, x.responsible, 1 FROM unnest($1::uuid[], $2::uuid[], $3::packet_item_kind[], $4::responsible_party[]) AS x(organization_id, case_id, kind, responsible)`,
        [rows.map((r) => r.kase.organizationId), rows.map((r) => r.kase.id), rows.map((r) => r.kind), rows.map((r) => r.responsible)],
      );
      await this.audit.record(
        actor,
        packets.map(({ kase, items }) => ({ action: 'packet.create_default', entityType: 'case', entityId: kase.id, caseId: kase.id, detail: { items: items.length } })),
        m,
      );
    });
  }
}

/**
 * The records library's part of a new case, wherever cases are created: the API (RecordsModule)
 * and the worker (client imports, docs/import.md).
 */
@Module({ imports: [DomainEventsModule, AuditModule], providers: [DefaultPacketOnCaseCreated] })
export class RecordsCaseDefaultsModule {}
