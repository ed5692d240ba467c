/** What the document endpoints answer (libs/server/records/src/document/document.controller.ts). */
export interface UploadedDocument {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  downloadUrl: string;
}

export interface UploadFailure {
  /** The API's code (VALIDATION_FAILED, NOT_FOUND, UNAUTHENTICATED...) or NETWORK. */
  code: string;
  /** The server's sentence, written for people; absent for network failures. */
  message?: string;
}

export type UploadResult = { ok: true; document: UploadedDocument } | { ok: false; error: UploadFailure };

/** The header the API wants on every document POST/DELETE (a form cannot set it cross-site). */
export const CSRF_HEADER = 'x-second-look-csrf';

/** Files the packet accepts; the server checks the bytes, this only helps the file picker. */
export const ACCEPT = 'application/pdf,.pdf,image/*,.heic,.heif,.tif,.tiff,.svs,application/dicom,.dcm,.dicom,application/zip,.zip';

/**
 * Streams one file to a packet item. XMLHttpRequest rather than fetch for upload progress:
 * a scan on a phone's mobile data can take a while, and a moving bar is calmer than a spinner.
 */
export function uploadDocument(packetItemId: string, file: File, onProgress?: (fraction: number) => void): Promise<UploadResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/packet-items/${encodeURIComponent(packetItemId)}/documents`);
    xhr.withCredentials = true;
    xhr.setRequestHeader(CSRF_HEADER, '1');
    xhr.responseType = 'text';
    if (onProgress) xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => resolve({ ok: false, error: { code: 'NETWORK' } });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body && typeof body === 'object') {
        resolve({ ok: true, document: body as UploadedDocument });
        return;
      }
      const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
      resolve({ ok: false, error: { code: err?.code ?? (xhr.status === 413 ? 'VALIDATION_FAILED' : 'UNKNOWN'), message: err?.message } });
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Removes one file (the API checks the caller may edit the case, and audits it). */
export async function deleteDocument(documentId: string): Promise<{ ok: true } | { ok: false; error: UploadFailure }> {
  let res: Response;
  try {
    res = await fetch(`/api/documents/${encodeURIComponent(documentId)}`, { method: 'DELETE', credentials: 'same-origin', headers: { [CSRF_HEADER]: '1' } });
  } catch {
    return { ok: false, error: { code: 'NETWORK' } };
  }
  if (res.ok) return { ok: true };
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  return { ok: false, error: { code: body?.error?.code ?? 'UNKNOWN', message: body?.error?.message } };
}
