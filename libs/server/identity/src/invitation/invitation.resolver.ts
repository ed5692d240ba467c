import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Role, STAFF_ROLES } from '@second-look/domain';
import { CurrentActor, GqlContext, GqlCtx, IdPipe, Public, requestMeta, RequireRoles } from '@second-look/server-platform';
import { AcceptInvitationInput } from '../auth/auth.inputs';
import { UserService } from '../user/user.service';
import { ViewerModel } from '../user/user.model';
import { InvitationModel, InvitationPreviewModel, InviteStaffInput } from './invitation.model';
import { InvitationService } from './invitation.service';

@Resolver(() => InvitationModel)
@RequireRoles(...STAFF_ROLES)
export class InvitationResolver {
  constructor(
    private readonly invitations: InvitationService,
    private readonly users: UserService,
  ) {}

  @RequireRoles(Role.ADMIN)
  @Query(() => [InvitationModel], { description: 'Staff invitations not yet accepted.' })
  staffInvitations(@CurrentActor() actor: Actor): Promise<InvitationModel[]> {
    return this.invitations.pendingStaff(actor);
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => InvitationModel)
  inviteStaff(@CurrentActor() actor: Actor, @Args('input') input: InviteStaffInput): Promise<InvitationModel> {
    return this.invitations.inviteStaff(actor, input.email, input.role);
  }

  @RequireRoles(...STAFF_ROLES, Role.PATIENT)
  @Mutation(() => Boolean, { description: 'Staff revoke invitations they manage; a patient revokes a caregiver invitation.' })
  async revokeInvitation(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, IdPipe) id: string): Promise<boolean> {
    await this.invitations.revoke(actor, id);
    return true;
  }

  @Public()
  @Query(() => InvitationPreviewModel, { nullable: true })
  invitationPreview(@Args('token') token: string, @GqlCtx() ctx: GqlContext): Promise<InvitationPreviewModel> {
    return this.invitations.preview(token, requestMeta(ctx.req));
  }

  @Public()
  @Mutation(() => ViewerModel, { description: 'Set your name and password from an invitation link; signs you in.' })
  async acceptInvitation(@Args('input') input: AcceptInvitationInput, @GqlCtx() ctx: GqlContext): Promise<ViewerModel> {
    const user = await this.invitations.accept(input, ctx.res);
    return this.users.viewer({ userId: user.id, organizationId: user.organizationId, role: user.role });
  }
}
