import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, DomainErrorCode, Role } from '@second-look/domain';
import { bindRequestMeta, gqlContext, PUBLIC_KEY, requestMeta, ROLES_KEY, TenantContext } from '@second-look/server-platform';
import { SessionService } from '../session/session.service';
import { DeniedAccessRecorder, deniedTarget } from './denied-access';

const BEFORE_ENROLLMENT_KEY = 'sl:before-enrollment';
/**
 * Open to staff who must add a second sign-in step before they can work (their organization
 * requires it and they have none yet): who am I, adding a step, signing out, their language.
 */
export const AllowedBeforeEnrollment = () => SetMetadata(BEFORE_ENROLLMENT_KEY, true);

/**
 * Installed globally: every resolver is guarded unless marked @Public. The session is
 * resolved once per request (memoised on the context) and the caller's identity put on it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly denied: DeniedAccessRecorder,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true; // REST: /health and static files only
    const ctx = gqlContext(context);
    if (ctx.actor === undefined) {
      ctx.memo ??= new Map();
      let pending = ctx.memo.get('session') as ReturnType<SessionService['resolve']> | undefined;
      if (!pending) {
        pending = this.sessions.resolve(ctx.req);
        ctx.memo.set('session', pending);
      }
      const resolved = await pending;
      ctx.actor = resolved ? bindRequestMeta(resolved.actor, requestMeta(ctx.req)) : null;
      ctx.sessionId = resolved?.sessionId ?? null;
      ctx.timeZone = resolved?.timeZone ?? null;
      ctx.memo.set('mustEnroll', resolved?.mustEnroll ?? false);
    }
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) {
      // Signing in, signing up, invitations and resets look people up before any organization is
      // known: an anonymous request that can only run these runs in the system scope
      // (TenantScopeInterceptor narrows a signed-in caller's public operation the same way).
      if (!ctx.actor) TenantContext.enterSystem();
      return true;
    }
    if (!ctx.actor) throw new DomainError(DomainErrorCode.UNAUTHENTICATED, 'Please sign in.');
    if (ctx.memo?.get('mustEnroll') === true && !this.reflector.getAllAndOverride<boolean>(BEFORE_ENROLLMENT_KEY, targets)) {
      throw new DomainError(DomainErrorCode.FACTOR_ENROLLMENT_REQUIRED, 'Your organization asks you to add a second sign-in step first.');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(ctx.actor.role)) {
      // A role reaching for a record it may never touch (a patient retrying a job by its id) is a
      // denied attempt like a probe for another's case. The organization's scope is set here, as
      // TenantScopeInterceptor runs only after a guard lets the call through.
      const target = deniedTarget(context);
      const actor = ctx.actor;
      if (target) await TenantContext.forOrganization(actor.organizationId, () => this.denied.record(actor, target.operation, target.ids, DomainErrorCode.FORBIDDEN));
      throw new DomainError(DomainErrorCode.FORBIDDEN, 'Your role does not allow this.');
    }
    return true;
  }
}
