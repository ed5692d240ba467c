import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  assertHolderReceivedOn,
  assertSentOn,
  canMovePacketItem,
  CaseEventKind,
  DomainError,
  DomainErrorCode,
  extendLegalClock,
  isOutstandingState,
  LegalClock,
  notFound,
  PacketItemState,
  parseCalendarDate,
  planTargetDate,
  startLegalClock,
  CalendarDate,
  CaseStage,
  isAfter,
  todayInZone,
  DEFAULT_LANGUAGE,
} from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { CaseAccessService, CaseStageMovedEvent } from '@second-look/server-cases';
import { CaseEventsPublisher } from '@second-look/server-collaboration';
import { Clock, DomainEvents, GqlContext, perRequest } from '@second-look/server-platform';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { RecordHolderService } from '../holder/record-holder.service';
import { PacketItem } from '../packet/packet-item.entity';
import { CreateRecordRequestInput, LogRecordFollowUpInput, MarkRecordsReceivedInput, RecordLegalExtensionInput, RecordRequestFeeInput } from '../records.model';
import { assertId, orgToday, requireCaseOf } from '../scope';
import { RecordFollowUp } from './record-follow-up.entity';
import { RecordReminderScheduler } from './record-reminder.scheduler';
import { RecordRequestItem } from './record-request-item.entity';
import { RecordRequest } from './record-request.entity';

const WHAT = 'Record request';

