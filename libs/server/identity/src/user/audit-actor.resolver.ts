import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AuditEventModel } from '@second-look/server-audit';
import { GqlContext, GqlCtx } from '@second-look/server-platform';
import { UserModel } from './user.model';
import { UserService } from './user.service';

/** Who did it, batched: an audit page of 50 rows costs one user query. */
@Resolver(() => AuditEventModel)
export class AuditActorResolver {
  constructor(private readonly users: UserService) {}

  @ResolveField(() => UserModel, { nullable: true })
  async actor(@Parent() event: AuditEventModel & { organizationId?: string }, @GqlCtx() ctx: GqlContext): Promise<UserModel | null> {
    if (!event.actorUserId || !ctx.actor) return null;
    return this.users.loader(ctx, ctx.actor.organizationId).load(event.actorUserId);
  }
}
