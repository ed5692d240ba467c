import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Role, STAFF_ROLES } from '@second-look/domain';
import { CurrentActor, IdPipe, RequireRoles } from '@second-look/server-platform';
import { UserModel } from './user.model';
import { UserService } from './user.service';

@Resolver(() => UserModel)
@RequireRoles(...STAFF_ROLES)
export class MemberResolver {
  constructor(private readonly users: UserService) {}

  @Query(() => [UserModel], { description: 'Staff of your organization.' })
  members(@CurrentActor() actor: Actor): Promise<UserModel[]> {
    return this.users.members(actor);
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => UserModel)
  changeMemberRole(@CurrentActor() actor: Actor, @Args('userId', { type: () => ID }, IdPipe) userId: string, @Args('role', { type: () => Role }) role: Role): Promise<UserModel> {
    return this.users.changeRole(actor, userId, role);
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => UserModel, {
    description:
      'Take away a member’s access: they cannot sign in and every session of theirs ends now. Their cases and tasks stay theirs until reassigned. Not yourself, not the last active admin. Admins only.',
  })
  deactivateMember(@CurrentActor() actor: Actor, @Args('userId', { type: () => ID }, IdPipe) userId: string): Promise<UserModel> {
    return this.users.deactivate(actor, userId);
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => UserModel, { description: 'Give a deactivated member their access back; they sign in again. Admins only.' })
  reactivateMember(@CurrentActor() actor: Actor, @Args('userId', { type: () => ID }, IdPipe) userId: string): Promise<UserModel> {
    return this.users.reactivate(actor, userId);
  }
}
