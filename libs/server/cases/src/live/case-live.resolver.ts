import { Args, ID, Mutation, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Actor, CaseArea, CaseEventKind, DomainError, DomainErrorCode, isStaffRole, mayReceiveEvent } from '@second-look/domain';
import { CaseEventModel, CaseLiveService, LiveAuditBatcher, LiveConnections, PresenceEntry } from '@second-look/server-collaboration';
import { UserModel, UserService } from '@second-look/server-identity';
import { CurrentActor, GqlContext, GqlCtx, IdPipe, NullableInputArg, pageArg, pageSize } from '@second-look/server-platform';
import { CaseAccessService } from '../case/case-access.service';
import { CaseModel, CommentModel } from '../case/case.model';
import { PatientCase } from '../case/patient-case.entity';
import { CommentService } from '../comment/comment.service';
import { CaseActivityService } from './case-activity.service';
import { CaseActivityConnection, CaseActivityFilter, CaseActivityModel, CasePresenceModel, SetCasePresenceArgs, VIEW_ID } from './case-live.model';

/** Audit entity type per event kind (what was read when the event was delivered). */
const ENTITY_TYPE: Partial<Record<CaseEventKind, string>> = {
  [CaseEventKind.COMMENT_ADDED]: 'comment',
  [CaseEventKind.PACKET_ITEM_ADDED]: 'packet_item',
  [CaseEventKind.PACKET_ITEM_UPDATED]: 'packet_item',
  [CaseEventKind.PACKET_ITEM_REMOVED]: 'packet_item',
  [CaseEventKind.RECORD_REQUEST_CREATED]: 'record_request',
  [CaseEventKind.RECORD_REQUEST_UPDATED]: 'record_request',
  [CaseEventKind.QUESTION_CHANGED]: 'question',
  [CaseEventKind.APPOINTMENT_CHANGED]: 'appointment',
  [CaseEventKind.ANSWER_CHANGED]: 'appointment',
  [CaseEventKind.OWN_TIMELINE_CHANGED]: 'own_timeline_entry',
  [CaseEventKind.OPINION_CHANGED]: 'opinion',
  [CaseEventKind.DECISION_CHANGED]: 'decision',
  [CaseEventKind.PROVIDER_CHANGED]: 'provider_candidate',
  [CaseEventKind.INSURANCE_CHANGED]: 'insurance',
};

/**
 * Live views of one case: its events, who else is on it, and its activity feed. A live event
 * is a read: the receiver's case scope is checked again for every event (so someone removed
 * from a case stops hearing about it at once), staff-only events never reach a patient or
 * caregiver, and each delivered event is audited (see LiveAuditBatcher for the volume).
 */
@Resolver(() => CaseEventModel)
export class CaseLiveResolver {
  constructor(
    private readonly access: CaseAccessService,
    private readonly live: CaseLiveService,
    private readonly liveAudit: LiveAuditBatcher,
    private readonly comments: CommentService,
    private readonly users: UserService,
    private readonly connections: LiveConnections,
  ) {}

  @Subscription(() => CaseEventModel, {
    description: 'Changes to a case as they happen (starts with SUBSCRIBED: refetch once then, and after every reconnect).',
    resolve: (payload: { caseEvents: CaseEventModel }) => payload.caseEvents,
  })
  async caseEvents(@CurrentActor() actor: Actor, @Args('caseId', { type: () => ID }, IdPipe) caseId: string, @GqlCtx() ctx: GqlContext) {
    const { kase } = await this.access.load(actor, caseId);
    await this.liveAudit.record(actor, { action: 'case.live.subscribe', entityType: 'case', entityId: kase.id, caseId: kase.id });
    const staff = isStaffRole(actor.role);
    const socket = ctx.live?.connectionId;
    return this.live.caseEvents(kase.id, kase.organizationId, async (event) => {
      if (!mayReceiveEvent(event, { staff })) return null;
      // A signed-out or changed session gets nothing more (cached per socket; see LiveConnections).
      if (!(await this.connections.mayDeliver(socket))) return null;
      // Throws NOT_FOUND when the receiver lost access: the stream ends, nothing is sent.
      const { kase: current } = await this.access.load(actor, caseId);
      if (event.kind !== CaseEventKind.SUBSCRIBED) {
        await this.liveAudit.record(actor, {
          action: 'case.live.event',
          entityType: ENTITY_TYPE[event.kind] ?? 'case',
          entityId: event.entityId ?? current.id,
          caseId: current.id,
          detail: { kind: event.kind },
        });
      }
      // Each event is its own read: no DataLoader result of an earlier event is reused.
      ctx.memo = new Map();
      // The checks above awaited: a revocation heard meanwhile still stops this event.
      if (!(await this.connections.mayDeliver(socket))) return null;
      return { ...event, receiverCase: current };
    });
  }

