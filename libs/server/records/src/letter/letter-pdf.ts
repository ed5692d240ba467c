import { DEFAULT_LANGUAGE, INTL_LOCALE, Language, LETTER_WORDS } from '@second-look/domain';
import { toFontCharset, wrapLine } from '@second-look/server-platform';
import { PDFDocument, PDFFont, rgb, StandardFonts } from 'pdf-lib';

/** US Letter, the paper a US records office prints on; these margins also fit A4. */
const PAGE = { width: 612, height: 792, margin: 72, marginY: 60 };
const BODY = { size: 11, leading: 14.5, paragraphGap: 9 };
/** Room to sign by hand above a line of underscores. */
const SIGNATURE_GAP = 26;
/** Paragraphs up to this many lines are never split across pages. */
const KEEP_TOGETHER_LINES = 6;
const TITLE = { size: 13, gap: 16 };

export interface PrintableLetter {
  /** Printed in bold above the body; omitted for a letter text that carries its own heading. */
  title?: string | null;
  /** Line breaks inside a paragraph are kept (address blocks, lists). */
  paragraphs: readonly string[];
}

// Shared with the visit packet (libs/server/visit-packet): one word wrap for every PDF we print.
export { toFontCharset, wrapLine };

/** A clean printable PDF of a letter: one text column, page numbers when it runs over a page. */
export async function renderLetterPdf(letter: PrintableLetter, meta: { documentTitle: string; language?: Language }): Promise<Buffer> {
  const language = meta.language ?? DEFAULT_LANGUAGE;
  const pdf = await PDFDocument.create();
  pdf.setTitle(meta.documentTitle);
  pdf.setLanguage(INTL_LOCALE[language]);
  pdf.setCreator('Second Look');
  pdf.setProducer('Second Look');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = PAGE.width - 2 * PAGE.margin;

  const top = PAGE.height - PAGE.marginY;
  let page = pdf.addPage([PAGE.width, PAGE.height]);
  let y = top;
  const newPage = (): void => {
    page = pdf.addPage([PAGE.width, PAGE.height]);
    y = top;
  };
  const layout = (text: string, font: PDFFont, size: number): string[] => text.split('\n').flatMap((source) => wrapLine(toFontCharset(source, font), width, (s) => font.widthOfTextAtSize(s, size)));
  const draw = (lines: string[], font: PDFFont, size: number, leading: number): void => {
    for (const line of lines) {
      if (y - leading < PAGE.marginY) newPage();
      y -= leading;
      if (line.trim()) page.drawText(line, { x: PAGE.margin, y: y + (leading - size), font, size, color: rgb(0, 0, 0) });
    }
  };

  if (letter.title?.trim()) {
    draw(layout(letter.title.trim(), bold, TITLE.size), bold, TITLE.size, TITLE.size + 4);
    y -= TITLE.gap;
  }
  const blocks = letter.paragraphs.map((p) => {
    const signature = /^_{5,}/.test(p);
    return { lines: layout(p, regular, BODY.size), signature, gapBefore: signature ? SIGNATURE_GAP : BODY.paragraphGap };
  });
  blocks.forEach((block, i) => {
    // Keep a short paragraph whole, and one-line paragraphs ("Sincerely,") with what follows,
    // so a signature never lands alone on a page; a signature keeps the next one (a countersignature) too.
    let height = block.lines.length * BODY.leading;
    for (let j = i; ; j++) {
      const [here, next] = [blocks[j], blocks[j + 1]];
      if (!here || !next || !(here.lines.length === 1 || (here.signature && next.signature))) break;
      height += next.gapBefore + next.lines.length * BODY.leading;
    }
    const gap = i > 0 ? block.gapBefore : 0;
    const fitsOnAPage = height <= top - PAGE.marginY;
    if (i > 0 && (block.lines.length <= KEEP_TOGETHER_LINES || height > block.lines.length * BODY.leading) && fitsOnAPage && y - gap - height < PAGE.marginY) {
      newPage();
    } else {
      y -= gap;
    }
    draw(block.lines, regular, BODY.size, BODY.leading);
  });

  const pages = pdf.getPages();
  if (pages.length > 1) {
    pages.forEach((pg, i) => {
      const label = LETTER_WORDS[language].page(i + 1, pages.length);
      const size = 9;
      pg.drawText(label, { x: (PAGE.width - regular.widthOfTextAtSize(label, size)) / 2, y: PAGE.marginY / 2, font: regular, size, color: rgb(0.35, 0.35, 0.35) });
    });
  }
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}
