import { attachmentDisposition, detectDocumentType, documentFileName } from './document-type';

const bytes = (...parts: Array<string | number[]>): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const pad = (b: Buffer, n = 200): Buffer => Buffer.concat([b, Buffer.alloc(Math.max(0, n - b.length))]);
const dicom = (preamble: Buffer = Buffer.alloc(128)): Buffer => pad(Buffer.concat([preamble, Buffer.from('DICM')]));

describe('document types by their first bytes', () => {
  it.each([
    ['PDF', pad(bytes('%PDF-1.7\n')), 'application/pdf'],
    ['PNG', pad(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'image/png'],
    ['JPEG', pad(bytes([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg'],
    ['TIFF little-endian', pad(bytes([0x49, 0x49, 0x2a, 0x00])), 'image/tiff'],
    ['TIFF big-endian', pad(bytes([0x4d, 0x4d, 0x00, 0x2a])), 'image/tiff'],
    ['BigTIFF (whole-slide scans)', pad(bytes([0x49, 0x49, 0x2b, 0x00])), 'image/tiff'],
    ['ZIP', pad(bytes('PK', [3, 4])), 'application/zip'],
    ['HEIC', pad(bytes([0, 0, 0, 0x18], 'ftypheic')), 'image/heic'],
    ['HEIF', pad(bytes([0, 0, 0, 0x18], 'ftypmif1')), 'image/heif'],
    ['DICOM', dicom(), 'application/dicom'],
    // A DICOM file whose preamble is a TIFF header is still DICOM.
    ['DICOM with a TIFF preamble', dicom(pad(bytes([0x49, 0x49, 0x2a, 0x00]), 128)), 'application/dicom'],
  ])('recognises %s', (_label, head, type) => {
    expect(detectDocumentType(head)?.contentType).toBe(type);
  });

  it.each([
    ['an HTML page', pad(bytes('<!doctype html><script>alert(1)</script>'))],
    ['an SVG', pad(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))],
    ['a Windows program', pad(bytes('MZ', [0x90, 0]))],
    ['an empty ZIP', pad(bytes('PK', [5, 6]))],
    ['an MP4 video (ftyp, other brand)', pad(bytes([0, 0, 0, 0x18], 'ftypisom'))],
    ['"PDF" a few bytes in', pad(bytes('  %PDF-1.7'))],
    ['a short file', bytes('%PD')],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_label, head) => {
    expect(detectDocumentType(head)).toBeNull();
  });
});

describe('document file names', () => {
  const pdf = detectDocumentType(pad(bytes('%PDF-1.7')))!;
  const dcm = detectDocumentType(dicom())!;

  it('keeps a plain name and its matching extension', () => {
    expect(documentFileName('Pathology report – Oct.PDF', pdf)).toBe('Pathology report – Oct.PDF');
  });

  it('drops folders, controls and bidi overrides, and adds the real extension', () => {
    expect(documentFileName('C:\\Users\\maria\\scan.pdf', pdf)).toBe('scan.pdf');
    expect(documentFileName('../../etc/passwd', pdf)).toBe('passwd.pdf');
    expect(documentFileName('report\u202Efdp.exe', pdf)).toBe('reportfdp.exe.pdf');
    expect(documentFileName('a\r\nb.pdf', pdf)).toBe('ab.pdf');
    expect(documentFileName('.hidden', pdf)).toBe('hidden.pdf');
    expect(documentFileName('', pdf)).toBe('document.pdf');
    expect(documentFileName(undefined, dcm)).toBe('document.dcm');
    expect(documentFileName('IM000001', dcm)).toBe('IM000001.dcm');
  });

  it('shortens very long names but keeps the extension', () => {
    const name = documentFileName(`${'x'.repeat(500)}.pdf`, pdf);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('offers the name safely in Content-Disposition', () => {
    expect(attachmentDisposition('scan.pdf')).toBe(`attachment; filename="scan.pdf"; filename*=UTF-8''scan.pdf`);
    expect(attachmentDisposition('Zoë "x"; y.pdf')).toBe(`attachment; filename="Zo_ _x__ y.pdf"; filename*=UTF-8''Zo%C3%AB%20%22x%22%3B%20y.pdf`);
  });
});
