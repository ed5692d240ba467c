import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource } from 'typeorm';

/**
 * Whose rows the current work may touch, as PostgreSQL's row-level security sees it
 * (docs/operations.md, "Database roles and row-level security"):
 * - `organization`: one organization's rows (a signed-in request, a job about one organization);
 * - `system`: rows of every organization, for the few things that must cross them before an
 *   organization is known or across all (signing in, the outbox relay, the nightly fan-out);
 * - `none`: no row at all (a request before its session is known).
 *
 * `caseMember` narrows an organization scope further, for a patient's or caregiver's request: the
 * case tables then show only the cases `actorId` is a participant of (the `case_member` policies,
 * docs/operations.md). Staff sessions, jobs and the system scope never set it.
 *
 * It travels in AsyncLocalStorage (on Node 24 that is an async context frame, without the
 * promise hooks older Node versions paid for on every promise). The store is mutable: a
 * request starts as `none` and becomes its organization once the session is resolved.
 */
export interface TenantScope {
  organizationId: string | null;
  actorId: string | null;
  system: boolean;
  caseMember: boolean;
}

const storage = new AsyncLocalStorage<TenantScope>();

/**
 * The scope of work that entered none: background work of the API and the worker (the outbox
 * relay, timers, a job before it narrows to its organization) and the CLI. Every HTTP request
 * enters a scope of its own (tenantScopeMiddleware) that starts as `none`.
 */
const FALLBACK: TenantScope = Object.freeze({ organizationId: null, actorId: null, system: true, caseMember: false });

export const TenantContext = {
  /** Runs `fn` with its own scope (nested runs do not change the outer one). */
  run<T>(scope: Partial<TenantScope>, fn: () => T): T {
    return storage.run({ organizationId: null, actorId: null, system: false, caseMember: false, ...scope }, fn);
  },
  /** Runs `fn` in one organization's scope. */
  forOrganization<T>(organizationId: string, fn: () => T, actorId: string | null = null): T {
    return storage.run({ organizationId, actorId, system: false, caseMember: false }, fn);
  },
  /** Runs `fn` across organizations. Use only for lookups that must happen before the organization is known. */
  system<T>(fn: () => T): T {
    return storage.run({ organizationId: null, actorId: null, system: true, caseMember: false }, fn);
  },
  /**
   * Narrows the current (request's) scope to one organization, once its caller is known; for a
   * patient or caregiver (`caseMember`) also to the cases they joined.
   */
  enterOrganization(organizationId: string, actorId: string | null, caseMember = false): void {
    const s = storage.getStore();
    if (!s) return; // outside a request (a live socket): the caller's own queries filter by organization
    s.organizationId = organizationId;
    s.actorId = actorId;
    s.system = false;
    s.caseMember = caseMember && actorId !== null;
  },
  /** Widens the current (anonymous request's) scope to every organization: only for operations marked public. */
  enterSystem(): void {
    const s = storage.getStore();
    if (!s) return;
    s.organizationId = null;
    s.actorId = null;
    s.system = true;
    s.caseMember = false;
  },
  current(): TenantScope {
    return storage.getStore() ?? FALLBACK;
  },
};

/** The statement that puts a scope on a connection: one round trip, only when the connection's scope differs. */
const SET_SCOPE = `SELECT set_config('app.organization_id', $1, false), set_config('app.actor_id', $2, false), set_config('app.scope', $3, false), set_config('app.case_member', $4, false)`;
const APPLIED = Symbol('sl.tenantScope');

/**
 * A scope as PostgreSQL's settings hold it: `app.organization_id`, `app.actor_id`, `app.scope`
 * (`system`, `organization` or `none`) and `app.case_member` (`on` or empty).
 */
export type ConnectionScope = readonly [organizationId: string, actorId: string, scope: string, caseMember: string];

/** The settings that put `s` on a connection. */
export function connectionScope(s: TenantScope): ConnectionScope {
  const org = s.organizationId ?? '';
  const scope = s.system ? 'system' : org ? 'organization' : 'none';
  return [org, s.actorId ?? '', scope, scope === 'organization' && s.caseMember ? 'on' : ''];
}

const keyOf = (c: ConnectionScope): string => c.join('|');

/**
 * The scope of a statement that sets its connection's scope itself (queryPuttingScope): the pool
 * hands it a connection as it is. Seen from outside it is the system scope, which is what such a
 * statement starts with.
 */
const SETS_OWN_SCOPE: TenantScope = Object.freeze({ organizationId: null, actorId: null, system: true, caseMember: false });

type PgClient = { query(sql: string, params: unknown[]): Promise<unknown>; [APPLIED]?: string };
type Obtain = () => Promise<[PgClient, (err?: unknown) => void]>;

/**
 * Makes every connection a DataSource takes from its pool carry the current TenantScope
 * before its first statement. A connection remembers the scope it has, so a pool serving one
 * organization pays nothing; a change costs one `set_config` round trip. Transactions hold
 * their connection, so a transaction's statements all run in the scope it started with.
 */
export function installTenantScope(dataSource: DataSource): DataSource {
  const driver = dataSource.driver as unknown as { obtainMasterConnection: Obtain; obtainSlaveConnection?: Obtain; [APPLIED]?: true };
  if (driver[APPLIED]) return dataSource;
  driver[APPLIED] = true;
  const wrap =
    (obtain: Obtain): Obtain =>
    async () => {
      const [client, release] = await obtain();
      const s = TenantContext.current();
      if (s === SETS_OWN_SCOPE) return [client, release];
      const wanted = connectionScope(s);
      const key = keyOf(wanted);
      if (client[APPLIED] !== key) {
        try {
          await client.query(SET_SCOPE, [...wanted]);
        } catch (e) {
          // A connection whose scope is unknown never goes back to the pool.
          release(e instanceof Error ? e : new Error('could not set the tenant scope'));
          throw e;
        }
        client[APPLIED] = key;
      }
      return [client, release];
    };
  driver.obtainMasterConnection = wrap(driver.obtainMasterConnection.bind(driver));
  return dataSource;
}

/**
 * Runs one statement that sets its connection's scope itself, with `set_config` as SET_SCOPE does
 * (the session lookup, `app_enter_session`: it crosses organizations, then leaves the connection
 * in the caller's scope), and records on that connection the scope `scopeOf` reads from its rows.
 * The request's next statement on the connection then needs no `set_config` round trip of its own.
 * The statement gets its connection as the pool has it, with no scope set first: it must set every
 * setting it relies on. A failed statement's `set_config`s roll back with it; its connection is
 * marked unknown all the same, so its next use sets the scope again.
 */
export async function queryPuttingScope<T>(dataSource: DataSource, sql: string, params: unknown[], scopeOf: (rows: T[]) => ConnectionScope): Promise<T[]> {
  const runner = dataSource.createQueryRunner('master');
  // PostgreSQL's query runner keeps its pooled `pg` client here once connected.
  const clientOf = () => (runner as unknown as { databaseConnection?: PgClient }).databaseConnection;
  try {
    const rows = (await storage.run(SETS_OWN_SCOPE, () => runner.query(sql, params))) as T[];
    const client = clientOf();
    if (client) client[APPLIED] = keyOf(scopeOf(rows));
    return rows;
  } catch (e) {
    const client = clientOf();
    if (client) delete client[APPLIED];
    throw e;
  } finally {
    await runner.release();
  }
}

/** Express middleware: each HTTP request runs in a scope of its own, `none` until its session is known. */
export function tenantScopeMiddleware(_req: unknown, _res: unknown, next: () => void): void {
  storage.run({ organizationId: null, actorId: null, system: false, caseMember: false }, next);
}
