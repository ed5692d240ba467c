import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Actor, DomainError, DomainErrorCode } from '@second-look/domain';
import { SESSION_COOKIE, SessionService } from '@second-look/server-identity';
import { APP_CONFIG, AppConfig, formatGraphqlError, GqlContext, liveOperationOverBudget, REDIS, validateLiveOperation } from '@second-look/server-platform';
import type { Request } from 'express';
import { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import type { Context } from 'graphql-ws';
import Redis from 'ioredis';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';

export const LIVE_LIMITS = {
  /** Open sockets per person across all replicas (tabs, phone and laptop...). */
  perUser: 8,
  /** Open sockets per API process, whoever they belong to. */
  perProcess: 2000,
  /** Subscriptions one socket may hold at once (a case page needs two). */
  subscriptionsPerConnection: 20,
  /**
   * How often an open socket re-checks its session (signed out elsewhere, deactivated) and
   * refreshes its seat in the per-user count. Dead sockets are found sooner: graphql-ws pings
   * every 12 s and drops a socket that has not answered the previous ping within 12 s.
   */
  recheckMs: 30_000,
} as const;

/** Close codes a client sees (4401/4403 are graphql-ws's own; 4420 is ours). */
export const LIVE_CLOSE = { UNAUTHENTICATED: 4401, FORBIDDEN: 4403, TOO_MANY: 4420 } as const;

export interface LiveConnectionInfo {
  connectionId: string;
  actor: Actor;
  sessionId: string;
  subscriptions: number;
}
type Extra = { socket: WebSocket; request: IncomingMessage; live?: LiveConnectionInfo };
type WsCtx = Context<Record<string, unknown> | undefined, Extra>;

/** The session token from a raw Cookie header (the upgrade request never passes cookie-parser). */
export function sessionTokenFrom(cookieHeader: string | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim()) || null;
      } catch {
        return null;
      }
    }
  }
  return null;
}

/**
 * The WebSocket side of the API: who may open a live connection, how many, and when it ends.
 * Authenticated with the same session cookie as HTTP (resolved by the same SessionService);
 * nobody signed out gets a connection at all, so no subscription ever runs without an actor.
 */
