// Reads a PDF on stdin with pdfjs-dist (the engine of Firefox's viewer, independent of pdf-lib
// that wrote it) and prints what a reader gets out of it as JSON: the page count, each page's
// text in drawing order, and the document information (Title, Author, Language).
// Used by tests through libs/server/visit-packet/src/testing/read-pdf.testing.ts; pdfjs-dist is
// ECMAScript-module only, so it runs in its own Node process.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = new Uint8Array(Buffer.concat(chunks));
const task = getDocument({ data, verbosity: 0, isEvalSupported: false, useSystemFonts: false });
const doc = await task.promise;
const pages = [];
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
}
const { info } = await doc.getMetadata();
process.stdout.write(JSON.stringify({ numPages: doc.numPages, pages, info }));
await task.destroy();
