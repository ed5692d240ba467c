import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import { SessionService } from '@second-look/server-identity';
import type { Request, Response } from 'express';
import { privateFileHeaders } from '../document/document.controller';
import { requireCaller, RestErrorFilter } from '../document/rest-errors';
import { RequestLetterService } from './request-letter.service';

/**
 * GET /api/record-requests/:id/letter.pdf  (session cookie) -> 200 application/pdf, as an attachment.
 * GET /api/record-requests/:id/follow-up-letter.pdf  -> the same, once the request is open and
 *   past its legal response date; else 409 NOT_OVERDUE (with `details.legalDueOn` and `status`).
 * Anyone who can read the case may print them, the patient included: they are their letters.
 * Errors: { "error": { "code", "message", "details"? } } with 401/404/409.
 */
@Controller('api')
@UseFilters(RestErrorFilter)
export class RequestLetterController {
  constructor(
    private readonly sessions: SessionService,
    private readonly letters: RequestLetterService,
  ) {}

  @Get('record-requests/:id/letter.pdf')
  async pdf(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(res, await this.letters.pdf(await requireCaller(this.sessions, req), id));
  }

  @Get('record-requests/:id/follow-up-letter.pdf')
  async followUpPdf(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(res, await this.letters.followUpPdf(await requireCaller(this.sessions, req), id));
  }
}

function send(res: Response, { pdf, fileName }: { pdf: Buffer; fileName: string }): void {
  privateFileHeaders(res, 'application/pdf', fileName, pdf.length);
  res.status(200).end(pdf);
}
