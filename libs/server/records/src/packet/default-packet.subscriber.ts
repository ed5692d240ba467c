import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { defaultPacketFor } from '@second-look/domain';
import { AuditModule, AuditService } from '@second-look/server-audit';
import { CaseCreatedEvent } from '@second-look/server-cases';
import { DomainEvents, DomainEventsModule } from '@second-look/server-platform';
import { PacketItem } from './packet-item.entity';

/** A new case starts with the packet its reasons call for (slides for a suspected cancer...). */
@Injectable()
export class DefaultPacketOnCaseCreated implements OnModuleInit {
  constructor(
    private readonly domainEvents: DomainEvents,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.domainEvents.on(CaseCreatedEvent, async (m, { actor, kase }) => {
      const items = defaultPacketFor(kase.triggers, kase.urgency);
      if (!items.length) return;
      await m.insert(
        PacketItem,
        items.map((t) => ({ organizationId: kase.organizationId, caseId: kase.id, kind: t.kind, responsible: t.responsible })),
      );
      await this.audit.record(actor, { action: 'packet.create_default', entityType: 'case', entityId: kase.id, caseId: kase.id, detail: { items: items.length } }, m);
    });
  }
}

/**
 * The records library's part of a new case, wherever cases are created: the API (RecordsModule)
 * and the worker (client imports, docs/import.md).
 */
@Module({ imports: [DomainEventsModule, AuditModule], providers: [DefaultPacketOnCaseCreated] })
export class RecordsCaseDefaultsModule {}
