import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
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
 */
export function requestLogging(root: RootLogger): RequestHandler {
  const http = pinoHttp({
    logger: root,
    // The root's own serializers (safeError), not pino's standard error copy in front of them.
    wrapSerializers: false,
    serializers: { err: safeError },
    genReqId: requestIdOf,
    quietReqLogger: true,
    quietResLogger: true,
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (req) => `${req.method} ${pathOf(req)}`,
    customErrorMessage: (req) => `${req.method} ${pathOf(req)} failed`,
    customSuccessObject: (req, res, value: { responseTime?: number }) => ({ ...line(req, res), responseTime: value.responseTime }),
    customErrorObject: (req, res, err, value: { responseTime?: number }) => ({ ...line(req, res), responseTime: value.responseTime, err: safeError(err) }),
  });
  return (req: Request, res: Response, next: NextFunction) => http(req, res, () => runWithRequestLogger(req.log, next));
}

/** Express rewrites req.url inside mounted routers; originalUrl is what the client asked for. */
const pathOf = (req: IncomingMessage) => loggablePath((req as { originalUrl?: string }).originalUrl ?? req.url);

function line(req: IncomingMessage, res: ServerResponse) {
  const f = fieldsOf.get(req);
  // Flat fields: pino-http's own req/res serializers would read these objects as Node's.
  return { method: req.method, url: pathOf(req), status: res.statusCode, ...f };
}
