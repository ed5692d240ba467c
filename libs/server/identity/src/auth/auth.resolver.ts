import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, type Language, languageFromAcceptLanguage } from '@second-look/domain';
import { CurrentActor, GqlContext, GqlCtx, LanguageEnum, OptionalActor, perRequest, Public } from '@second-look/server-platform';
import type { UserAccount } from '../user/user-account.entity';
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
  async me(@OptionalActor() actor: Actor | null, @GqlCtx() ctx: GqlContext): Promise<ViewerModel | null> {
    // Read once per request however often it is asked for (aliases, a batch's operations).
    return actor ? perRequest(ctx, 'viewer', () => this.users.viewer(actor)) : null;
  }

  @Public()
  @Mutation(() => ViewerModel)
  async signIn(@Args('input') input: SignInInput, @GqlCtx() ctx: GqlContext): Promise<ViewerModel> {
    const user = await this.auth.signIn(input, ctx.res);
    return this.users.viewer({ userId: user.id, organizationId: user.organizationId, role: user.role });
  }

  @Mutation(() => ViewerModel, { description: 'Choose the language you read Second Look and your e-mails in.' })
  setMyLanguage(@CurrentActor() actor: Actor, @Args('language', { type: () => LanguageEnum }) language: Language): Promise<ViewerModel> {
    return this.users.setLanguage(actor, language);
  }

  @ResolveField(() => LanguageEnum, { description: "Your chosen language; until you choose, the best match for your browser's Accept-Language." })
  language(@Parent() viewer: Pick<UserAccount, 'language'>, @GqlCtx() ctx: GqlContext): Language {
    return viewer.language ?? languageFromAcceptLanguage(ctx.req?.headers['accept-language']);
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