  @ResolveField(() => CaseModel, { name: 'case', description: 'The case as you may see it now.' })
  caseOf(@Parent() e: CaseEventModel): PatientCase | null {
    return (e.receiverCase as PatientCase | undefined) ?? null;
  }

  @ResolveField(() => CommentModel, { nullable: true })
  comment(@Parent() e: CaseEventModel, @CurrentActor() actor: Actor): Promise<CommentModel | null> | null {
    return e.kind === CaseEventKind.COMMENT_ADDED && e.entityId ? this.comments.findVisible(actor, e.caseId, e.entityId) : null;
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Who made the change.' })
  actor(@Parent() e: CaseEventModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<UserModel | null> | null {
    return e.actorId ? this.users.loader(ctx, actor.organizationId).load(e.actorId) : null;
  }
}

@Resolver(() => CasePresenceModel)
export class CasePresenceResolver {
  constructor(
    private readonly access: CaseAccessService,
    private readonly live: CaseLiveService,
    private readonly users: UserService,
    private readonly connections: LiveConnections,
  ) {}

  @Subscription(() => [CasePresenceModel], {
    description: 'Who has this case open now; sent at the start and whenever it changes. Subscribing puts you on the list until you leave.',
    resolve: (payload: CasePresenceModel[]) => payload,
  })
  async casePresence(@CurrentActor() actor: Actor, @Args('caseId', { type: () => ID }, IdPipe) caseId: string, @Args('viewId') viewId: string, @GqlCtx() ctx: GqlContext) {
    if (!VIEW_ID.test(viewId)) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The page id is not valid.', { field: 'viewId' });
    const { kase } = await this.access.load(actor, caseId);
    const key = `${actor.userId}:${viewId}`;
    const socket = ctx.live?.connectionId;
    return this.live.presenceStream(kase.id, { key, userId: actor.userId, role: actor.role }, async (list: PresenceEntry[]) => {
      if (!(await this.connections.mayDeliver(socket))) throw new DomainError(DomainErrorCode.UNAUTHENTICATED, 'Please sign in.');
      await this.access.load(actor, caseId);
      ctx.memo = new Map();
      return list.map((p) => ({ key: p.key, userId: p.userId, role: p.role, editing: (p.editing as CaseArea | null) ?? null, since: new Date(p.since), you: p.key === key }));
    });
  }

  @Mutation(() => Boolean, { description: 'Tell the others what you are editing on your open page (null: just looking). False when that page is not live.' })
  async setCasePresence(@CurrentActor() actor: Actor, @Args() args: SetCasePresenceArgs): Promise<boolean> {
    const { kase } = await this.access.load(actor, args.caseId);
    // The key starts with the caller's own id: nobody can change another person's entry.
    return this.live.setEditing(kase.id, `${actor.userId}:${args.viewId}`, args.editing ?? null);
  }

  @ResolveField(() => UserModel, { nullable: true })
  user(@Parent() p: CasePresenceModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<UserModel | null> {
    return this.users.loader(ctx, actor.organizationId).load(p.userId);
  }
}

/** The feed as a field of a case (the case was read through its scope). */
@Resolver(() => CaseModel)
export class CaseActivityResolver {
  constructor(private readonly activities: CaseActivityService) {}

  @ResolveField(() => CaseActivityConnection, { description: 'Who did what on this case, newest first.' })
  activity(
    @Parent() kase: CaseModel,
    @CurrentActor() actor: Actor,
    @NullableInputArg('filter', CaseActivityFilter) filter: CaseActivityFilter | null,
    @Args('first', pageArg('Case.activity')) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<CaseActivityConnection> {
    return this.activities.page(actor, kase.id, filter, pageSize('Case.activity', first), after);
  }
}

@Resolver(() => CaseActivityModel)
export class CaseActivityLineResolver {
  constructor(private readonly users: UserService) {}

  @ResolveField(() => UserModel, { nullable: true })
  actor(@Parent() a: CaseActivityModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<UserModel | null> | null {
    return a.actorId ? this.users.loader(ctx, actor.organizationId).load(a.actorId) : null;
  }
}
