import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import { SessionService } from '@second-look/server-identity';
import { requestMeta, TenantContext } from '@second-look/server-platform';
import { privateFileHeaders, requireCaller, RestErrorFilter } from '@second-look/server-records';
import type { Request, Response } from 'express';
import { CalendarService } from './calendar.service';

const ICS = 'text/calendar; charset=utf-8';

/**
 * GET /api/appointments/:id/calendar.ics  (session cookie) -> 200 text/calendar, as an attachment:
 *   one appointment for the caller's own calendar. Anyone who can read the case; 404 outside scope.
 * GET /api/calendar/:secret.ics  (no cookie: the secret is the key) -> 200 text/calendar, the
 *   person's feed; 404 for any secret that opens nothing; 429 when guessing or polling too fast.
 * Errors of the download: { "error": { "code", "message" } }; the feed answers plain words only.
 */
@Controller('api')
@UseFilters(RestErrorFilter)
export class CalendarController {
  constructor(
    private readonly sessions: SessionService,
    private readonly calendar: CalendarService,
  ) {}

  @Get('appointments/:id/calendar.ics')
  async appointment(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { ics, fileName } = await this.calendar.appointmentIcs(await requireCaller(this.sessions, req), id);
    const body = Buffer.from(ics, 'utf8');
    privateFileHeaders(res, ICS, fileName, body.length);
    res.status(200).end(body);
  }

  @Get('calendar/:file')
  async feed(@Param('file') file: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const token = file.endsWith('.ics') ? file.slice(0, -4) : file;
    // No session: the secret names the feed, whose organization is not known before the lookup.
    const answer = await TenantContext.system(() => this.calendar.feedByToken(token, requestMeta(req)));
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Robots-Tag', 'noindex');
    if (answer.status === 'missing') {
      res.status(404).type('text/plain').end('Not found');
    } else if (answer.status === 'limited') {
      res.setHeader('Retry-After', String(answer.retryAfterSeconds));
      res.status(429).type('text/plain').end('Too many requests');
    } else {
      const body = Buffer.from(answer.ics, 'utf8');
      res.setHeader('Content-Type', ICS);
      res.setHeader('Content-Length', String(body.length));
      res.setHeader('Content-Disposition', 'inline; filename="second-look.ics"');
      res.status(200).end(body);
    }
  }
}
