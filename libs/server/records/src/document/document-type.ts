/**
 * The file types a packet accepts, recognized by their first bytes. The declared type and
 * the file name are the sender's claims; the bytes decide, and the stored content type is
 * the one detected here, so a download is always served as what it really is.
 */
export interface DocumentType {
  contentType: string;
  /** Extensions a file of this type may carry; the first one is added when the name has none of them. */
  extensions: readonly string[];
  label: string;
}

/** Enough bytes to see every signature below (DICOM puts "DICM" after a 128-byte preamble). */
export const SNIFF_BYTES = 132;

const T = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  png: { contentType: 'image/png', extensions: ['png'], label: 'PNG image' },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], label: 'JPEG image' },
  heic: { contentType: 'image/heic', extensions: ['heic', 'heif', 'hif'], label: 'HEIC image' },
  heif: { contentType: 'image/heif', extensions: ['heif', 'heic', 'hif'], label: 'HEIF image' },
  // Whole-slide pathology scans (.svs, BigTIFF) are TIFF underneath.
  tiff: { contentType: 'image/tiff', extensions: ['tif', 'tiff', 'svs'], label: 'TIFF image' },
  dicom: { contentType: 'application/dicom', extensions: ['dcm', 'dicom', 'dic'], label: 'DICOM image' },
  zip: { contentType: 'application/zip', extensions: ['zip'], label: 'ZIP archive' },
} satisfies Record<string, DocumentType>;

export const ACCEPTED_DOCUMENT_TYPES: readonly DocumentType[] = Object.values(T);

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const HEIF_BRANDS = new Set(['mif1', 'msf1']);

const startsWith = (head: Buffer, bytes: number[], at = 0): boolean => head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const ascii = (head: Buffer, from: number, to: number): string => (head.length >= to ? head.toString('latin1', from, to) : '');

/** The type of a file from its first `SNIFF_BYTES` bytes, or null when it is none we accept. */
export function detectDocumentType(head: Buffer): DocumentType | null {
  // DICOM first: its preamble is free-form and may itself look like a TIFF (dual-format files).
  if (ascii(head, 128, 132) === 'DICM') return T.dicom;
  if (ascii(head, 0, 5) === '%PDF-') return T.pdf;
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return T.png;
  if (startsWith(head, [0xff, 0xd8, 0xff])) return T.jpeg;
  // Classic TIFF (42) and BigTIFF (43), little- and big-endian.
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return T.tiff;
  if (startsWith(head, [0x49, 0x49, 0x2b, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2b])) return T.tiff;
  // A local file header: an archive with at least one entry (an empty ZIP starts PK\5\6).
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return T.zip;
  if (ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    if (HEIC_BRANDS.has(brand)) return T.heic;
    if (HEIF_BRANDS.has(brand)) return T.heif;
  }
  return null;
}

// Controls, and the bidirectional overrides that make "gpj.exe" display as "exe.jpg".
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const MAX_NAME = 200;

/**
 * The name shown and offered on download: the sender's base name without any folder part,
 * control characters or bidi tricks, with an extension that matches the detected type
 * (appended, never replaced, so the original name stays recognisable).
 */
export function documentFileName(raw: string | null | undefined, type: DocumentType): string {
  let name = (raw ?? '').normalize('NFC').replace(UNSAFE_CHARS, '');
  name = (name.split(/[\\/]/).pop() ?? '').trim().replace(/^\.+/, '').trim();
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (!name) name = 'document';
  if (!type.extensions.includes(ext)) name = `${name}.${type.extensions[0]}`;
  if (name.length > MAX_NAME) {
    const tail = name.slice(name.lastIndexOf('.'));
    name = name.slice(0, MAX_NAME - tail.length) + tail;
  }
  return name;
}

/**
 * `Content-Disposition: attachment` with a plain-ASCII fallback and the exact name in
 * RFC 5987 form, so quotes, semicolons or non-Latin names cannot break the header.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
