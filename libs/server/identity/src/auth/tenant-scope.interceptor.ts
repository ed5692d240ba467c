import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { gqlContext, PUBLIC_KEY, TenantContext } from '@second-look/server-platform';
import { Observable } from 'rxjs';

/**
 * A public operation (signing in, signing up, invitations, resets) looks people up before their
 * organization is known, even when the browser still holds another person's session: it runs in
 * the system scope of row-level security, for that operation alone. Every other operation runs in
 * the scope AuthGuard set from the caller's session (their organization).
 */
@Injectable()
export class TenantScopeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    if (!gqlContext(context).actor) return next.handle(); // anonymous: AuthGuard already chose
    if (!this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()])) return next.handle();
    // Nest binds the handler to the async context in which handle() is called.
    return TenantContext.system(() => next.handle());
  }
}
