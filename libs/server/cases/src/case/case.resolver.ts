import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, allowedStageMoves, CaseStage, casePermissions, isStaffRole, Role, STAFF_ROLES } from '@second-look/domain';
import { InvitationModel, InvitationService, UserModel, UserService } from '@second-look/server-identity';
import { CurrentActor, GqlContext, GqlCtx, IdPipe, NullableInputArg, pageArg, pageSize, RequireRoles } from '@second-look/server-platform';
import { CommentService } from '../comment/comment.service';
import { ParticipantService } from '../participant/participant.service';
import {
  AddCommentInput,
  CaseConnection,
  CaseFilter,
  CaseModel,
  CaseParticipantModel,
  CasePermissionsModel,
  CaseSort,
  CommentModel,
  CreateCaseInput,
  InviteCaregiverInput,
  InvitePatientInput,
  MoveCaseStageInput,
  UpdateCaseInput,
} from './case.model';
import { CaseService } from './case.service';

@Resolver(() => CaseModel)
export class CaseResolver {
  constructor(
    private readonly caseService: CaseService,
    private readonly commentService: CommentService,
    private readonly participantService: ParticipantService,
    private readonly users: UserService,
    private readonly invitationService: InvitationService,
  ) {}

  @Query(() => CaseConnection, { description: 'Cases you may see: your organization for staff, your own for patients and caregivers.' })
  cases(
    @CurrentActor() actor: Actor,
    @NullableInputArg('filter', CaseFilter) filter: CaseFilter | null,
    @NullableInputArg('sort', CaseSort) sort: CaseSort | null,
    @Args('first', pageArg('Query.cases')) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<CaseConnection> {
    return this.caseService.list(actor, filter ?? {}, sort, pageSize('Query.cases', first), after);
  }

  @Query(() => CaseModel)
  case(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, IdPipe) id: string): Promise<CaseModel> {
    return this.caseService.get(actor, id);
  }

  @RequireRoles(...STAFF_ROLES)
  @Mutation(() => CaseModel)
  createCase(@CurrentActor() actor: Actor, @Args('input') input: CreateCaseInput): Promise<CaseModel> {
    return this.caseService.create(actor, input);
  }

  @Mutation(() => CaseModel, { description: 'Change shared fields; refused with STALE_VERSION when someone saved in between.' })
  updateCase(@CurrentActor() actor: Actor, @Args('input') input: UpdateCaseInput): Promise<CaseModel> {
    return this.caseService.update(actor, input);
  }

  @Mutation(() => CaseModel)
  moveCaseStage(@CurrentActor() actor: Actor, @Args('input') input: MoveCaseStageInput): Promise<CaseModel> {
    return this.caseService.moveStage(actor, input.caseId, input.to);
  }

  @RequireRoles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => CaseModel)
  assignLeadAdvocate(@CurrentActor() actor: Actor, @Args('caseId', { type: () => ID }, IdPipe) caseId: string, @Args('advocateId', { type: () => ID }, IdPipe) advocateId: string): Promise<CaseModel> {
    return this.caseService.assignLead(actor, caseId, advocateId);
  }

  @RequireRoles(...STAFF_ROLES)
  @Mutation(() => InvitationModel)
  invitePatient(@CurrentActor() actor: Actor, @Args('input') input: InvitePatientInput): Promise<InvitationModel> {
    return this.caseService.invitePatient(actor, input.caseId, input.email);
  }

  @RequireRoles(Role.PATIENT)
  @Mutation(() => InvitationModel, { description: 'A patient invites a family caregiver with the access they choose.' })
  inviteCaregiver(@CurrentActor() actor: Actor, @Args('input') input: InviteCaregiverInput): Promise<InvitationModel> {
    return this.caseService.inviteCaregiver(actor, input.caseId, input.email, input.access);
  }

  @ResolveField(() => [CaseStage])
  allowedStageMoves(@Parent() kase: CaseModel): CaseStage[] {
    return allowedStageMoves(kase.stage);
  }

  // Internal tasks count towards it: the patient's side does not get it (see CaseModel.nextDueOn).
  @ResolveField(() => String, {
    nullable: true,
    description:
      "The earliest date something on the case falls due (YYYY-MM-DD): an open record request's plan target or legal date, or an open task's due date. Null when nothing is due, and for patients and caregivers.",
  })
  nextDueOn(@Parent() kase: CaseModel, @CurrentActor() actor: Actor): string | null {
    return isStaffRole(actor.role) ? (kase.nextDueOn ?? null) : null;
  }

  @ResolveField(() => UserModel, { nullable: true })
  leadAdvocate(@Parent() kase: CaseModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<UserModel | null> | null {
    return kase.leadAdvocateId ? this.users.loader(ctx, actor.organizationId).load(kase.leadAdvocateId) : null;
  }

  @ResolveField(() => [CaseParticipantModel])
  participants(@Parent() kase: CaseModel, @GqlCtx() ctx: GqlContext): Promise<CaseParticipantModel[]> {
    return this.participantService.loader(ctx).load(kase.id);
  }

  @ResolveField(() => [CommentModel])
  comments(@Parent() kase: CaseModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<CommentModel[]> {
    return this.commentService.loader(ctx, actor).load(kase.id);
  }

  @ResolveField(() => CasePermissionsModel, { description: 'What you may do on this case.' })
  async permissions(@Parent() kase: CaseModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<CasePermissionsModel> {
    const participants = isStaffRole(actor.role) ? [] : await this.participantService.loader(ctx).load(kase.id);
    return casePermissions(actor, { organizationId: kase.organizationId, leadAdvocateId: kase.leadAdvocateId, participants });
  }

  @ResolveField(() => [InvitationModel], { description: 'Pending invitations to this case (staff see all; a patient sees their caregivers’).' })
  async invitations(@Parent() kase: CaseModel, @CurrentActor() actor: Actor): Promise<InvitationModel[]> {
    if (actor.role === Role.CAREGIVER) return [];
    const pending = await this.invitationService.pendingForCase(actor.organizationId, kase.id);
    return isStaffRole(actor.role) ? pending : pending.filter((i) => i.role === Role.CAREGIVER);
  }
}

@Resolver(() => CaseParticipantModel)
export class CaseParticipantResolver {
  constructor(private readonly users: UserService) {}

  @ResolveField(() => UserModel)
  user(@Parent() p: CaseParticipantModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<UserModel | null> {
    return this.users.loader(ctx, actor.organizationId).load(p.userId);
  }
}

@Resolver(() => CommentModel)
export class CommentResolver {
  constructor(
    private readonly commentsService: CommentService,
    private readonly users: UserService,
  ) {}

  @ResolveField(() => UserModel)
  author(@Parent() c: CommentModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<UserModel | null> {
    return this.users.loader(ctx, actor.organizationId).load(c.authorId);
  }

  @Mutation(() => CommentModel)
  addComment(@CurrentActor() actor: Actor, @Args('input') input: AddCommentInput): Promise<CommentModel> {
    return this.commentsService.add(actor, input.caseId, input.body, input.internal);
  }
}
