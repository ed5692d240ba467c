import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, assertPacketItemMove, CaseEventKind, DomainError, DomainErrorCode, isStaffRole, notFound } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { CaseAccessService } from '@second-look/server-cases';
import { CaseEventsPublisher } from '@second-look/server-collaboration';
import { GqlContext, perRequest } from '@second-look/server-platform';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { RecordHolderService } from '../holder/record-holder.service';
import { AddPacketItemInput, UpdatePacketItemInput } from '../records.model';
import { assertId, requireCaseOf } from '../scope';
import { PacketItem } from './packet-item.entity';

const WHAT = 'Packet item';

@Injectable()
export class PacketService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly holders: RecordHolderService,
    private readonly audit: AuditService,
    private readonly events: CaseEventsPublisher,
  ) {}

  private query(m: EntityManager, actor: Actor) {
    const q = m.getRepository(PacketItem).createQueryBuilder('p').where('p.organization_id = :org', { org: actor.organizationId });
    // Staff notes are selected for staff only: they never leave the database for anyone else.
    if (isStaffRole(actor.role)) q.addSelect('p.staffNotes');
    return q;
  }

  /** Packet items of many cases (already read through the case scope), batched per request. */
  loader(ctx: GqlContext, actor: Actor): DataLoader<string, PacketItem[]> {
    return perRequest(
      ctx,
      'packet',
      () =>
        new DataLoader<string, PacketItem[]>(async (caseIds) => {
          const rows = await this.query(this.dataSource.manager, actor)
            .andWhere('p.case_id IN (:...caseIds)', { caseIds: [...caseIds] })
            .orderBy('p.created_at', 'ASC')
            .addOrderBy('p.id')
            .getMany();
          return caseIds.map((id) => rows.filter((r) => r.caseId === id));
        }),
    );
  }

  /** Items by id, for request rows (callers pass ids of requests they may read). */
  itemLoader(ctx: GqlContext, actor: Actor): DataLoader<string, PacketItem | null> {
    return perRequest(
      ctx,
      'packet-items',
      () =>
        new DataLoader<string, PacketItem | null>(async (ids) => {
          const rows = await this.query(this.dataSource.manager, actor)
            .andWhere('p.id IN (:...ids)', { ids: [...ids] })
            .getMany();
          const byId = new Map(rows.map((r) => [r.id, r]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
  }

  async add(actor: Actor, input: AddPacketItemInput): Promise<PacketItem> {
    return this.dataSource.transaction(async (m) => {
      const { kase } = await requireCaseOf(this.access, actor, input.caseId, 'edit', 'Case', m);
      if (input.holderId) await this.holders.requireInOrg(actor, input.holderId);
      const item = await m.save(
        m.create(PacketItem, {
          organizationId: kase.organizationId,
          caseId: kase.id,
          kind: input.kind,
          title: input.title?.trim() ?? '',
          holderId: input.holderId ?? null,
          ...(input.responsible ? { responsible: input.responsible } : {}),
          notes: input.notes?.trim() ?? '',
        }),
      );
      await this.audit.record(actor, { action: 'packet_item.create', entityType: 'packet_item', entityId: item.id, caseId: kase.id }, m);
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.PACKET_ITEM_ADDED, entityId: item.id, detail: { itemKind: item.kind } });
      return item;
    });
  }

  async update(actor: Actor, input: UpdatePacketItemInput): Promise<PacketItem> {
    assertId(input.id, WHAT);
    return this.dataSource.transaction(async (m) => {
      const item = await this.query(m, actor).andWhere('p.id = :id', { id: input.id }).setLock('pessimistic_write').getOne();
      if (!item) throw notFound(WHAT);
      await requireCaseOf(this.access, actor, item.caseId, 'edit', WHAT, m);
      if (input.staffNotes !== undefined && input.staffNotes !== null && !isStaffRole(actor.role)) {
        throw new DomainError(DomainErrorCode.FORBIDDEN, 'Only staff can write staff notes.', { field: 'staffNotes' });
      }
      if (item.version !== input.expectedVersion) {
        throw new DomainError(DomainErrorCode.STALE_VERSION, 'Someone else changed this item while you were editing. Look at their version and choose which to keep.', {
          currentVersion: item.version,
          current: { title: item.title, state: item.state, responsible: item.responsible, notes: item.notes, holderId: item.holderId },
        });
      }
      if (input.holderId) await this.holders.requireInOrg(actor, input.holderId);
      if (input.state && input.state !== item.state) assertPacketItemMove(item.state, input.state);
      const fields: string[] = [];
      const set = <K extends 'title' | 'holderId' | 'state' | 'responsible' | 'notes' | 'staffNotes'>(k: K, v: PacketItem[K] | undefined | null) => {
        if (v === undefined || v === null) return;
        item[k] = v;
        fields.push(k);
      };
      set('title', input.title?.trim());
      set('holderId', input.holderId);
      set('state', input.state);
      set('responsible', input.responsible);
      set('notes', input.notes?.trim());
      set('staffNotes', input.staffNotes?.trim());
      const saved = await m.save(item);
      await this.audit.record(actor, { action: 'packet_item.update', entityType: 'packet_item', entityId: item.id, caseId: item.caseId, detail: { fields } }, m);
      // A change to staff notes alone is news for staff only; patients hear of the shared fields.
      const shared = fields.filter((f) => f !== 'staffNotes');
      await this.events.publish(m, actor, item, {
        kind: CaseEventKind.PACKET_ITEM_UPDATED,
        entityId: item.id,
        staffOnly: shared.length === 0 && fields.length > 0,
        detail: { fields: shared.length ? shared : fields, itemKind: item.kind },
      });
      return saved;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    assertId(id, WHAT);
    await this.dataSource.transaction(async (m) => {
      const item = await this.query(m, actor).andWhere('p.id = :id', { id }).getOne();
      if (!item) throw notFound(WHAT);
      await requireCaseOf(this.access, actor, item.caseId, 'edit', WHAT, m);
      const inRequest = await m.query(`SELECT 1 FROM record_request_item WHERE packet_item_id = $1 LIMIT 1`, [id]);
      if (inRequest.length) {
        throw new DomainError(DomainErrorCode.CONFLICT, 'This item is part of a record request. Mark it not available instead of removing it.');
      }
      await m.delete(PacketItem, { id });
      await this.audit.record(actor, { action: 'packet_item.delete', entityType: 'packet_item', entityId: id, caseId: item.caseId }, m);
      await this.events.publish(m, actor, item, { kind: CaseEventKind.PACKET_ITEM_REMOVED, entityId: id, removed: true, detail: { itemKind: item.kind } });
    });
  }
}
