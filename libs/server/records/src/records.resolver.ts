import { Args, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, allowedPacketItemMoves, CaseEventKind, CalendarDate, ClockStatus, PacketItemState, STAFF_ROLES, storedRequestClock } from '@second-look/domain';
import { CaseAccessService, CaseModel } from '@second-look/server-cases';
import { CaseEventModel } from '@second-look/server-collaboration';
import { UserModel, UserService } from '@second-look/server-identity';
import { CurrentActor, GqlContext, GqlCtx, IdPipe, NullableInputArg, pageArg, pageSize, perRequest, RequireRoles, selectedFieldNames } from '@second-look/server-platform';
import { GraphQLResolveInfo } from 'graphql';
import DataLoader from 'dataloader';
import { CaseDocumentModel } from './document/case-document.model';
import { DocumentService } from './document/document.service';
import { RecordHolderService } from './holder/record-holder.service';
import { PacketService } from './packet/packet.service';
import {
  AddPacketItemInput,
  ClockReadingModel,
  CreateRecordRequestInput,
  LogRecordFollowUpInput,
  MarkRecordsReceivedInput,
  PacketItemModel,
  RecordBoardFilter,
  RecordBoardHolderGroup,
  RecordBoardModel,
  RecordBoardSort,
  RecordFollowUpModel,
  RecordHolderInput,
  RecordHolderModel,
  RecordLegalExtensionInput,
  RecordRequestFeeInput,
  RecordRequestItemModel,
  RecordRequestModel,
  UpdatePacketItemInput,
  UpdateRecordHolderInput,
} from './records.model';
import { BOARD_FIELDS, BoardInclude, RecordBoardService } from './request/record-board.service';
import { RecordRequestService } from './request/record-request.service';

@Resolver(() => RecordHolderModel)
export class RecordHolderResolver {
  constructor(private readonly holders: RecordHolderService) {}

  // Everyone of the organization may read the directory (names and contact details, nothing
  // about anyone's case), so a patient can ask a provider the organization already knows.
  @Query(() => [RecordHolderModel], { description: "The organization's providers and facilities that hold records (read-only for patients and caregivers)." })
  recordHolders(@CurrentActor() actor: Actor, @Args('search', { type: () => String, nullable: true }) search: string | null): Promise<RecordHolderModel[]> {
    return this.holders.list(actor, search);
  }

  @RequireRoles(...STAFF_ROLES)
  @Mutation(() => RecordHolderModel)
  createRecordHolder(@CurrentActor() actor: Actor, @Args('input') input: RecordHolderInput): Promise<RecordHolderModel> {
    return this.holders.create(actor, input);
  }

  @RequireRoles(...STAFF_ROLES)
  @Mutation(() => RecordHolderModel)
  updateRecordHolder(@CurrentActor() actor: Actor, @Args('input') input: UpdateRecordHolderInput): Promise<RecordHolderModel> {
    return this.holders.update(actor, input);
  }
}

/** The packet and the requests as fields of a case (the case was read through its scope). */
@Resolver(() => CaseModel)
export class CaseRecordsResolver {
  constructor(
    private readonly packetService: PacketService,
    private readonly requests: RecordRequestService,
  ) {}

