import { PDFDocument, StandardFonts } from 'pdf-lib';
import { renderLetterPdf, toFontCharset, wrapLine } from './letter-pdf';
import { pageTexts, pdfText } from './pdf-text.testing';

describe('letter PDF', () => {
  it('renders a PDF whose pages carry the title and every paragraph', async () => {
    const pdf = await renderLetterPdf(
      { title: 'Request for copies of my medical records: Maria Lopez', paragraphs: ['November 22, 2026', 'Lakeside Medical Center\n100 Shore Road', 'Dear records team,'] },
      { documentTitle: 'Records request' },
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain('Request for copies of my medical records: Maria Lopez');
    expect(text).toContain('Lakeside Medical Center\n100 Shore Road');
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 612, height: 792 });
    expect(doc.getTitle()).toBe('Records request');
  });

  it('wraps long paragraphs inside the margins and runs onto numbered pages', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `Sentence number ${i + 1} of a long letter that needs wrapping.`).join(' ');
    const pdf = await renderLetterPdf({ paragraphs: [long, long, long] }, { documentTitle: 'x' });
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBeGreaterThan(1);
    const text = await pdfText(pdf);
    expect(text).toContain(`Page 1 of ${doc.getPageCount()}`);
    expect(text).toContain('Sentence number 60 of a long letter');
  });

  it('never leaves the closing and signature apart at a page break', async () => {
    const filler = 'A line of filler text that takes up some room on the page.';
    // Enough one- and two-line paragraphs that the closing falls at the foot of page one.
    for (let n = 12; n < 40; n++) {
      const paragraphs = [...Array.from({ length: n }, () => `${filler} ${filler}`), 'Sincerely,', '______________________________\nMaria Lopez'];
      const pages = (await pageTexts(await renderLetterPdf({ paragraphs }, { documentTitle: 'x' }))).filter((t) => t.includes('Maria Lopez'));
      expect(pages).toHaveLength(1);
      expect(pages[0]).toContain('Sincerely,');
    }
  });

  it('keeps a countersignature with the signature and the closing', async () => {
    const filler = 'A line of filler text that takes up some room on the page.';
    for (let n = 12; n < 40; n++) {
      const paragraphs = [
        ...Array.from({ length: n }, () => `${filler} ${filler}`),
        'Sincerely,',
        '______________________________\nMaria Lopez',
        '______________________________\nSam Rivera\nPatient advocate, Harbor Patient Advocates',
      ];
      const pages = (await pageTexts(await renderLetterPdf({ paragraphs }, { documentTitle: 'x' }))).filter((t) => t.includes('Maria Lopez') || t.includes('Sam Rivera'));
      expect(pages).toHaveLength(1);
      expect(pages[0]).toMatch(/Sincerely,[\s\S]*Maria Lopez[\s\S]*Sam Rivera/);
    }
  });

  it('breaks lines at words, hangs list lines under their text, and splits a word too long for a line', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const measure = (s: string): number => font.widthOfTextAtSize(s, 11);
    const lines = wrapLine('\u2022 Clinic and visit notes, including my diagnosis and the proposed treatment plan (Breast surgery consult, October)', 200, measure);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(200);
    expect(lines[0].startsWith('\u2022 Clinic')).toBe(true);
    expect(lines[1].startsWith('  ')).toBe(true);
    const address = 'a'.repeat(120) + '@example.org';
    const split = wrapLine(`Send to ${address} please`, 200, measure);
    for (const l of split) expect(measure(l)).toBeLessThanOrEqual(200);
    expect(split.join('').replace(/\s/g, '')).toBe(`Sendto${address}please`);
  });

  it('prints names the standard font cannot draw instead of failing', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    expect(toFontCharset('Zoë Łukasz Dvořák 李 – “ok”', font)).toBe('Zoë Lukasz Dvorák ? – “ok”');
    const pdf = await renderLetterPdf({ title: 'Łukasz 李', paragraphs: ['Ağaoğlu'] }, { documentTitle: 'Łukasz' });
    expect(await pdfText(pdf)).toContain('Lukasz ?');
  });
});