@Injectable()
export class RecordRequestService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly holders: RecordHolderService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly reminders: RecordReminderScheduler,
    private readonly domainEvents: DomainEvents,
    private readonly events: CaseEventsPublisher,
  ) {}

  onModuleInit(): void {
    // A closed case chases nobody: its open requests' pending reminders are cancelled in the
    // closing transaction; reopening it schedules them again from the requests' dates.
    this.domainEvents.on(CaseStageMovedEvent, async (m, { kase, from, to }) => {
      if (from !== CaseStage.CLOSED && to !== CaseStage.CLOSED) return;
      const open = await m.find(RecordRequest, { where: { caseId: kase.id, organizationId: kase.organizationId, completedOn: IsNull() } });
      if (to === CaseStage.CLOSED)
        await this.reminders.cancel(
          m,
          open.map((r) => r.id),
        );
      else for (const r of open) await this.reminders.reschedule(m, r);
    });
  }

  today(actor: Actor, manager: EntityManager = this.dataSource.manager): Promise<CalendarDate> {
    return orgToday(manager, this.clock, actor.organizationId);
  }

  /** "Today" once per GraphQL request, for every row it computes a status for. */
  todayFor(ctx: GqlContext, actor: Actor): Promise<CalendarDate> {
    return perRequest(ctx, 'org-today', () => (ctx.timeZone ? Promise.resolve(todayInZone(this.clock.now(), ctx.timeZone)) : this.today(actor)));
  }

  /** Loads a request the caller may act on through its case; otherwise "Record request not found". */
  async load(actor: Actor, id: string, permission: 'read' | 'edit', manager: EntityManager = this.dataSource.manager, lock = false) {
    assertId(id, WHAT);
    const request = await manager.findOne(RecordRequest, { where: { id, organizationId: actor.organizationId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!request) throw notFound(WHAT);
    const { kase } = await requireCaseOf(this.access, actor, request.caseId, permission, WHAT, manager);
    return { request, kase };
  }

  async get(actor: Actor, id: string): Promise<RecordRequest> {
    const { request } = await this.load(actor, id, 'read');
    await this.audit.record(actor, { action: 'record_request.read', entityType: 'record_request', entityId: id, caseId: request.caseId });
    return request;
  }

  async create(actor: Actor, input: CreateRecordRequestInput): Promise<RecordRequest> {
    const ids = [...new Set(input.packetItemIds)];
    ids.forEach((id) => assertId(id, 'Packet item'));
    return this.dataSource.transaction(async (m) => {
      const { kase } = await requireCaseOf(this.access, actor, input.caseId, 'edit', 'Case', m);
      // One holder: from the directory, or a new one added with the request (in this
      // transaction, so a refused request leaves no stray holder behind).
      if (!input.holderId === !input.newHolder) {
        throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'Choose who holds the records, or add a new one, but not both.', { field: 'holderId' });
      }
      if (input.newHolder && !input.newHolder.name?.trim()) {
        throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'Please give the name of the provider or facility.', { field: 'newHolder.name' });
      }
      const today = await this.today(actor, m);
      const sentOn = parseCalendarDate(input.sentOn, 'sentOn');
      assertSentOn(sentOn, today);
      const received = input.holderReceivedOn ? parseCalendarDate(input.holderReceivedOn, 'holderReceivedOn') : null;
      if (received) assertHolderReceivedOn(received, sentOn, today);
      const items = await m.find(PacketItem, { where: { id: In(ids), caseId: kase.id, organizationId: actor.organizationId }, lock: { mode: 'pessimistic_write' } });
      if (items.length !== ids.length) throw notFound('Packet item');
      const holder = input.newHolder ? await this.holders.create(actor, input.newHolder, m) : await this.holders.requireInOrg(actor, input.holderId as string);
      const legal = startLegalClock(sentOn, received);
      const request = await m.save(
        m.create(RecordRequest, {
          organizationId: actor.organizationId,
          caseId: kase.id,
          holderId: holder.id,
          method: input.method,
          sentOn,
          holderReceivedOn: received,
          planTargetOn: planTargetDate(sentOn, kase.urgency),
          legalDueOn: legal.dueOn,
          originalLegalDueOn: legal.originalDueOn,
          letter: input.letter?.trim() ?? '',
          letterLanguage: input.letterLanguage ?? DEFAULT_LANGUAGE,
          createdById: actor.userId,
        }),
      );
      await m.insert(
        RecordRequestItem,
        items.map((i) => ({ requestId: request.id, packetItemId: i.id })),
      );
      // The items are now asked for; an item already received or sent on keeps its state.
      const toRequest = items.filter((i) => i.state !== PacketItemState.REQUESTED && canMovePacketItem(i.state, PacketItemState.REQUESTED) && isOutstandingState(i.state));
      for (const i of toRequest) await m.update(PacketItem, { id: i.id }, { state: PacketItemState.REQUESTED, holderId: i.holderId ?? holder.id, version: () => 'version + 1' });
      await this.audit.record(actor, { action: 'record_request.create', entityType: 'record_request', entityId: request.id, caseId: kase.id, detail: { items: ids.length } }, m);
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.RECORD_REQUEST_CREATED, entityId: request.id, detail: { count: ids.length } });
      await this.reminders.schedule(m, request);
      return request;
    });
  }

  /** The holder's written notice of an extension: once, with a reason, at most 60 days from receipt. */
  async recordExtension(actor: Actor, input: RecordLegalExtensionInput): Promise<RecordRequest> {
    return this.dataSource.transaction(async (m) => {
      const { request } = await this.load(actor, input.requestId, 'edit', m, true);
      const today = await this.today(actor, m);
      const clock: LegalClock = {
        holderReceivedOn: (request.holderReceivedOn ?? request.sentOn) as CalendarDate,
        dueOn: request.legalDueOn as CalendarDate,
        originalDueOn: request.originalLegalDueOn as CalendarDate,
        extension: request.extensionReason ? { newDueOn: request.legalDueOn as CalendarDate, reason: request.extensionReason } : null,
      };
      const extended = extendLegalClock(clock, { newDueOn: parseCalendarDate(input.newDueOn, 'newDueOn'), reason: input.reason }, today);
      request.legalDueOn = extended.dueOn;
      request.extensionReason = extended.extension?.reason ?? input.reason.trim();
      request.extensionRecordedOn = today;
      const saved = await m.save(request);
      // The legal date moved: the pending legal reminders go, the new dates' come.
      await this.reminders.reschedule(m, saved);
      await this.audit.record(actor, { action: 'record_request.extend', entityType: 'record_request', entityId: request.id, caseId: request.caseId }, m);
      await this.events.publish(m, actor, request, { kind: CaseEventKind.RECORD_REQUEST_UPDATED, entityId: request.id, detail: { fields: ['legalDueOn'] } });
      return saved;
    });
  }

  async logFollowUp(actor: Actor, input: LogRecordFollowUpInput): Promise<RecordFollowUp> {
    return this.dataSource.transaction(async (m) => {
      const { request } = await this.load(actor, input.requestId, 'edit', m);
      const followUp = await m.save(
        m.create(RecordFollowUp, { organizationId: actor.organizationId, requestId: request.id, channel: input.channel, outcome: input.outcome.trim(), byUserId: actor.userId, at: this.clock.now() }),
      );
      await this.audit.record(actor, { action: 'record_request.follow_up', entityType: 'record_request', entityId: request.id, caseId: request.caseId }, m);
      await this.events.publish(m, actor, request, { kind: CaseEventKind.RECORD_REQUEST_UPDATED, entityId: request.id, detail: { fields: ['followUps'] } });
      return followUp;
    });
  }

  /** Marks some or all items received; the request is complete once nothing is outstanding. */
  async markReceived(actor: Actor, input: MarkRecordsReceivedInput): Promise<RecordRequest> {
    const ids = [...new Set(input.packetItemIds)];
    ids.forEach((id) => assertId(id, 'Packet item'));
    return this.dataSource.transaction(async (m) => {
      const { request } = await this.load(actor, input.requestId, 'edit', m, true);
      const today = await this.today(actor, m);
      const receivedOn = input.receivedOn ? parseCalendarDate(input.receivedOn, 'receivedOn') : today;
      if (isAfter(receivedOn, today)) {
        throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'Records cannot be received in the future.', { field: 'receivedOn' });
      }
      if (receivedOn < request.sentOn) {
        throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'Records cannot arrive before the request was sent.', { field: 'receivedOn' });
      }
      const links = await m.find(RecordRequestItem, { where: { requestId: request.id } });
      const unknown = ids.filter((id) => !links.some((l) => l.packetItemId === id));
      if (unknown.length) throw notFound('Packet item');
      await m.update(RecordRequestItem, { requestId: request.id, packetItemId: In(ids) }, { receivedOn });
      const items = await m.find(PacketItem, { where: { id: In(ids) }, lock: { mode: 'pessimistic_write' } });
      for (const i of items) {
        if (i.state !== PacketItemState.RECEIVED && canMovePacketItem(i.state, PacketItemState.RECEIVED)) {
          await m.update(PacketItem, { id: i.id }, { state: PacketItemState.RECEIVED, version: () => 'version + 1' });
        }
      }
      const states = await m.find(PacketItem, { where: { id: In(links.map((l) => l.packetItemId)) }, select: { id: true, state: true } });
      const outstanding = states.some((s) => isOutstandingState(s.state));
      const wasComplete = !!request.completedOn;
      request.completedOn = outstanding ? null : receivedOn;
      const saved = await m.save(request);
      // Everything is in: nobody needs chasing any more, so the pending reminders are cancelled.
      if (!outstanding && !wasComplete) await this.reminders.cancel(m, [request.id]);
      await this.audit.record(
        actor,
        { action: 'record_request.receive', entityType: 'record_request', entityId: request.id, caseId: request.caseId, detail: { items: ids.length, complete: !outstanding } },
        m,
      );
      await this.events.publish(m, actor, request, { kind: CaseEventKind.RECORD_REQUEST_UPDATED, entityId: request.id, detail: { fields: ['received'], count: ids.length } });
      return saved;
    });
  }

  /** The fee the holder charged: a versioned field edit, refused as stale over someone else's save. */
  async setFee(actor: Actor, input: RecordRequestFeeInput): Promise<RecordRequest> {
    return this.dataSource.transaction(async (m) => {
      const { request } = await this.load(actor, input.requestId, 'edit', m, true);
      if (request.version !== input.expectedVersion) {
        throw new DomainError(DomainErrorCode.STALE_VERSION, 'Someone else changed this request while you were editing. Compare their fee with yours and choose which to keep.', {
          currentVersion: request.version,
          current: { feeCents: request.feeCents },
        });
      }
      request.feeCents = input.feeCents;
      const saved = await m.save(request);
      await this.audit.record(actor, { action: 'record_request.fee', entityType: 'record_request', entityId: request.id, caseId: request.caseId }, m);
      await this.events.publish(m, actor, request, { kind: CaseEventKind.RECORD_REQUEST_UPDATED, entityId: request.id, detail: { fields: ['fee'] } });
      return saved;
    });
  }

  /** Requests of many cases (already read through the case scope), newest first. */
  byCaseLoader(ctx: GqlContext, actor: Actor): DataLoader<string, RecordRequest[]> {
    return perRequest(
      ctx,
      'requests-by-case',
      () =>
        new DataLoader<string, RecordRequest[]>(async (caseIds) => {
          const rows = await this.dataSource.getRepository(RecordRequest).find({ where: { caseId: In([...caseIds]), organizationId: actor.organizationId }, order: { sentOn: 'DESC', id: 'ASC' } });
          return caseIds.map((id) => rows.filter((r) => r.caseId === id));
        }),
    );
  }

  itemsLoader(ctx: GqlContext): DataLoader<string, RecordRequestItem[]> {
    return perRequest(
      ctx,
      'request-items',
      () =>
        new DataLoader<string, RecordRequestItem[]>(async (requestIds) => {
          const rows = await this.dataSource.getRepository(RecordRequestItem).find({ where: { requestId: In([...requestIds]) } });
          return requestIds.map((id) => rows.filter((r) => r.requestId === id));
        }),
    );
  }

  followUpsLoader(ctx: GqlContext): DataLoader<string, RecordFollowUp[]> {
    return perRequest(
      ctx,
      'request-follow-ups',
      () =>
        new DataLoader<string, RecordFollowUp[]>(async (requestIds) => {
          const rows = await this.dataSource.getRepository(RecordFollowUp).find({ where: { requestId: In([...requestIds]) }, order: { at: 'DESC' } });
          return requestIds.map((id) => rows.filter((r) => r.requestId === id));
        }),
    );
  }
}
