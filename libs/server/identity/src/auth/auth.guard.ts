import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, DomainErrorCode, Role } from '@second-look/domain';
import { bindRequestMeta, gqlContext, PUBLIC_KEY, requestMeta, ROLES_KEY } from '@second-look/server-platform';
import { SessionService } from '../session/session.service';

/**
 * Installed globally: every resolver is guarded unless marked @Public. The session is
 * resolved once per request (memoised on the context) and the caller's identity put on it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
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
    }
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    if (!ctx.actor) throw new DomainError(DomainErrorCode.UNAUTHENTICATED, 'Please sign in.');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(ctx.actor.role)) {
      throw new DomainError(DomainErrorCode.FORBIDDEN, 'Your role does not allow this.');
    }
    return true;
  }
}
