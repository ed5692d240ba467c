import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RootLogger, runWithRequestLogger } from './logger';
import { safeError } from './safe-error';

/** What the GraphQL layer learns about a request (GraphqlObserver), for its log line. Ids and codes only. */
export interface RequestLogFields {
  operation?: string;
  operationType?: string;
  userId?: string;
  organizationId?: string;
  /** The error codes the answer carried (never messages). */
  errors?: string[];
}

const fieldsOf = new WeakMap<object, RequestLogFields>();

export function requestLogFields(req: object): RequestLogFields {
  let f = fieldsOf.get(req);
  if (!f) fieldsOf.set(req, (f = {}));
  return f;
}

/** A caller's X-Request-Id is kept when it looks like an id (a balancer's or a client's); otherwise a new one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The path as logged: no query string (it can carry a search or a token), and any long segment
 * that is not a uuid (the tokens of /invite/:token, /reset-password/:token) as `:token`.
 */
export function loggablePath(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0] ?? '/';
  return path
    .split('/')
    .map((s) => (s.length > 24 && !UUID.test(s) ? ':token' : s))
    .join('/')
    .slice(0, 200);
}

/**
 * One line per HTTP request when it is answered (method, path, status, duration, request id and,
 * for GraphQL, the operation, the caller's user and organization ids and the error codes), and
 * the request's id on every line logged while it is served. No headers, cookies, bodies,
 * variables or query strings. Health probes are not logged.
 *
 * Written here rather than with pino-http, which made two child loggers per request, one of them
 * bound to the whole request object: pino serialized and redacted every request (headers, cookie
 * included) to build a logger nothing used, about 0.6 ms of the API thread per request
 * (docs/dashboards.md, "The API's fixed cost per request"). The line is the same.
 */
export function requestLogging(root: RootLogger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const log = root.child({ reqId: requestIdOf(req, res) });
    if (!(req.url ?? '').startsWith('/health')) {
      const started = Date.now();
      const done = (err?: unknown) => {
        res.removeListener('close', done);
        res.removeListener('finish', done);
        const responseTime = Date.now() - started;
        const failed = err instanceof Error || res.statusCode >= 500;
        if (failed)
          log.error({ ...line(req, res), responseTime, err: safeError(err instanceof Error ? err : new Error(`failed with status code ${res.statusCode}`)) }, `${req.method} ${pathOf(req)} failed`);
        else log.info({ ...line(req, res), responseTime }, `${req.method} ${pathOf(req)}`);
      };
      res.on('close', done);
      res.on('finish', done);
    }
    runWithRequestLogger(log, next);
  };
}

/** Express rewrites req.url inside mounted routers; originalUrl is what the client asked for. */
const pathOf = (req: IncomingMessage) => loggablePath((req as { originalUrl?: string }).originalUrl ?? req.url);

function line(req: IncomingMessage, res: ServerResponse) {
  const f = fieldsOf.get(req);
  // Flat fields, never the request or response objects: none of their headers can reach the line.
  return { method: req.method, url: pathOf(req), status: res.statusCode, ...f };
}
