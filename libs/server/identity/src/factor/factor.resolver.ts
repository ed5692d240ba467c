import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, describeUserAgent, notFound, Role } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { CurrentActor, GqlContext, GqlCtx, IdPipe, RequireRoles } from '@second-look/server-platform';
import { AllowedBeforeEnrollment } from '../auth/auth.guard';
import { SessionService } from '../session/session.service';
import { FactorService } from './factor.service';
import { AccountSecurityModel, ConfirmTotpInput, DeviceSessionModel, FactorAddedModel, FinishPasskeyInput, StaffSecurityModel, TotpEnrollmentModel } from './factor.model';

/** Your own sign-in steps and signed-in devices; and the admin's switch and reset. */
@Resolver()
@AllowedBeforeEnrollment()
export class FactorResolver {
  constructor(
    private readonly factors: FactorService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  @Query(() => AccountSecurityModel, { description: 'Your second sign-in steps and recovery codes left.' })
  mySecurity(@CurrentActor() actor: Actor): Promise<AccountSecurityModel> {
    return this.factors.overview(actor);
  }

  @Mutation(() => TotpEnrollmentModel, { description: 'Start adding an authenticator app; confirm it with a first code.' })
  startTotpEnrollment(@CurrentActor() actor: Actor): Promise<TotpEnrollmentModel> {
    return this.factors.startTotp(actor);
  }

  @Mutation(() => FactorAddedModel)
  async confirmTotpEnrollment(@CurrentActor() actor: Actor, @Args('input') input: ConfirmTotpInput): Promise<FactorAddedModel> {
    return { recoveryCodes: await this.factors.confirmTotp(actor, input.factorId, input.code, input.label ?? '') };
  }

  @Mutation(() => String, { description: 'Start adding a passkey: the options for navigator.credentials.create, as JSON.' })
  startPasskeyEnrollment(@CurrentActor() actor: Actor): Promise<string> {
    return this.factors.startPasskey(actor);
  }

  @Mutation(() => FactorAddedModel)
  async finishPasskeyEnrollment(@CurrentActor() actor: Actor, @Args('input') input: FinishPasskeyInput): Promise<FactorAddedModel> {
    return { recoveryCodes: await this.factors.finishPasskey(actor, input.response, input.label ?? '') };
  }

  @Mutation(() => Boolean)
  async removeSignInFactor(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, IdPipe) id: string): Promise<boolean> {
    await this.factors.remove(actor, id);
    return true;
  }

  @Mutation(() => [String], { description: 'Ten new recovery codes, shown this once; the old ones stop working.' })
  regenerateRecoveryCodes(@CurrentActor() actor: Actor): Promise<string[]> {
    return this.factors.regenerateRecoveryCodes(actor);
  }

  @Query(() => [DeviceSessionModel], { description: 'The browsers where you are signed in now.' })
  async mySessions(@CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<DeviceSessionModel[]> {
    const rows = await this.sessions.listOpen(actor.userId);
    return rows.map((s) => ({
      id: s.publicId,
      ...describeUserAgent(s.userAgent),
      ip: s.ip,
      signedInAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      current: s.id === ctx.sessionId,
    }));
  }

  @Mutation(() => Boolean, { description: 'Sign out one of your browsers.' })
  async signOutSession(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, IdPipe) id: string): Promise<boolean> {
    if (!(await this.sessions.endByPublicId(actor.userId, id))) throw notFound('Session');
    await this.audit.record(actor, { action: 'session.sign_out_device', entityType: 'user', entityId: actor.userId });
    return true;
  }

  @Mutation(() => Int, { description: 'Sign out every browser of yours but this one; how many were signed out.' })
  async signOutOtherSessions(@CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<number> {
    const n = await this.sessions.endOthers(actor.userId, ctx.sessionId as string);
    await this.audit.record(actor, { action: 'session.sign_out_others', entityType: 'user', entityId: actor.userId, detail: { sessions: n } });
    return n;
  }

  @RequireRoles(Role.ADMIN)
  @Query(() => StaffSecurityModel, { description: 'Whether staff must have a second sign-in step, and who has one. Admins only.' })
  async staffSecurity(@CurrentActor() actor: Actor): Promise<StaffSecurityModel> {
    const [required, members] = await Promise.all([this.factors.requiresStaffMfa(actor.organizationId), this.factors.membersWithFactors(actor.organizationId)]);
    return { requireStaffMfa: required, membersWithSecondStep: [...members] };
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => StaffSecurityModel, { description: 'Require (or stop requiring) a second sign-in step for all staff. Admins only.' })
  async setRequireStaffMfa(@CurrentActor() actor: Actor, @Args('required') required: boolean): Promise<StaffSecurityModel> {
    const org = await this.factors.setRequireStaffMfa(actor, required);
    return { requireStaffMfa: org.requireStaffMfa, membersWithSecondStep: [...(await this.factors.membersWithFactors(actor.organizationId))] };
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Remove every second sign-in step of a member who lost theirs; signs them out and e-mails them. Admins only.' })
  async resetMemberSignInSteps(@CurrentActor() actor: Actor, @Args('userId', { type: () => ID }, IdPipe) userId: string): Promise<boolean> {
    await this.factors.resetForMember(actor, userId);
    return true;
  }
}
