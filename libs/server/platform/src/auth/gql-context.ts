import type { Actor } from '@second-look/domain';
import type { Request, Response } from 'express';

/** What every resolver receives as GraphQL context. */
export interface GqlContext {
  req: Request;
  res: Response;
  /** Set by the auth guard once the session cookie has been checked; null when signed out. */
  actor?: Actor | null;
  sessionId?: string | null;
  /** The caller's organization's time zone, read with the session (dates are the org's). */
  timeZone?: string | null;
  /** Set for operations that arrive over a live (graphql-ws) connection. */
  live?: { connectionId: string };
  /** Per-request memo (DataLoaders, the resolved session). Never shared between requests. */
  memo?: Map<string, unknown>;
}

/** A value built once per request and reused by every resolver of that request. */
export function perRequest<T>(ctx: GqlContext, key: string, build: () => T): T {
  ctx.memo ??= new Map();
  if (!ctx.memo.has(key)) ctx.memo.set(key, build());
  return ctx.memo.get(key) as T;
}
