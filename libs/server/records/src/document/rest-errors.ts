import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Actor, DomainError, DomainErrorCode } from '@second-look/domain';
import { SessionService } from '@second-look/server-identity';
import { bindRequestMeta, requestMeta, safeError, statusFor } from '@second-look/server-platform';
import type { Request, Response } from 'express';

/**
 * A failure of a REST endpoint with its HTTP status. The body has the same code and message
 * a GraphQL error would carry, so the web client shows both the same way:
 * `{ "error": { "code": "VALIDATION_FAILED", "message": "...", "details": { ... } } }`.
 */
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: DomainErrorCode | 'INTERNAL_SERVER_ERROR',
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'RestError';
  }
}

/** JSON errors for the document and letter endpoints; no stack or internal message leaves. */
@Catch()
export class RestErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('RestError');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    let status: number;
    let body: { code: string; message: string; details?: Record<string, unknown> };
    if (error instanceof RestError) {
      status = error.status;
      body = { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
    } else if (error instanceof DomainError) {
      status = statusFor(error.code);
      body = { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
    } else if (error instanceof HttpException && error.getStatus() < 500) {
      status = error.getStatus();
      body = { code: status === 404 ? DomainErrorCode.NOT_FOUND : DomainErrorCode.VALIDATION_FAILED, message: error.message };
    } else {
      this.logger.error({ msg: `${req.method} ${req.route?.path ?? '(route)'} failed`, err: safeError(error) });
      status = 500;
      body = { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side. Please try again.' };
    }
    if (res.headersSent) {
      // Mid-download: the status is gone; cutting the connection tells the client the file is incomplete.
      res.destroy();
      return;
    }
    res.status(status).setHeader('Cache-Control', 'no-store').json({ error: body });
  }
}

export const CSRF_HEADER = 'x-second-look-csrf';

/**
 * Uploads and deletes are authenticated by the session cookie alone, and a multipart POST is
 * a "simple" request that any site's HTML form can send cross-site. SameSite=Lax keeps the
 * cookie off most such posts; this header closes the rest: a form cannot set headers, and a
 * cross-origin fetch that sets one needs a CORS preflight, which this API never grants.
 * The web client sends `x-second-look-csrf: 1` on every POST and DELETE here.
 */
export function requireCsrfHeader(req: Request): void {
  if (req.get(CSRF_HEADER) !== '1') {
    throw new RestError(403, DomainErrorCode.FORBIDDEN, `This request needs the header "${CSRF_HEADER}: 1".`, { header: CSRF_HEADER });
  }
}

/** The caller behind the session cookie; 401 when there is none. */
export async function requireCaller(sessions: SessionService, req: Request): Promise<Actor> {
  const resolved = await sessions.resolve(req);
  if (!resolved) throw new RestError(401, DomainErrorCode.UNAUTHENTICATED, 'Please sign in.');
  if (resolved.mustEnroll) throw new RestError(403, DomainErrorCode.FACTOR_ENROLLMENT_REQUIRED, 'Please add a second sign-in step first.');
  return bindRequestMeta(resolved.actor, requestMeta(req));
}
