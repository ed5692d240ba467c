import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { SessionService } from '@second-look/server-identity';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { CaseDocumentModel } from './case-document.model';
import { DocumentService } from './document.service';
import { attachmentDisposition } from './document-type';
import { requireCaller, requireCsrfHeader, RestErrorFilter } from './rest-errors';

/** Headers for anything patient-derived we send as a file. */
export function privateFileHeaders(res: Response, contentType: string, fileName: string, length?: number): void {
  res.setHeader('Content-Type', contentType);
  if (length !== undefined) res.setHeader('Content-Length', String(length));
  res.setHeader('Content-Disposition', attachmentDisposition(fileName));
  // Never rendered as something else (an "image" that is really HTML), never kept by a shared
  // cache or the browser's disk cache, never embedded by another site.
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
}

/**
 * Files on packet items, over REST because multipart uploads and binary downloads do not fit
 * GraphQL well. The caller comes from the session cookie, as for /graphql.
 *
 * POST   /api/packet-items/:id/documents   multipart/form-data, one file in field "file",
 *                                          header x-second-look-csrf: 1  -> 201 CaseDocument JSON
 * GET    /api/documents/:id                -> 200 the bytes, as an attachment
 * DELETE /api/documents/:id                header x-second-look-csrf: 1  -> 204
 * Errors: { "error": { "code", "message", "details"? } } with 400/401/403/404/413.
 */
@Controller('api')
@UseFilters(RestErrorFilter)
export class DocumentController {
  constructor(
    private readonly sessions: SessionService,
    private readonly documents: DocumentService,
  ) {}

  @Post('packet-items/:id/documents')
  @HttpCode(201)
  async upload(@Param('id') id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<CaseDocumentModel> {
    requireCsrfHeader(req);
    const actor = await requireCaller(this.sessions, req);
    const doc = await this.documents.upload(actor, id, req);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Location', doc.downloadUrl);
    return doc;
  }

  @Get('documents/:id')
  async download(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const actor = await requireCaller(this.sessions, req);
    const { doc, body } = await this.documents.open(actor, id);
    privateFileHeaders(res, doc.contentType, doc.fileName, Number(doc.sizeBytes));
    res.status(200);
    try {
      await pipeline(body, res);
    } catch (e) {
      // The reader went away mid-file: nothing to answer. Anything else cannot change the
      // status any more; the filter cuts the connection so the client sees an incomplete file.
      if ((e as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw e;
    }
  }

  @Delete('documents/:id')
  @HttpCode(204)
  async remove(@Param('id') id: string, @Req() req: Request): Promise<void> {
    requireCsrfHeader(req);
    const actor = await requireCaller(this.sessions, req);
    await this.documents.remove(actor, id);
  }
}
