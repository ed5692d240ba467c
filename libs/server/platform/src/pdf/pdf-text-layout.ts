import type { PDFFont } from 'pdf-lib';

/*
 * Text layout shared by every PDF the server prints (the letters to record holders and the
 * visit packet): fitting text to a font's characters and wrapping it to a column.
 */

const CHARACTER_SETS = new WeakMap<PDFFont, Set<number>>();
function characterSet(font: PDFFont): Set<number> {
  let set = CHARACTER_SETS.get(font);
  if (!set) CHARACTER_SETS.set(font, (set = new Set(font.getCharacterSet())));
  return set;
}

/** Letters with a stroke rather than an accent: Unicode does not decompose them. */
const NO_DECOMPOSITION: Readonly<Record<string, string>> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŀ: 'L', ŀ: 'l', Ŧ: 'T', ŧ: 't' };

/**
 * The standard PDF fonts cover Latin-1 and a few more (WinAnsi): all of Spanish (á é í ó ú ü ñ
 * ¿ ¡, checked on the rendered PDF by letter-pdf.spec.ts) and most Western names. Anything else
 * would make pdf-lib throw, so other accented letters lose their accent (Ł → L) and the rest
 * becomes "?". An embedded font (embedUnicodeFonts, pdf-fonts.ts) covers far more; this still
 * keeps anything beyond it printable.
 */
export function toFontCharset(text: string, font: PDFFont): string {
  const supported = characterSet(font);
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

const ADVANCES = new WeakMap<PDFFont, Map<string, number>>();

/**
 * A text's width at `size`, from each character's advance, measured once per font and cached.
 * It leaves kerning out, which only ever narrows a line, so a wrapped line never overflows; and
 * it spares an embedded font's full shaping (OpenType lookups) on every candidate line, which
 * made wrapping a page of text take hundreds of milliseconds.
 */
export function textWidth(font: PDFFont, text: string, size: number): number {
  let advances = ADVANCES.get(font);
  if (!advances) ADVANCES.set(font, (advances = new Map()));
  let width = 0;
  for (const ch of text) {
    let w = advances.get(ch);
    if (w === undefined) advances.set(ch, (w = font.widthOfTextAtSize(ch, 1000)));
    width += w;
  }
  return (width * size) / 1000;
}
