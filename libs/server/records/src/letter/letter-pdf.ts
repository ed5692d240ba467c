import { PDFDocument, PDFFont, rgb, StandardFonts } from 'pdf-lib';

/** US Letter, the paper a US records office prints on; one-inch margins also fit A4. */
const PAGE = { width: 612, height: 792, margin: 72 };
const BODY = { size: 11, leading: 15, paragraphGap: 9 };
const TITLE = { size: 13, gap: 16 };

export interface PrintableLetter {
  /** Printed in bold above the body; omitted for a letter text that carries its own heading. */
  title?: string | null;
  /** Line breaks inside a paragraph are kept (address blocks, lists). */
  paragraphs: readonly string[];
}

/** Letters with a stroke rather than an accent: Unicode does not decompose them. */
const NO_DECOMPOSITION: Readonly<Record<string, string>> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŀ: 'L', ŀ: 'l', Ŧ: 'T', ŧ: 't' };

/**
 * The standard PDF fonts cover Latin-1 and a few more (WinAnsi). Anything else would make
 * pdf-lib throw, so accented letters lose their accent (Ł → L) and the rest becomes "?".
 * Embedding a Unicode font would lift this; the letter's own words are all plain ASCII.
 */
export function toFontCharset(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  let out = '';
  for (const ch of text.replace(/[\t\r\n]/g, ' ')) {
    if (supported.has(ch.codePointAt(0) ?? 0)) {
      out += ch;
      continue;
    }
    const plain = (NO_DECOMPOSITION[ch] ?? ch).normalize('NFKD').replace(/\p{M}/gu, '');
    out += plain && [...plain].every((c) => supported.has(c.codePointAt(0) ?? 0)) ? plain : '?';
  }
  return out;
}

/**
 * Greedy word wrap to `width` points. A word wider than a line (a long e-mail address) is
 * broken by characters; a list line ("• ...") continues under its text, not under the bullet.
 */
export function wrapLine(line: string, width: number, measure: (s: string) => number): string[] {
  const bullet = /^(\u2022|-|\*)\s+/.exec(line);
  const indent = bullet ? ' '.repeat(Math.ceil(measure(bullet[0]) / Math.max(measure(' '), 0.001))) : '';
  const out: string[] = [];
  let current = '';
  const push = (): void => {
    out.push(current);
    current = indent;
  };
  for (const word of line.split(/ +/)) {
    const candidate = current.trim() ? `${current} ${word}` : `${current}${word}`;
    if (measure(candidate) <= width) {
      current = candidate;
      continue;
    }
    if (current.trim()) push();
    let rest = word;
    while (measure(current + rest) > width && rest.length > 1) {
      let n = rest.length - 1;
      while (n > 1 && measure(current + rest.slice(0, n)) > width) n--;
      current += rest.slice(0, n);
      push();
      rest = rest.slice(n);
    }
    current += rest;
  }
  out.push(current);
  return out;
}

/** A clean printable PDF of a letter: one text column, page numbers when it runs over a page. */
export async function renderLetterPdf(letter: PrintableLetter, meta: { documentTitle: string }): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(meta.documentTitle);
  pdf.setCreator('Second Look');
  pdf.setProducer('Second Look');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = PAGE.width - 2 * PAGE.margin;

  let page = pdf.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  const ensureRoom = (height: number): void => {
    if (y - height < PAGE.margin) {
      page = pdf.addPage([PAGE.width, PAGE.height]);
      y = PAGE.height - PAGE.margin;
    }
  };
  const draw = (text: string, font: PDFFont, size: number, leading: number): void => {
    for (const source of text.split('\n')) {
      for (const line of wrapLine(toFontCharset(source, font), width, (s) => font.widthOfTextAtSize(s, size))) {
        ensureRoom(leading);
        y -= leading;
        if (line.trim()) page.drawText(line, { x: PAGE.margin, y: y + (leading - size), font, size, color: rgb(0, 0, 0) });
      }
    }
  };

  if (letter.title?.trim()) {
    draw(letter.title.trim(), bold, TITLE.size, TITLE.size + 4);
    y -= TITLE.gap;
  }
  letter.paragraphs.forEach((p, i) => {
    if (i > 0) y -= BODY.paragraphGap;
    draw(p, regular, BODY.size, BODY.leading);
  });

  const pages = pdf.getPages();
  if (pages.length > 1) {
    pages.forEach((pg, i) => {
      const label = `Page ${i + 1} of ${pages.length}`;
      const size = 9;
      pg.drawText(label, { x: (PAGE.width - regular.widthOfTextAtSize(label, size)) / 2, y: PAGE.margin / 2, font: regular, size, color: rgb(0.35, 0.35, 0.35) });
    });
  }
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}
