import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Actor, DomainError, DomainErrorCode, isStaffRole } from '@second-look/domain';
import { REVOCATION_CHANNEL, RevocationMessage, SESSION_COOKIE, SessionService } from '@second-look/server-identity';
import {
  APP_CONFIG,
  AppConfig,
  bindRequestMeta,
  formatGraphqlError,
  GqlContext,
  liveOperationOverBudget,
  REDIS,
  RequestMeta,
  TenantContext,
  validateLiveOperation,
} from '@second-look/server-platform';
import type { Request } from 'express';
import { DocumentNode, execute, ExecutionArgs, GraphQLError, GraphQLSchema, subscribe } from 'graphql';
import type { Context } from 'graphql-ws';
import Redis from 'ioredis';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { RedisPubSub } from './redis-pubsub';

/** WebSocket close code 1001: this server is going away (shutting down); the client reconnects elsewhere. */
const GOING_AWAY = 1001;
/**
 * How long a socket told "going away" at shutdown has to answer with its own close frame before
 * it is cut. ws waits 30 s for that answer by default, and the HTTP server's close waits for the
 * socket, so one busy or vanished client could hold a draining replica for 30 s.
 */
const GOING_AWAY_GRACE_MS = 2_000;

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
  /**
   * Before an event is sent, the socket's session is taken as good if it was checked this
   * recently; otherwise it is read again (one indexed row). A revocation message (see
   * SessionRevocations) ends the socket at once; this bounds the window if one were lost.
   */
  eventRecheckMs: 5_000,
} as const;

/**
 * Close codes a client sees (4401/4403 are graphql-ws's own; 4420 and 4421 are ours). After
 * 4421 the client reconnects: the session goes on, with the rights it has now.
 */
export const LIVE_CLOSE = { UNAUTHENTICATED: 4401, FORBIDDEN: 4403, TOO_MANY: 4420, RIGHTS_CHANGED: 4421 } as const;

