import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';

/** For tests: the text drawn on each page, read back through pdf-lib (content streams are compressed). */
export async function pageTexts(pdf: Buffer | Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    return streams
      .map((s) => Buffer.from(decodePDFRawStream(s as PDFRawStream).decode()).toString('latin1'))
      .flatMap((content) => [...content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((t) => Buffer.from(t[1], 'hex').toString('latin1')))
      .join('\n');
  });
}

export const pdfText = async (pdf: Buffer | Uint8Array): Promise<string> => (await pageTexts(pdf)).join('\n');