  @ResolveField(() => [PacketItemModel])
  packet(@Parent() kase: CaseModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<PacketItemModel[]> {
    return this.packetService.loader(ctx, actor).load(kase.id);
  }

  @ResolveField(() => [RecordRequestModel])
  recordRequests(@Parent() kase: CaseModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<RecordRequestModel[]> {
    return this.requests.byCaseLoader(ctx, actor).load(kase.id);
  }
}

/** The changed packet item or request of a live event, read with the receiver's rights. */
@Resolver(() => CaseEventModel)
export class CaseEventRecordsResolver {
  constructor(
    private readonly packetService: PacketService,
    private readonly requests: RecordRequestService,
  ) {}

  @ResolveField(() => PacketItemModel, { nullable: true })
  packetItem(@Parent() e: CaseEventModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<PacketItemModel | null> | null {
    const kinds = [CaseEventKind.PACKET_ITEM_ADDED, CaseEventKind.PACKET_ITEM_UPDATED];
    return kinds.includes(e.kind) && e.entityId && !e.removed ? this.packetService.itemLoader(ctx, actor).load(e.entityId) : null;
  }

  @ResolveField(() => RecordRequestModel, { nullable: true })
  async recordRequest(@Parent() e: CaseEventModel, @CurrentActor() actor: Actor): Promise<RecordRequestModel | null> {
    if (![CaseEventKind.RECORD_REQUEST_CREATED, CaseEventKind.RECORD_REQUEST_UPDATED].includes(e.kind) || !e.entityId) return null;
    const { request } = await this.requests.load(actor, e.entityId, 'read');
    return request;
  }
}

@Resolver(() => PacketItemModel)
export class PacketItemResolver {
  constructor(
    private readonly packet: PacketService,
    private readonly holders: RecordHolderService,
    private readonly documents: DocumentService,
  ) {}

  @ResolveField(() => [CaseDocumentModel], { name: 'documents', description: 'Files attached to this item (upload with POST /api/packet-items/:id/documents).' })
  documentsOf(@Parent() item: PacketItemModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<CaseDocumentModel[]> {
    return this.documents.loader(ctx, actor).load(item.id);
  }

  @ResolveField(() => RecordHolderModel, { nullable: true })
  holder(@Parent() item: PacketItemModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<RecordHolderModel | null> | null {
    return item.holderId ? this.holders.loader(ctx, actor.organizationId).load(item.holderId) : null;
  }

  @ResolveField(() => [PacketItemState])
  allowedStateMoves(@Parent() item: PacketItemModel): PacketItemState[] {
    return allowedPacketItemMoves(item.state);
  }

  @Mutation(() => PacketItemModel, { description: 'Staff and the patient (or a caregiver with edit rights) add to the packet.' })
  addPacketItem(@CurrentActor() actor: Actor, @Args('input') input: AddPacketItemInput): Promise<PacketItemModel> {
    return this.packet.add(actor, input);
  }

  @Mutation(() => PacketItemModel, { description: 'Refused with STALE_VERSION when someone saved in between.' })
  updatePacketItem(@CurrentActor() actor: Actor, @Args('input') input: UpdatePacketItemInput): Promise<PacketItemModel> {
    return this.packet.update(actor, input);
  }

  @Mutation(() => Boolean)
  async removePacketItem(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, IdPipe) id: string): Promise<boolean> {
    await this.packet.remove(actor, id);
    return true;
  }
}

@Resolver(() => RecordRequestModel)
export class RecordRequestResolver {
  constructor(
    private readonly requests: RecordRequestService,
    private readonly board: RecordBoardService,
    private readonly holders: RecordHolderService,
    private readonly access: CaseAccessService,
    private readonly users: UserService,
  ) {}

  @Query(() => RecordRequestModel)
  recordRequest(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, IdPipe) id: string): Promise<RecordRequestModel> {
    return this.requests.get(actor, id);
  }

  @RequireRoles(...STAFF_ROLES)
  @Query(() => RecordBoardModel, { description: 'Every open record request of the organization, for coordinators.' })
  async recordBoard(
    @CurrentActor() actor: Actor,
    @GqlCtx() ctx: GqlContext,
    @NullableInputArg('filter', RecordBoardFilter) filter: RecordBoardFilter | null,
    @Args('sort', { type: () => RecordBoardSort, defaultValue: RecordBoardSort.LEGAL_DUE_ON }) sort: RecordBoardSort,
    @Args('first', pageArg('Query.recordBoard')) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RecordBoardModel> {
    const size = pageSize('Query.recordBoard', first);
    const today = await this.requests.todayFor(ctx, actor);
    // Read only what this query shows of each row (the web board skips letters and follow-ups).
    // Of the relations, the full rows only when asked for more than the web board shows.
    const row = selectedFieldNames(info, ['requests', 'nodes']);
    const beyond = (path: string[], board: ReadonlySet<string>) => [...selectedFieldNames(info, path)].some((f) => !board.has(f));
    const include: BoardInclude = {
      letter: row.has('letter'),
      followUps: row.has('followUps'),
      caseDetails: beyond(['requests', 'nodes', 'case'], BOARD_FIELDS.case),
      holderDetails: beyond(['requests', 'nodes', 'holder'], BOARD_FIELDS.holder),
      groupHolderDetails: beyond(['byHolder', 'holder'], BOARD_FIELDS.groupHolder),
      leadDetails: beyond(['requests', 'nodes', 'case', 'leadAdvocate'], BOARD_FIELDS.lead),
      packetItemDetails: beyond(['requests', 'nodes', 'items', 'packetItem'], BOARD_FIELDS.packetItem),
    };
    return { today, ...(await this.board.board(actor, today, filter ?? {}, sort, size, after, include)) };
  }

  @Mutation(() => RecordRequestModel, { description: 'Ask one record holder for packet items; computes the plan target and the legal due date.' })
  createRecordRequest(@CurrentActor() actor: Actor, @Args('input') input: CreateRecordRequestInput): Promise<RecordRequestModel> {
    return this.requests.create(actor, input);
  }

  @Mutation(() => RecordRequestModel, { description: "Record the holder's written extension (once, with reason, at most 60 days from receipt)." })
  recordLegalExtension(@CurrentActor() actor: Actor, @Args('input') input: RecordLegalExtensionInput): Promise<RecordRequestModel> {
    return this.requests.recordExtension(actor, input);
  }

  @Mutation(() => RecordFollowUpModel)
  logRecordFollowUp(@CurrentActor() actor: Actor, @Args('input') input: LogRecordFollowUpInput): Promise<RecordFollowUpModel> {
    return this.requests.logFollowUp(actor, input);
  }

  @Mutation(() => RecordRequestModel, { description: 'Mark some or all requested items received.' })
  markRecordsReceived(@CurrentActor() actor: Actor, @Args('input') input: MarkRecordsReceivedInput): Promise<RecordRequestModel> {
    return this.requests.markReceived(actor, input);
  }

  @Mutation(() => RecordRequestModel)
  setRecordRequestFee(@CurrentActor() actor: Actor, @Args('input') input: RecordRequestFeeInput): Promise<RecordRequestModel> {
    return this.requests.setFee(actor, input);
  }

  @ResolveField(() => CaseModel, { name: 'case' })
  caseOf(@Parent() r: RecordRequestModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext) {
    const loader = perRequest(
      ctx,
      'request-cases',
      () =>
        new DataLoader<string, CaseModel | null>(async (ids) => {
          const rows = await this.access
            .scoped(actor)
            .andWhere('c.id IN (:...ids)', { ids: [...ids] })
            .getMany();
          return ids.map((id) => rows.find((c) => c.id === id) ?? null);
        }),
    );
    return loader.load(r.caseId);
  }

  @ResolveField(() => RecordHolderModel)
  holder(@Parent() r: RecordRequestModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext) {
    return this.holders.loader(ctx, actor.organizationId).load(r.holderId);
  }

  // The board hands these over preresolved (RecordBoardService); elsewhere they are read here.
  @ResolveField(() => ClockReadingModel, { description: 'Against the plan target (1–2 weeks).' })
  async target(@Parent() r: RecordRequestModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<ClockReadingModel> {
    return clockOf(r, await this.requests.todayFor(ctx, actor)).target;
  }

  @ResolveField(() => ClockReadingModel, { description: 'Against the legal due date (30 days, or up to 60 with an extension).' })
  async legal(@Parent() r: RecordRequestModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<ClockReadingModel> {
    return clockOf(r, await this.requests.todayFor(ctx, actor)).legal;
  }

  @ResolveField(() => ClockStatus)
  async overall(@Parent() r: RecordRequestModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<ClockStatus> {
    return clockOf(r, await this.requests.todayFor(ctx, actor)).overall;
  }

  @ResolveField(() => Int, { description: 'Calendar days since it was sent (until it was completed).' })
  async ageDays(@Parent() r: RecordRequestModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<number> {
    return clockOf(r, await this.requests.todayFor(ctx, actor)).ageDays;
  }

  @ResolveField(() => [RecordRequestItemModel])
  items(@Parent() r: RecordRequestModel, @GqlCtx() ctx: GqlContext) {
    return this.requests.itemsLoader(ctx).load(r.id);
  }

  @ResolveField(() => [RecordFollowUpModel])
  followUps(@Parent() r: RecordRequestModel, @GqlCtx() ctx: GqlContext) {
    return this.requests.followUpsLoader(ctx).load(r.id);
  }
}

@Resolver(() => RecordRequestItemModel)
export class RecordRequestItemResolver {
  constructor(private readonly packet: PacketService) {}

  @ResolveField(() => PacketItemModel, { nullable: true })
  packetItem(@Parent() i: RecordRequestItemModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext) {
    return this.packet.itemLoader(ctx, actor).load(i.packetItemId);
  }
}

@Resolver(() => RecordFollowUpModel)
export class RecordFollowUpResolver {
  constructor(private readonly users: UserService) {}

  @ResolveField(() => UserModel, { nullable: true })
  by(@Parent() f: RecordFollowUpModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext) {
    return this.users.loader(ctx, actor.organizationId).load(f.byUserId);
  }
}

@Resolver(() => RecordBoardHolderGroup)
export class RecordBoardHolderGroupResolver {
  constructor(private readonly holders: RecordHolderService) {}

  @ResolveField(() => RecordHolderModel)
  holder(@Parent() g: RecordBoardHolderGroup, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext) {
    return this.holders.loader(ctx, actor.organizationId).load(g.holderId);
  }
}

function clockOf(r: RecordRequestModel, today: CalendarDate) {
  return storedRequestClock(
    { sentOn: r.sentOn as CalendarDate, planTargetOn: r.planTargetOn as CalendarDate, legalDueOn: r.legalDueOn as CalendarDate, completedOn: r.completedOn as CalendarDate | null },
    today,
  );
}