@Injectable()
export class LiveConnections implements OnApplicationShutdown {
  private readonly log = new Logger('LiveConnections');
  private readonly open = new Map<string, { info: LiveConnectionInfo; socket: WebSocket; timer: NodeJS.Timeout }>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionService,
  ) {}

  get count(): number {
    return this.open.size;
  }

  private seatsKey(userId: string): string {
    return `${this.config.redisPrefix}:live:seats:${userId}`;
  }

  /** Options for `subscriptions['graphql-ws']` of the GraphQL module. */
  graphqlWsOptions() {
    return {
      path: '/graphql',
      // The same depth, cost, alias and directive limits and error codes as HTTP operations
      // (graphql-ws only applies the spec rules by default, with no code).
      validate: (schema: GraphQLSchema, document: DocumentNode) => validateLiveOperation(schema, document, this.config.isProduction),
      onConnect: (ctx: WsCtx) => this.connect(ctx),
      onSubscribe: (ctx: WsCtx, _id: string, payload: { query?: unknown }) => {
        const live = ctx.extra.live;
        if (!live) return [new GraphQLError('Please sign in.', { extensions: { code: DomainErrorCode.UNAUTHENTICATED } })];
        // The token, alias and directive budget of an HTTP request, before graphql-ws parses it.
        const overBudget = liveOperationOverBudget(payload?.query);
        if (overBudget) return overBudget;
        if (live.subscriptions >= LIVE_LIMITS.subscriptionsPerConnection) {
          return [new GraphQLError('Too many live subscriptions on one connection.', { extensions: { code: DomainErrorCode.RATE_LIMITED } })];
        }
        live.subscriptions += 1;
        return undefined;
      },
      onComplete: (ctx: WsCtx) => {
        if (ctx.extra.live) ctx.extra.live.subscriptions = Math.max(0, ctx.extra.live.subscriptions - 1);
      },
      // Errors leave through the same formatter as HTTP: codes kept, no stack or internal message.
      onNext: (_ctx: WsCtx, _id: string, _payload: unknown, _args: unknown, result: { data?: unknown; errors?: readonly GraphQLError[] }) =>
        result.errors ? { ...result, errors: result.errors.map((e) => formatGraphqlError(e.toJSON(), e)) } : undefined,
      onError: (_ctx: WsCtx, _id: string, _payload: unknown, errors: readonly GraphQLError[]) => errors.map((e) => formatGraphqlError(e.toJSON(), e)),
    };
  }

  /** The GraphQL context of an operation that came over the socket. */
  context(ctx: WsCtx): GqlContext {
    const live = ctx.extra.live;
    return {
      req: ctx.extra.request as unknown as Request,
      res: undefined as unknown as GqlContext['res'],
      actor: live?.actor ?? null,
      sessionId: live?.sessionId ?? null,
      live: live ? { connectionId: live.connectionId } : undefined,
      memo: new Map(),
    };
  }

  private async connect(ctx: WsCtx): Promise<boolean> {
    const { socket, request } = ctx.extra;
    const refuse = (code: number, reason: string): false => {
      socket.close(code, reason);
      return false;
    };
    if (!this.sameOrigin(request)) return refuse(LIVE_CLOSE.FORBIDDEN, 'Forbidden');
    const token = sessionTokenFrom(request.headers.cookie);
    const session = token ? await this.sessions.resolve({ cookies: { [SESSION_COOKIE]: token } } as unknown as Request) : null;
    if (!session) return refuse(LIVE_CLOSE.UNAUTHENTICATED, 'Please sign in.');
    if (this.open.size >= LIVE_LIMITS.perProcess) return refuse(LIVE_CLOSE.TOO_MANY, 'Too many connections');

    const connectionId = randomUUID();
    const seats = this.seatsKey(session.actor.userId);
    const now = Date.now();
    const [, , [, used]] = (await this.redis
      .multi()
      .zremrangebyscore(seats, '-inf', now)
      .zadd(seats, now + LIVE_LIMITS.recheckMs * 2, connectionId)
      .zcard(seats)
      .pexpire(seats, LIVE_LIMITS.recheckMs * 2)
      .exec()) as [unknown, unknown, [unknown, number], unknown];
    if (used > LIVE_LIMITS.perUser) {
      await this.redis.zrem(seats, connectionId);
      return refuse(LIVE_CLOSE.TOO_MANY, 'Too many connections');
    }
    if (socket.readyState !== socket.OPEN) {
      // The client left while we were checking.
      await this.redis.zrem(seats, connectionId);
      return false;
    }

    const info: LiveConnectionInfo = { connectionId, actor: session.actor, sessionId: session.sessionId, subscriptions: 0 };
    ctx.extra.live = info;
    const timer = setInterval(() => void this.recheck(info, socket), LIVE_LIMITS.recheckMs);
    timer.unref();
    this.open.set(connectionId, { info, socket, timer });
    socket.once('close', () => {
      clearInterval(timer);
      this.open.delete(connectionId);
      void this.redis.zrem(seats, connectionId).catch(() => undefined);
    });
    return true;
  }

  /** A session that ended (signed out everywhere, idle, deactivated) ends its sockets too. */
  private async recheck(info: LiveConnectionInfo, socket: WebSocket): Promise<void> {
    try {
      const still = await this.sessions.isActive(info.sessionId);
      if (!still) {
        socket.close(LIVE_CLOSE.UNAUTHENTICATED, 'Please sign in.');
        return;
      }
      await this.redis.zadd(this.seatsKey(info.actor.userId), 'XX', Date.now() + LIVE_LIMITS.recheckMs * 2, info.connectionId);
    } catch (e) {
      this.log.warn(`recheck failed: ${e instanceof DomainError ? e.code : String(e)}`);
    }
  }

  /**
   * Browsers send Origin on a WebSocket handshake and do not apply CORS to it, so another
   * site could otherwise open a socket with our cookie. Same host as the request or as the
   * public URL is accepted; no Origin (a non-browser client) relies on the cookie alone.
   */
  private sameOrigin(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    if (!origin) return true;
    try {
      const host = new URL(origin).host;
      return host === request.headers.host || host === new URL(this.config.publicUrl).host;
    } catch {
      return false;
    }
  }

  onApplicationShutdown(): void {
    for (const { socket, timer } of this.open.values()) {
      clearInterval(timer);
      socket.close(1001, 'Going away');
    }
    this.open.clear();
  }
}