export interface LiveConnectionInfo {
  connectionId: string;
  actor: Actor;
  sessionId: string;
  subscriptions: number;
  /** Set by a revocation message or a failed re-check: nothing more is sent on this socket. */
  revoked: boolean;
  /** When the session was last found good (ms since epoch). */
  checkedAt: number;
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
export class LiveConnections implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('LiveConnections');
  private readonly open = new Map<string, { info: LiveConnectionInfo; socket: WebSocket; timer: NodeJS.Timeout }>();
  /** Set once shutdown has closed the sockets: no new one is let in after that. */
  private closing = false;
  private unlisten: (() => Promise<void>) | null = null;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionService,
    private readonly pubsub: RedisPubSub,
  ) {}

  /** Every replica hears every revocation (sign-out anywhere, role change...) and ends its sockets. */
  async onModuleInit(): Promise<void> {
    this.unlisten = await this.pubsub.listen(REVOCATION_CHANNEL, (raw) => this.revoke(JSON.parse(raw) as RevocationMessage));
  }

  /** Ends at once the sockets a revocation reaches (on this replica). */
  revoke(message: RevocationMessage): number {
    let ended = 0;
    for (const { info, socket } of this.open.values()) {
      const reached =
        message.sessionIds?.includes(info.sessionId) ||
        (message.userId !== undefined && message.userId === info.actor.userId && info.sessionId !== message.exceptSessionId) ||
        (message.organizationId !== undefined && message.organizationId === info.actor.organizationId);
      if (!reached || info.revoked) continue;
      info.revoked = true;
      ended += 1;
      if (message.reason === 'RIGHTS_CHANGED') socket.close(LIVE_CLOSE.RIGHTS_CHANGED, 'Your access changed.');
      else socket.close(LIVE_CLOSE.UNAUTHENTICATED, 'Please sign in.');
    }
    return ended;
  }

  /**
   * Whether an event may still go out on this socket: cheap (the cached answer, which a
   * revocation message clears at once) unless the last check is older than eventRecheckMs.
   * A connection this process does not know (an HTTP request) is not a socket: true.
   */
  async mayDeliver(connectionId: string | undefined): Promise<boolean> {
    if (!connectionId) return true;
    const entry = this.open.get(connectionId);
    if (!entry || entry.info.revoked) return false;
    if (Date.now() - entry.info.checkedAt <= LIVE_LIMITS.eventRecheckMs) return true;
    return this.checkNow(entry.info, entry.socket);
  }

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
      // Each operation on the socket runs in its caller's row-level scope, as an HTTP request
      // does (docs/operations.md): the organization, and for a patient or caregiver only the
      // cases they joined. The events a subscription sends are read in that scope too (LiveStream).
      execute: (args: ExecutionArgs) => this.inCallerScope(args, () => execute(args)),
      subscribe: (args: ExecutionArgs) => this.inCallerScope(args, () => subscribe(args)),
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

  /** Runs one live operation in the tenant scope of the person on the socket (none without one). */
  private inCallerScope<T>(args: ExecutionArgs, run: () => T): T {
    const actor = (args.contextValue as GqlContext | undefined)?.actor;
    if (!actor) return TenantContext.run({}, run);
    return TenantContext.run({ organizationId: actor.organizationId, actorId: actor.userId, caseMember: !isStaffRole(actor.role) }, run);
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
    if (this.closing) {
      this.goAway(socket);
      return false;
    }
    if (!this.sameOrigin(request)) return refuse(LIVE_CLOSE.FORBIDDEN, 'Forbidden');
    const token = sessionTokenFrom(request.headers.cookie);
    const session = token ? await this.sessions.resolve({ cookies: { [SESSION_COOKIE]: token } } as unknown as Request) : null;
    if (!session) return refuse(LIVE_CLOSE.UNAUTHENTICATED, 'Please sign in.');
    // Staff who must first add a second sign-in step get no live case data either.
    if (session.mustEnroll) return refuse(LIVE_CLOSE.FORBIDDEN, 'Forbidden');
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

    if (this.closing) {
      // Shutdown closed every socket while this one was being checked: one let in now would
      // keep the HTTP server, and so the process, from ever closing.
      await this.redis.zrem(seats, connectionId);
      return refuse(GOING_AWAY, 'Going away');
    }

    // Every audit row of this socket (live reads, refused subscriptions) says where it came from.
    const actor = bindRequestMeta(session.actor, this.metaOf(request));
    const info: LiveConnectionInfo = { connectionId, actor, sessionId: session.sessionId, subscriptions: 0, revoked: false, checkedAt: Date.now() };
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
      if (!(await this.checkNow(info, socket))) return;
      await this.redis.zadd(this.seatsKey(info.actor.userId), 'XX', Date.now() + LIVE_LIMITS.recheckMs * 2, info.connectionId);
    } catch (e) {
      this.log.warn(`recheck failed: ${e instanceof DomainError ? e.code : String(e)}`);
    }
  }

  /** Reads the session again: ended, or acting with another role now, closes the socket. */
  private async checkNow(info: LiveConnectionInfo, socket: WebSocket): Promise<boolean> {
    const role = await this.sessions.activeRole(info.sessionId);
    if (info.revoked) return false;
    if (role === null || role !== info.actor.role) {
      info.revoked = true;
      if (role === null) socket.close(LIVE_CLOSE.UNAUTHENTICATED, 'Please sign in.');
      else socket.close(LIVE_CLOSE.RIGHTS_CHANGED, 'Your access changed.');
      return false;
    }
    info.checkedAt = Date.now();
    return true;
  }

  /**
   * Where the upgrade came from, as Express's `req.ip` would say it (the upgrade never passes
   * Express): with TRUST_PROXY, the first X-Forwarded-For address; else the peer's.
   */
  private metaOf(request: IncomingMessage): RequestMeta {
    const [firstForwarded = ''] = this.config.trustProxy ? String(request.headers['x-forwarded-for'] ?? '').split(',') : [];
    const forwarded = firstForwarded.trim();
    const ua = request.headers['user-agent'];
    return { ip: forwarded || request.socket.remoteAddress || null, userAgent: typeof ua === 'string' ? ua : null };
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
    this.closing = true;
    for (const { socket, timer } of this.open.values()) {
      clearInterval(timer);
      this.goAway(socket);
    }
    this.open.clear();
    void this.unlisten?.().catch(() => undefined);
  }

  /** Tells a socket this process is going away, and cuts it if its close frame has not come back in time. */
  private goAway(socket: WebSocket): void {
    socket.close(GOING_AWAY, 'Going away');
    setTimeout(() => {
      if (socket.readyState !== socket.CLOSED) socket.terminate();
    }, GOING_AWAY_GRACE_MS).unref();
  }
}
