import { CallHandler, ExecutionContext, Inject, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Actor, DomainError, DomainErrorCode } from '@second-look/domain';
import { AuditEntry, AuditService } from '@second-look/server-audit';
import { APP_CONFIG, AppConfig, gqlContext, isUuid, REDIS, describeSafely } from '@second-look/server-platform';
import { getNamedType, type GraphQLInputType, type GraphQLResolveInfo, isInputObjectType } from 'graphql';
import Redis from 'ioredis';
import { catchError, from, Observable, switchMap, throwError } from 'rxjs';

/**
 * How denied attempts are kept. Windows are fixed 10-minute slots per caller (one Redis
 * counter each, so a flood costs O(1) memory): the first `rowsPerWindow` denials get a row
 * each; after that only summary rows with the running count (at 21, 40, 80, 160 …), so a
 * flood writes a handful of rows. The `alertAfter`-th denial of a window raises one alert to
 * the organization's admins, at most once per `windowSeconds` per caller.
 */
export const DENIED_LIMITS = { windowSeconds: 600, rowsPerWindow: 20, alertAfter: 20 } as const;

export type DeniedBurstHook = (caller: Pick<Actor, 'userId' | 'organizationId'>, burst: { denials: number; windowStartedAt: Date }) => Promise<void>;

/**
 * The ids an operation was given: arguments (and input-object fields) of GraphQL type ID, and
 * any UUID among the other arguments; at most `max`, each cut to 64 characters.
 */
export function idsIn(value: unknown, type: GraphQLInputType | null, max = 5, out: string[] = [], depth = 0): string[] {
  if (out.length >= max || depth > 4 || value === null || value === undefined) return out;
  const named = type ? getNamedType(type) : null;
  if (Array.isArray(value)) {
    for (const v of value.slice(0, 20)) idsIn(v, type, max, out, depth + 1);
  } else if (typeof value === 'string') {
    if ((named?.name === 'ID' || isUuid(value)) && !out.includes(value.slice(0, 64))) out.push(value.slice(0, 64));
  } else if (typeof value === 'object') {
    const fields = named && isInputObjectType(named) ? named.getFields() : null;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) idsIn(v, fields?.[k]?.type ?? null, max, out, depth + 1);
  }
  return out;
}

/**
 * Records a signed-in caller's refused attempt on an id-taking operation: who, which
 * operation, which ids, when and from where (bound to the actor). What the caller gets back
 * is unchanged: the same "not found" whether the id exists elsewhere or not at all, and the
 * same work is done in both cases. The row never says whether the id exists.
 */
@Injectable()
export class DeniedAccessRecorder {
  private readonly log = new Logger('DeniedAccess');
  /** Filled by other areas in onModuleInit (notifications: an in-app alert to admins). */
  readonly burstHooks: DeniedBurstHook[] = [];

  constructor(
    private readonly audit: AuditService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async record(actor: Actor, operation: string, ids: string[], code: DomainErrorCode, now = Date.now()): Promise<void> {
    try {
      const slot = Math.floor(now / 1000 / DENIED_LIMITS.windowSeconds);
      const windowStartedAt = new Date(slot * DENIED_LIMITS.windowSeconds * 1000);
      const key = `${this.config.redisPrefix}:denied:${actor.userId}:${slot}`;
      const [[, n]] = (await this.redis
        .multi()
        .incr(key)
        .expire(key, DENIED_LIMITS.windowSeconds * 2)
        .exec()) as [[unknown, number], unknown];
      const entries: AuditEntry[] = [];
      if (n <= DENIED_LIMITS.rowsPerWindow) {
        entries.push({ action: 'access.denied', entityType: 'operation', entityId: ids[0] ?? null, detail: { operation, ids, code } });
      } else if (isSummaryPoint(n)) {
        entries.push({ action: 'access.denied.summary', entityType: 'user', entityId: actor.userId, detail: { operation, denials: n, windowStartedAt: windowStartedAt.toISOString() } });
      }
      let alert = false;
      if (n === DENIED_LIMITS.alertAfter) {
        // Once per burst: a caller who keeps going past a window's edge is not announced again at once.
        alert = (await this.redis.set(`${this.config.redisPrefix}:denied:alerted:${actor.userId}`, String(slot), 'EX', DENIED_LIMITS.windowSeconds, 'NX')) === 'OK';
        if (alert) entries.push({ action: 'access.denied.burst', entityType: 'user', entityId: actor.userId, detail: { denials: n, withinMinutes: DENIED_LIMITS.windowSeconds / 60 } });
      }
      if (entries.length) await this.audit.record(actor, entries);
      if (alert) for (const hook of this.burstHooks) await hook(actor, { denials: n, windowStartedAt });
    } catch (e) {
      // Never turns a "not found" into another answer; the failure is visible in the logs.
      this.log.error(`denied attempt not recorded: ${describeSafely(e)}`);
    }
  }
}

const isSummaryPoint = (n: number): boolean => {
  if (n === DENIED_LIMITS.rowsPerWindow + 1) return true;
  const r = n / (DENIED_LIMITS.rowsPerWindow * 2);
  return Number.isInteger(r) && (r & (r - 1)) === 0;
};

const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);
const DENIED = new Set<string>([DomainErrorCode.NOT_FOUND, DomainErrorCode.FORBIDDEN]);

/**
 * The root operation a GraphQL call runs and the ids it was given; null when it is not a root
 * field or takes no id (nothing named, so nothing to probe for).
 */
export function deniedTarget(context: ExecutionContext): { operation: string; ids: string[] } | null {
  const gql = GqlExecutionContext.create(context);
  const info = gql.getInfo<GraphQLResolveInfo>();
  if (!info || !ROOTS.has(info.parentType.name)) return null;
  const args = gql.getArgs<Record<string, unknown>>();
  const defs = info.parentType.getFields()[info.fieldName]?.args ?? [];
  const ids: string[] = [];
  for (const [name, value] of Object.entries(args ?? {})) idsIn(value, defs.find((d) => d.name === name)?.type ?? null, 5, ids);
  return ids.length ? { operation: `${info.parentType.name}.${info.fieldName}`, ids } : null;
}

/**
 * Installed globally: a root operation that takes ids and is refused inside (NOT_FOUND or
 * FORBIDDEN from the scope checks) is handed to DeniedAccessRecorder before the error leaves.
 * A signed-in caller whose role may never run an id-taking operation is recorded by AuthGuard
 * the same way; refusals that name no record, or of nobody signed in, are not.
 */
@Injectable()
export class DeniedAccessInterceptor implements NestInterceptor {
  constructor(private readonly denied: DeniedAccessRecorder) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    return next.handle().pipe(
      catchError((e: unknown) => {
        const actor = gqlContext(context).actor;
        if (!(e instanceof DomainError) || !DENIED.has(e.code) || !actor) return throwError(() => e);
        const target = deniedTarget(context);
        if (!target) return throwError(() => e);
        return from(this.denied.record(actor, target.operation, target.ids, e.code)).pipe(switchMap(() => throwError(() => e)));
      }),
    );
  }
}
