import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { PDFDocument, PDFFont } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/*
 * DejaVu Sans (regular and bold), embedded from the `dejavu-fonts-ttf` package: it covers every
 * Latin accent, Greek and Cyrillic, so names print as written and the text stays real text
 * (selectable, searchable, read aloud). Only the glyphs a document uses are embedded (subset),
 * which keeps a one-page PDF small.
 */

let files: { regular: Uint8Array; bold: Uint8Array } | null = null;

/** Read once per process: the files are ~1.4 MB together and never change. */
function fontFiles(): { regular: Uint8Array; bold: Uint8Array } {
  files ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return files;
}

/**
 * fontkit, parsing each font file once per process rather than once per document: a parsed
 * font is only read afterwards (each document makes its own subset of it).
 */
const parsed = new WeakMap<Uint8Array, ReturnType<Fontkit['create']>>();
const cachingFontkit: Fontkit = {
  create(data: Uint8Array, postscriptName?: string) {
    if (postscriptName !== undefined) return fontkit.create(data, postscriptName);
    let font = parsed.get(data);
    if (!font) parsed.set(data, (font = fontkit.create(data)));
    return font;
  },
};

export async function embedUnicodeFonts(pdf: PDFDocument): Promise<{ regular: PDFFont; bold: PDFFont }> {
  pdf.registerFontkit(cachingFontkit);
  const { regular, bold } = fontFiles();
  return { regular: await pdf.embedFont(regular, { subset: true }), bold: await pdf.embedFont(bold, { subset: true }) };
}
