import { INTL_LOCALE, VisitPacketBlock, VisitPacketDocument } from '@second-look/domain';
import { embedUnicodeFonts, textWidth, toFontCharset, wrapLine } from '@second-look/server-platform';
import { PDFDocument, PDFFont, PDFName, PDFPage, rgb } from 'pdf-lib';

/*
 * The visit packet laid out on US Letter (it fits A4 too): one column in reading order, black
 * text on white with gray rules only, so it reads the same printed in black and white. The
 * content stream follows the reading order (header, then each section top to bottom), which is
 * what a reader without tags falls back on. See docs/visit-packet.md for what is not tagged.
 */

const PAGE = { width: 612, height: 792, marginX: 50, marginTop: 46, marginBottom: 50 };
const WIDTH = PAGE.width - 2 * PAGE.marginX;
const TOP = PAGE.height - PAGE.marginTop;
const SIZE = { heading: 16, sub: 9, section: 11, body: 9.5, label: 8.5, footer: 8 };
const LEAD = 12;
const LABEL_WIDTH = 140;
const STATUS_WIDTH = 215;
const SECTION_GAP = 12;
const ROW_GAP = 2.5;
const BOX = 7.5;
/** Ruled lines to write on, this far apart; the room under a question is 1 to 4 of them. */
const ANSWER_LEAD = 18;
const QUESTION_GAP = 8;
const INK = rgb(0, 0, 0);
const SOFT = rgb(0.22, 0.22, 0.22);
const RULE = rgb(0.55, 0.55, 0.55);

export interface VisitPacketPdfMeta {
  /** Who prepared it: the organization (the PDF's Author). */
  readonly author: string;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

class Writer {
  page: PDFPage;
  y = TOP;
  constructor(
    readonly pdf: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.page = pdf.addPage([PAGE.width, PAGE.height]);
  }

  get left(): number {
    return this.y - PAGE.marginBottom;
  }

  newPage(): void {
    this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.y = TOP;
  }

  /** Breaks the page unless `height` more points fit. */
  need(height: number): void {
    if (height > this.left && this.y < TOP) this.newPage();
  }

  lines(text: string, font: PDFFont, size: number, width: number): string[] {
    return text.split('\n').flatMap((l) => wrapLine(toFontCharset(l, font), width, (s) => textWidth(font, s, size)));
  }

  text(line: string, x: number, font: PDFFont, size: number, color = INK): void {
    if (line.trim()) this.page.drawText(line, { x, y: this.y, font, size, color });
  }

  rule(thickness: number, color = RULE, x = PAGE.marginX, width = WIDTH): void {
    this.page.drawLine({ start: { x, y: this.y }, end: { x: x + width, y: this.y }, thickness, color });
  }
}

export async function renderVisitPacketPdf(doc: VisitPacketDocument, meta: VisitPacketPdfMeta): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(doc.title, { showInWindowTitleBar: true });
  pdf.setLanguage(INTL_LOCALE[doc.language]);
  pdf.setAuthor(meta.author);
  pdf.setSubject(doc.heading);
  pdf.setCreator('Second Look');
  pdf.setProducer('Second Look');
  const fonts = await embedUnicodeFonts(pdf);
  const w = new Writer(pdf, fonts);

  w.y -= SIZE.heading;
  w.text(toFontCharset(doc.heading, fonts.bold), PAGE.marginX, fonts.bold, SIZE.heading);
  w.y -= SIZE.sub + 6;
  w.text(toFontCharset(doc.subheading, fonts.regular), PAGE.marginX, fonts.regular, SIZE.sub, SOFT);
  w.y -= 8;
  w.rule(1.2, INK);
  w.y -= 4;

  for (const section of doc.sections) {
    await turn();
    const first = section.blocks[0];
    // A heading never ends a page alone: it goes with its first line.
    w.need(SECTION_GAP + SIZE.section + 8 + (first ? firstLineHeight(first) : 0));
    w.y -= SECTION_GAP + SIZE.section - 6;
    w.text(toFontCharset(section.heading, fonts.bold), PAGE.marginX, fonts.bold, SIZE.section);
    w.y -= 5;
    w.rule(0.6);
    w.y -= 3;
    // A note under fields (who said it, how many more) lines up with the values it speaks of.
    for (const [i, block] of section.blocks.entries()) await drawBlock(w, block, section.blocks[i - 1]?.kind === 'fields' ? LABEL_WIDTH : 0);
  }

  const pages = pdf.getPages();
  if (pages.length > 1) {
    pages.forEach((page, i) => {
      const label = toFontCharset(`${doc.title} · ${doc.page(i + 1, pages.length)}`, fonts.regular);
      const x = PAGE.width - PAGE.marginX - textWidth(fonts.regular, label, SIZE.footer);
      page.drawText(label, { x, y: PAGE.marginBottom / 2, font: fonts.regular, size: SIZE.footer, color: SOFT });
    });
  }
  // Open on the first page at full width, in single-page view: what a phone's viewer shows best.
  pdf.catalog.set(PDFName.of('PageLayout'), PDFName.of('OneColumn'));
  return Buffer.from(await pdf.save({ objectsPerTick: 20 }));
}

/**
 * Other requests get a turn between sections and every few rows: shaping and drawing text is
 * synchronous, and a long packet must not hold the API's event loop for long (docs/visit-packet.md).
 */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const ROWS_PER_TURN = 12;

const firstLineHeight = (b: VisitPacketBlock): number => (b.kind === 'questions' ? LEAD * 3 + ANSWER_LEAD : LEAD);

