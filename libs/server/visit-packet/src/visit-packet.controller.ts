import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { SessionService } from '@second-look/server-identity';
import { privateFileHeaders, requireCaller, RestErrorFilter } from '@second-look/server-records';
import type { Request, Response } from 'express';
import { VisitPacketService } from './visit-packet.service';

/**
 * GET /api/cases/:caseId/visit-packet.pdf[?appointment=<id>]  (session cookie)
 *   -> 200 application/pdf, as an attachment: the packet for that booked visit, or without
 *   `appointment` for the case's next one (and a plain "no appointment yet" when there is none).
 * Anyone who can read the case may download it, the patient included. Outside the caller's scope
 * the case (or the appointment) answers 404 NOT_FOUND, exactly like an id that does not exist.
 * Errors: { "error": { "code", "message" } } with 401/404.
 */
@Controller('api')
@UseFilters(RestErrorFilter)
export class VisitPacketController {
  constructor(
    private readonly sessions: SessionService,
    private readonly packets: VisitPacketService,
  ) {}

  @Get('cases/:caseId/visit-packet.pdf')
  async pdf(@Param('caseId') caseId: string, @Query('appointment') appointment: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const actor = await requireCaller(this.sessions, req);
    // Anything but one id (a repeated parameter, an empty one) is an appointment that does not exist.
    const { pdf, fileName } = await this.packets.pdf(actor, caseId, appointment === undefined ? null : String(appointment));
    privateFileHeaders(res, 'application/pdf', fileName, pdf.length);
    res.status(200).end(pdf);
  }
}
