import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '@second-look/domain';
import { CurrentActor, GqlContext, GqlCtx, OptionalActor, Public } from '@second-look/server-platform';
import { UserService } from '../user/user.service';
import { ViewerModel } from '../user/user.model';
import { SignInInput } from './auth.inputs';
import { AuthService } from './auth.service';

@Resolver(() => ViewerModel)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserService,
  ) {}

  @Public()
  @Query(() => ViewerModel, { nullable: true, description: 'The signed-in caller, or null.' })
  async me(@OptionalActor() actor: Actor | null): Promise<ViewerModel | null> {
    return actor ? this.users.viewer(actor) : null;
  }

  @Public()
  @Mutation(() => ViewerModel)
  async signIn(@Args('input') input: SignInInput, @GqlCtx() ctx: GqlContext): Promise<ViewerModel> {
    const user = await this.auth.signIn(input, ctx.res);
    return this.users.viewer({ userId: user.id, organizationId: user.organizationId, role: user.role });
  }

  @Mutation(() => Boolean)
  async signOut(@CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<boolean> {
    await this.auth.signOut(actor, ctx.sessionId as string, ctx.res);
    return true;
  }

  @Mutation(() => Boolean, { description: 'End every session of yours, on every device.' })
  async signOutEverywhere(@CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<boolean> {
    await this.auth.signOutEverywhere(actor, ctx.res);
    return true;
  }
}
