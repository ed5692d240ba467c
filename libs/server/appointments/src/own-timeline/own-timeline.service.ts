import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, assertOwnTimelineEntry, CaseEventKind, assertPacketItemMove, notFound, orderOwnTimeline, PacketItemKind, PacketItemState, ResponsibleParty } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { CaseAccessService, PatientCase } from '@second-look/server-cases';
import { CaseEventsPublisher } from '@second-look/server-collaboration';
import { PacketItem } from '@second-look/server-records';
import { assertFreshVersion, Clock, GqlContext, perRequest } from '@second-look/server-platform';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { AddOwnTimelineEntryInput, UpdateOwnTimelineEntryInput } from '../appointments.model';
import { assertJourneyId, orgTodayOf, requireJourneyCase } from '../case-scope';
import { OwnTimelineEntry } from './own-timeline-entry.entity';

const WHAT = 'Timeline entry';

/** The patient's own log of symptoms and treatments tried; it is the packet's "own timeline" item. */
@Injectable()
export class OwnTimelineService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: CaseEventsPublisher,
  ) {}

  loader(ctx: GqlContext, actor: Actor): DataLoader<string, OwnTimelineEntry[]> {
    return perRequest(
      ctx,
      'ownTimeline',
      () =>
        new DataLoader<string, OwnTimelineEntry[]>(async (caseIds) => {
          const rows = await this.dataSource
            .getRepository(OwnTimelineEntry)
            .createQueryBuilder('t')
            .where('t.case_id IN (:...caseIds) AND t.organization_id = :org', { caseIds: [...caseIds], org: actor.organizationId })
            .getMany();
          return caseIds.map((id) => orderOwnTimeline(rows.filter((r) => r.caseId === id)));
        }),
    );
  }

  /**
   * The log is the packet's own-timeline item: the first entry marks it received (creating it if
   * the packet lacks one), so the packet shows it in hand without the patient uploading a file.
   */
  private async feedPacket(m: EntityManager, actor: Actor, kase: PatientCase): Promise<void> {
    const item = await m.findOne(PacketItem, { where: { caseId: kase.id, kind: PacketItemKind.OWN_TIMELINE }, order: { createdAt: 'ASC' } });
    if (!item) {
      const created = await m.save(
        m.create(PacketItem, { organizationId: kase.organizationId, caseId: kase.id, kind: PacketItemKind.OWN_TIMELINE, state: PacketItemState.RECEIVED, responsible: ResponsibleParty.PATIENT }),
      );
      await this.audit.record(actor, { action: 'packet_item.create', entityType: 'packet_item', entityId: created.id, caseId: kase.id, detail: { from: 'own_timeline' } }, m);
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.PACKET_ITEM_ADDED, entityId: created.id, detail: { itemKind: created.kind } });
      return;
    }
    if (item.state !== PacketItemState.NEEDED && item.state !== PacketItemState.REQUESTED) return;
    assertPacketItemMove(item.state, PacketItemState.RECEIVED);
    item.state = PacketItemState.RECEIVED;
    await m.save(item);
    await this.audit.record(actor, { action: 'packet_item.update', entityType: 'packet_item', entityId: item.id, caseId: kase.id, detail: { fields: ['state'], from: 'own_timeline' } }, m);
  }

  async add(actor: Actor, input: AddOwnTimelineEntryInput): Promise<PatientCase> {
    return this.dataSource.transaction(async (m) => {
      const { kase } = await requireJourneyCase(this.access, actor, input.caseId, 'edit', 'Case', m, true);
      const today = await orgTodayOf(m, this.clock, kase.organizationId);
      const occurredOn = assertOwnTimelineEntry(input, today);
      const entry = await m.save(
        m.create(OwnTimelineEntry, {
          organizationId: kase.organizationId,
          caseId: kase.id,
          occurredOn,
          kind: input.kind,
          what: input.what.trim(),
          severity: input.severity ?? null,
          howItWent: input.howItWent?.trim() ?? '',
          createdById: actor.userId,
        }),
      );
      await this.audit.record(actor, { action: 'own_timeline.create', entityType: 'own_timeline_entry', entityId: entry.id, caseId: kase.id }, m);
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.OWN_TIMELINE_CHANGED, entityId: entry.id, detail: { change: 'added' } });
      await this.feedPacket(m, actor, kase);
      return kase;
    });
  }

  private async find(m: EntityManager, actor: Actor, id: string): Promise<{ entry: OwnTimelineEntry; kase: PatientCase }> {
    assertJourneyId(id, WHAT);
    const entry = await m.findOne(OwnTimelineEntry, { where: { id, organizationId: actor.organizationId }, lock: { mode: 'pessimistic_write' } });
    if (!entry) throw notFound(WHAT);
    const { kase } = await requireJourneyCase(this.access, actor, entry.caseId, 'edit', WHAT, m);
    return { entry, kase };
  }

  async update(actor: Actor, input: UpdateOwnTimelineEntryInput): Promise<OwnTimelineEntry> {
    return this.dataSource.transaction(async (m) => {
      const { entry, kase } = await this.find(m, actor, input.id);
      assertFreshVersion(entry, input.expectedVersion, 'entry', { occurredOn: entry.occurredOn, kind: entry.kind, what: entry.what, severity: entry.severity, howItWent: entry.howItWent });
      const next = { occurredOn: input.occurredOn ?? entry.occurredOn, kind: input.kind ?? entry.kind, what: input.what ?? entry.what };
      entry.occurredOn = assertOwnTimelineEntry(next, await orgTodayOf(m, this.clock, kase.organizationId));
      entry.kind = next.kind;
      entry.what = next.what.trim();
      if (input.severity !== undefined) entry.severity = input.severity ?? null;
      if (input.howItWent !== undefined && input.howItWent !== null) entry.howItWent = input.howItWent.trim();
      const saved = await m.save(entry);
      await this.audit.record(actor, { action: 'own_timeline.update', entityType: 'own_timeline_entry', entityId: entry.id, caseId: entry.caseId }, m);
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.OWN_TIMELINE_CHANGED, entityId: entry.id, detail: { change: 'edited' } });
      return saved;
    });
  }

  async remove(actor: Actor, id: string): Promise<PatientCase> {
    return this.dataSource.transaction(async (m) => {
      const { entry, kase } = await this.find(m, actor, id);
      await m.delete(OwnTimelineEntry, { id: entry.id });
      await this.audit.record(actor, { action: 'own_timeline.delete', entityType: 'own_timeline_entry', entityId: entry.id, caseId: entry.caseId }, m);
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.OWN_TIMELINE_CHANGED, entityId: entry.id, removed: true, detail: { change: 'removed' } });
      return kase;
    });
  }
}
