import { ArgumentsHost, Catch, Controller, ExceptionFilter, Get, Logger, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { OperationOutcome } from '@medplum/fhirtypes';
import { DomainError, DomainErrorCode } from '@second-look/domain';
import { SessionService } from '@second-look/server-identity';
import { statusFor, describeSafely } from '@second-look/server-platform';
import { requireCaller, RestError } from '@second-look/server-records';
import type { Request, Response } from 'express';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { bundleJsonChunks } from './fhir-bundle';
import { FhirExportService } from './fhir-export.service';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

const ISSUE_CODE: Partial<Record<string, 'login' | 'forbidden' | 'not-found' | 'invalid' | 'throttled'>> = {
  [DomainErrorCode.UNAUTHENTICATED]: 'login',
  [DomainErrorCode.FORBIDDEN]: 'forbidden',
  [DomainErrorCode.NOT_FOUND]: 'not-found',
  [DomainErrorCode.VALIDATION_FAILED]: 'invalid',
  [DomainErrorCode.RATE_LIMITED]: 'throttled',
};

function outcome(code: string, message: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: ISSUE_CODE[code] ?? 'exception', details: { text: message, coding: [{ code }] } }] };
}

/** Errors of the FHIR endpoint as an OperationOutcome (FHIR's error resource); no stack leaves. */
@Catch()
export class FhirErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('FhirExport');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    let status = 500;
    let body = outcome('INTERNAL_SERVER_ERROR', 'Something went wrong on our side. Please try again.');
    if (error instanceof RestError || error instanceof DomainError) {
      status = error instanceof RestError ? error.status : statusFor(error.code);
      body = outcome(error.code, error.message);
    } else {
      this.logger.error(`GET /api/cases/:id/fhir failed: ${describeSafely(error)}`);
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(status).setHeader('Cache-Control', 'no-store').setHeader('Content-Type', FHIR_JSON).end(JSON.stringify(body));
  }
}

/**
 * GET /api/cases/:id/fhir[?attachments=inline]  (session cookie) -> 200 application/fhir+json,
 *   the case as a FHIR R4 collection Bundle, as an attachment. Files are links into the app,
 *   or inline (base64 `attachment.data`) when asked. Anyone who can read the case.
 * Errors: an OperationOutcome with 400/401/404 (404 for a case outside the caller's scope).
 */
@Controller('api')
@UseFilters(FhirErrorFilter)
export class FhirController {
  constructor(
    private readonly sessions: SessionService,
    private readonly fhir: FhirExportService,
  ) {}

  @Get('cases/:id/fhir')
  async caseBundle(@Param('id') id: string, @Query('attachments') attachments: string | undefined, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (attachments !== undefined && attachments !== 'inline' && attachments !== 'link') {
      throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'attachments must be "inline" or "link".', { field: 'attachments' });
    }
    const actor = await requireCaller(this.sessions, req);
    const { bundle, fileName } = await this.fhir.exportCase(actor, id, { inline: attachments === 'inline' });
    res.status(200);
    res.setHeader('Content-Type', FHIR_JSON);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    // Written entry by entry, yielding to other requests between slices of work.
    let sliceStart = performance.now();
    for (const chunk of bundleJsonChunks(bundle)) {
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      if (performance.now() - sliceStart > 10) {
        await yieldToLoop();
        sliceStart = performance.now();
      }
    }
    res.end();
  }
}
