import { DomainErrorCode } from '@second-look/domain';
import busboy from 'busboy';
import type { Request } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ACCEPTED_DOCUMENT_TYPES, detectDocumentType, documentFileName, DocumentType, SNIFF_BYTES } from './document-type';
import { RestError } from './rest-errors';

export const UPLOAD_FIELD = 'file';

/** A validated upload waiting in a private temporary file until it is stored. */
export interface ReceivedUpload {
  tmpPath: string;
  fileName: string;
  type: DocumentType;
  sizeBytes: number;
  sha256: string;
  /** What the sender claimed; kept for the audit detail only, never trusted. */
  declaredType: string;
  discard(): Promise<void>;
}

const tooLarge = (maxBytes: number): RestError =>
  new RestError(413, DomainErrorCode.VALIDATION_FAILED, `The file is larger than the ${formatBytes(maxBytes)} limit.`, { field: UPLOAD_FIELD, maxBytes });

const badType = (declaredType: string): RestError =>
  new RestError(400, DomainErrorCode.VALIDATION_FAILED, 'This kind of file cannot be added. Upload a PDF, an image (PNG, JPEG, HEIC, TIFF), DICOM, or a ZIP of DICOM files.', {
    field: UPLOAD_FIELD,
    declaredType,
    accepted: [...new Set(ACCEPTED_DOCUMENT_TYPES.map((t) => t.contentType))],
  });

const invalid = (message: string): RestError => new RestError(400, DomainErrorCode.VALIDATION_FAILED, message, { field: UPLOAD_FIELD });

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`;
}

/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * Reads one file from a multipart/form-data request into a private temporary file, counting,
 * hashing and checking its first bytes as it arrives. It stops at the first byte over the
 * limit or as soon as the first bytes rule the type out, so a wrong or oversized file is
 * never written in full, and the caller stores nothing unless this resolves.
 */
export async function receiveUpload(req: Request, maxBytes: number): Promise<ReceivedUpload> {
  const declaredLength = Number(req.get('content-length'));
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes + MULTIPART_OVERHEAD) throw tooLarge(maxBytes);

  let bb: busboy.Busboy;
  try {
    bb = busboy({
      headers: req.headers,
      // Browsers send UTF-8 file names without saying so.
      defParamCharset: 'utf8',
      // busboy flags a file that *reaches* its limit, so it is given one byte more than ours.
      limits: { files: 1, fileSize: maxBytes + 1, fields: 10, fieldSize: 1024, parts: 12, headerPairs: 20 },
    });
  } catch {
    throw invalid(`Send the file as multipart/form-data, in the field "${UPLOAD_FIELD}".`);
  }

  const tmpPath = join(tmpdir(), `second-look-upload-${randomUUID()}`);
  const discard = (): Promise<void> => rm(tmpPath, { force: true });

  return new Promise<ReceivedUpload>((resolve, reject) => {
    let settled = false;
    let fileStream: (NodeJS.ReadableStream & { destroy(): void; truncated?: boolean }) | null = null;
    let fileDone: Promise<Omit<ReceivedUpload, 'tmpPath' | 'discard'>> | null = null;

    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      // Stop parsing but keep draining the request, so the client reads our answer instead
      // of a reset connection while it is still sending.
      req.unpipe(bb);
      req.resume();
      bb.removeAllListeners();
      bb.on('error', () => undefined);
      fileStream?.destroy();
      // The temporary file is removed only once its stream has closed, so it cannot reappear.
      void (fileDone ?? Promise.resolve())
        .catch(() => undefined)
        .then(discard)
        .finally(() => reject(error));
    };

    bb.on('file', (name, stream, info) => {
      if (name !== UPLOAD_FIELD || fileStream) {
        stream.resume();
        return;
      }
      fileStream = stream;
      const hash = createHash('sha256');
      let size = 0;
      let head = Buffer.alloc(0);
      let type: DocumentType | null = null;
      const check = (): void => {
        type = detectDocumentType(head);
        if (!type) throw badType(info.mimeType);
      };
      const inspect = new Transform({
        transform(chunk: Buffer, _enc, cb: TransformCallback) {
          try {
            size += chunk.length;
            if (size > maxBytes) throw tooLarge(maxBytes);
            hash.update(chunk);
            if (!type) {
              head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
              if (head.length >= SNIFF_BYTES) check();
            }
            cb(null, chunk);
          } catch (e) {
            cb(e as Error);
          }
        },
        flush(cb: TransformCallback) {
          try {
            if (size === 0) throw invalid('The file is empty.');
            if (!type) check();
            cb();
          } catch (e) {
            cb(e as Error);
          }
        },
      });
      stream.on('limit', () => inspect.destroy(tooLarge(maxBytes)));
      fileDone = pipeline(stream, inspect, createWriteStream(tmpPath, { flags: 'wx', mode: 0o600 })).then(() => {
        const t = type as DocumentType | null;
        if (stream.truncated) throw tooLarge(maxBytes);
        if (!t) throw badType(info.mimeType);
        return { fileName: documentFileName(info.filename, t), type: t, sizeBytes: size, sha256: hash.digest('hex'), declaredType: info.mimeType };
      });
      fileDone.catch(fail);
    });
    bb.on('filesLimit', () => fail(invalid('Send one file at a time.')));
    bb.on('partsLimit', () => fail(invalid('The form has too many parts.')));
    bb.on('error', () => fail(invalid('The upload was cut short or is not valid multipart/form-data.')));
    bb.on('close', () => {
      if (settled) return;
      if (!fileDone) return fail(invalid(`Attach the file in the form field "${UPLOAD_FIELD}".`));
      fileDone.then((file) => {
        if (settled) return;
        settled = true;
        resolve({ ...file, tmpPath, discard });
      }, fail);
    });
    req.on('close', () => {
      if (!req.complete) fail(invalid('The upload was cut short.'));
    });
    req.pipe(bb);
  });
}