async function drawBlock(w: Writer, block: VisitPacketBlock, indent: number): Promise<void> {
  const { regular, bold } = w.fonts;
  switch (block.kind) {
    case 'note':
      for (const line of w.lines(block.text, regular, SIZE.body, WIDTH - indent)) {
        w.need(LEAD);
        w.y -= LEAD;
        w.text(line, PAGE.marginX + indent, regular, SIZE.body, SOFT);
      }
      return;
    case 'fields':
      for (const [r, row] of block.rows.entries()) {
        if (r > 0 && r % ROWS_PER_TURN === 0) await turn();
        const labels = w.lines(row.label, bold, SIZE.label, LABEL_WIDTH - 8);
        const values = w.lines(row.value, regular, SIZE.body, WIDTH - LABEL_WIDTH);
        const n = Math.max(labels.length, values.length);
        w.need(n * LEAD);
        for (let i = 0; i < n; i++) {
          w.y -= LEAD;
          w.text(labels[i] ?? '', PAGE.marginX, bold, SIZE.label, SOFT);
          w.text(values[i] ?? '', PAGE.marginX + LABEL_WIDTH, regular, SIZE.body);
        }
      }
      return;
    case 'list':
      for (const [r, row] of block.rows.entries()) {
        if (r > 0 && r % ROWS_PER_TURN === 0) await turn();
        const columnWidth = WIDTH - STATUS_WIDTH - BOX - 14;
        const texts = w.lines(row.text, regular, SIZE.body, columnWidth);
        const statuses = w.lines(row.status, row.done ? regular : bold, SIZE.label, STATUS_WIDTH);
        const n = Math.max(texts.length, statuses.length);
        w.need(n * LEAD + ROW_GAP);
        w.y -= LEAD + (r > 0 ? ROW_GAP : 0);
        drawBox(w, row.done);
        for (let i = 0; i < n; i++) {
          if (i > 0) w.y -= LEAD;
          w.text(texts[i] ?? '', PAGE.marginX + BOX + 8, regular, SIZE.body);
          w.text(statuses[i] ?? '', PAGE.width - PAGE.marginX - STATUS_WIDTH, row.done ? regular : bold, SIZE.label, row.done ? SOFT : INK);
        }
      }
      return;
    case 'questions':
      await drawQuestions(w, block);
  }
}

/** A square to tick by hand; ticked when the item already went to the provider. */
function drawBox(w: Writer, ticked: boolean): void {
  const x = PAGE.marginX;
  const y = w.y - 1;
  w.page.drawRectangle({ x, y, width: BOX, height: BOX, borderColor: INK, borderWidth: 0.8 });
  if (ticked) {
    w.page.drawLine({ start: { x: x + 1.5, y: y + 3.8 }, end: { x: x + 3.2, y: y + 1.6 }, thickness: 1.1, color: INK });
    w.page.drawLine({ start: { x: x + 3.2, y: y + 1.6 }, end: { x: x + 6.4, y: y + 6.4 }, thickness: 1.1, color: INK });
  }
}

/**
 * Each question with room under it to write the answer on, never split from its room. The room
 * is the most (up to four ruled lines) that keeps the packet within the pages it needs anyway
 * with one line each: tried by laying the questions out without drawing them.
 */
async function drawQuestions(w: Writer, block: Extract<VisitPacketBlock, { kind: 'questions' }>): Promise<void> {
  const { regular, bold } = w.fonts;
  const indent = 22;
  for (const line of w.lines(block.intro, regular, SIZE.body, WIDTH)) {
    w.need(LEAD);
    w.y -= LEAD;
    w.text(line, PAGE.marginX, regular, SIZE.body, SOFT);
  }
  const questions = block.items.map((q) => w.lines(q, bold, SIZE.body, WIDTH - indent));
  const height = (lines: readonly string[], room: number): number => QUESTION_GAP + lines.length * LEAD + room;
  const heights = (room: number): number[] => questions.map((lines) => height(lines, room));
  const pagesAfter = (room: number): number => {
    let pages = w.pdf.getPageCount();
    let y = w.y;
    for (const h of heights(room)) {
      if (h > y - PAGE.marginBottom && y < TOP) {
        pages++;
        y = TOP;
      }
      y -= h;
    }
    return pages;
  };
  const budget = pagesAfter(ANSWER_LEAD);
  let room = ANSWER_LEAD * 4;
  while (room > ANSWER_LEAD && pagesAfter(room) > budget) room -= 2;
  const lines = Math.max(1, Math.floor(room / ANSWER_LEAD));

  for (const [i, text] of questions.entries()) {
    if (i > 0 && i % ROWS_PER_TURN === 0) await turn();
    w.need(height(text, room));
    w.y -= QUESTION_GAP;
    text.forEach((line, j) => {
      w.y -= LEAD;
      if (j === 0) {
        const number = `${i + 1}.`;
        w.text(number, PAGE.marginX + indent - 5 - textWidth(bold, number, SIZE.body), bold, SIZE.body);
      }
      w.text(line, PAGE.marginX + indent, bold, SIZE.body);
    });
    // The lines sit at the bottom of the room, evenly apart.
    const below = w.y - room;
    for (let k = lines; k >= 1; k--) {
      w.y = below + ((k - 1) * room) / lines;
      w.rule(0.5, RULE, PAGE.marginX + indent, WIDTH - indent);
    }
    w.y = below;
  }
}
