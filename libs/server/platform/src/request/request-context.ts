import type { Request } from 'express';

/** Where a request came from: recorded in the audit log. Never holds patient data. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

const NONE: RequestMeta = Object.freeze({ ip: null, userAgent: null });

/**
 * The meta travels with the objects a request already hands to every service (the caller's
 * Actor, or Express's req), not in AsyncLocalStorage: on Node 20 a single AsyncLocalStorage
 * turns on async_hooks promise hooks for the whole process, and every promise of every
 * request then pays for them (about a tenth of the API thread on the records board).
 */
const metaOf = new WeakMap<object, RequestMeta>();

/** The meta of an HTTP request (`req.ip` honours TRUST_PROXY), computed once per request. */
export function requestMeta(req: Request | undefined | null): RequestMeta {
  if (!req) return NONE;
  let meta = metaOf.get(req);
  if (!meta) {
    meta = { ip: req.ip ?? null, userAgent: req.get?.('user-agent') ?? null };
    metaOf.set(req, meta);
  }
  return meta;
}

/** Ties `meta` to `owner` (a per-request Actor) so services that only get the actor can audit where it came from. */
export function bindRequestMeta<T extends object>(owner: T, meta: RequestMeta): T {
  metaOf.set(owner, meta);
  return owner;
}

/** The meta bound to an actor (or a request); none for work outside a request (the worker, seeds). */
export function requestMetaOf(owner: object | null | undefined): RequestMeta {
  return (owner && metaOf.get(owner)) || NONE;
}
