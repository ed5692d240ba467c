import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { GqlContext, GqlCtx, Public, requestMeta } from '@second-look/server-platform';
import { RequestPasswordResetInput, ResetPasswordInput, SignUpInput } from '../auth/auth.inputs';
import { UserService } from '../user/user.service';
import { ViewerModel } from '../user/user.model';
import { PasswordResetService } from './password-reset.service';
import { SignUpService } from './sign-up.service';

/** The public doors that work through an e-mailed link: sign-up and "Forgot your password?". */
@Resolver()
export class RecoveryResolver {
  constructor(
    private readonly signUps: SignUpService,
    private readonly resets: PasswordResetService,
    private readonly users: UserService,
  ) {}

  @Public()
  @Mutation(() => Boolean, {
    description: 'Start a new advocacy organization with you as its admin. Always answers true; the link that finishes it comes by e-mail.',
  })
  async signUp(@Args('input') input: SignUpInput, @GqlCtx() ctx: GqlContext): Promise<boolean> {
    await this.signUps.request(input, requestMeta(ctx.req));
    return true;
  }

  @Public()
  @Mutation(() => ViewerModel, { description: 'Finish a sign-up with the token from its e-mail; signs you in.' })
  async confirmSignUp(@Args('token') token: string, @GqlCtx() ctx: GqlContext): Promise<ViewerModel> {
    const user = await this.signUps.confirm(token, ctx.res);
    return this.users.viewer({ userId: user.id, organizationId: user.organizationId, role: user.role });
  }

  @Public()
  @Mutation(() => Boolean, { description: 'E-mail a link to set a new password. Always answers true, whether or not the address has an account.' })
  async requestPasswordReset(@Args('input') input: RequestPasswordResetInput, @GqlCtx() ctx: GqlContext): Promise<boolean> {
    await this.resets.request(input.email, requestMeta(ctx.req));
    return true;
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Set a new password with the token from the e-mail. Ends every session of the account.' })
  async resetPassword(@Args('input') input: ResetPasswordInput, @GqlCtx() ctx: GqlContext): Promise<boolean> {
    await this.resets.reset(input.token, input.password, requestMeta(ctx.req));
    return true;
  }
}
