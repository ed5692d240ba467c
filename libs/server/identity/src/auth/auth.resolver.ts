import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, type Language, languageFromAcceptLanguage } from '@second-look/domain';
import { CurrentActor, GqlContext, GqlCtx, LanguageEnum, OptionalActor, perRequest, Public } from '@second-look/server-platform';
import type { UserAccount } from '../user/user-account.entity';
import { UserService } from '../user/user.service';
import { ViewerModel } from '../user/user.model';
import { PasskeySignInModel } from '../factor/factor.model';
import { CompleteSignInInput, SignInInput } from './auth.inputs';
import { AllowedBeforeEnrollment } from './auth.guard';
import { AuthService } from './auth.service';

@Resolver(() => ViewerModel)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserService,
  ) {}

  @Public()
  @AllowedBeforeEnrollment()
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

  @Public()
  @Mutation(() => ViewerModel, { description: 'The second step of a sign-in, after signIn answered SECOND_FACTOR_REQUIRED with a challenge.' })
  async completeSignIn(@Args('input') input: CompleteSignInInput, @GqlCtx() ctx: GqlContext): Promise<ViewerModel> {
    const user = await this.auth.completeSignIn(input, ctx.res);
    return this.users.viewer({ userId: user.id, organizationId: user.organizationId, role: user.role });
  }

  @Public()
  @Mutation(() => String, { description: 'The options for navigator.credentials.get for the second step of this sign-in, as JSON.' })
  secondStepPasskeyOptions(@Args('challenge') challenge: string): Promise<string> {
    return this.auth.secondStepPasskeyOptions(challenge);
  }

  @Public()
  @Mutation(() => PasskeySignInModel, { description: 'Start signing in with a passkey alone.' })
  passkeySignInOptions(@GqlCtx() ctx: GqlContext): Promise<PasskeySignInModel> {
    return this.auth.passkeySignInOptions(ctx.res);
  }

  @Public()
  @Mutation(() => ViewerModel, { description: 'Finish signing in with a passkey alone.' })
  async signInWithPasskey(@Args('token') token: string, @Args('response') response: string, @GqlCtx() ctx: GqlContext): Promise<ViewerModel> {
    const user = await this.auth.signInWithPasskey(token, response, ctx.res);
    return this.users.viewer({ userId: user.id, organizationId: user.organizationId, role: user.role });
  }

  @ResolveField(() => Boolean, { description: 'Your organization requires a second sign-in step and you have none yet: add one before anything else.' })
  mustAddSecondStep(@Parent() viewer: Pick<UserAccount, 'id'>, @GqlCtx() ctx: GqlContext): Promise<boolean> {
    return perRequest(ctx, `mustEnroll:${viewer.id}`, () => this.users.mustAddSecondStep(viewer.id));
  }

  @AllowedBeforeEnrollment()
  @Mutation(() => ViewerModel, { description: 'Choose the language you read Second Look and your e-mails in.' })
  setMyLanguage(@CurrentActor() actor: Actor, @Args('language', { type: () => LanguageEnum }) language: Language): Promise<ViewerModel> {
    return this.users.setLanguage(actor, language);
  }

  @ResolveField(() => LanguageEnum, { description: "Your chosen language; until you choose, the best match for your browser's Accept-Language." })
  language(@Parent() viewer: Pick<UserAccount, 'language'>, @GqlCtx() ctx: GqlContext): Language {
    return viewer.language ?? languageFromAcceptLanguage(ctx.req?.headers['accept-language']);
  }

  @AllowedBeforeEnrollment()
  @Mutation(() => Boolean)
  async signOut(@CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<boolean> {
    await this.auth.signOut(actor, ctx.sessionId as string, ctx.res);
    return true;
  }

  @AllowedBeforeEnrollment()
  @Mutation(() => Boolean, { description: 'End every session of yours, on every device.' })
  async signOutEverywhere(@CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<boolean> {
    await this.auth.signOutEverywhere(actor, ctx.res);
    return true;
  }
}
