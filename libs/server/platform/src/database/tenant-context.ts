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
      const org = s.organizationId ?? '';
      const actor = s.actorId ?? '';
      const scope = s.system ? 'system' : org ? 'organization' : 'none';
      const member = scope === 'organization' && s.caseMember ? 'on' : '';
      const key = `${org}|${actor}|${scope}|${member}`;
      if (client[APPLIED] !== key) {
        try {
          await client.query(SET_SCOPE, [org, actor, scope, member]);
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

/** Express middleware: each HTTP request runs in a scope of its own, `none` until its session is known. */
export function tenantScopeMiddleware(_req: unknown, _res: unknown, next: () => void): void {
  storage.run({ organizationId: null, actorId: null, system: false, caseMember: false }, next);
}
