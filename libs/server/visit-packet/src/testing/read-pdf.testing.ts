import { execFile } from 'node:child_process';
import { join } from 'node:path';

export interface ReadPdf {
  numPages: number;
  /** Each page's text in drawing order, lines ended by "\n". */
  pages: string[];
  /** The document information as pdfjs reads it: Title, Author, Language, … */
  info: Record<string, unknown>;
}

const SCRIPT = join(__dirname, '../../../../../tools/test/pdf-read.mjs');

/** For tests: the PDF parsed back by pdfjs-dist, in a child process (it is an ES module only). */
export function readPdf(pdf: Uint8Array): Promise<ReadPdf> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [SCRIPT], { maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`pdf-read failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as ReadPdf);
    });
    child.stdin?.end(Buffer.from(pdf));
  });
}

/** The whole text as one run of words (lines are wrapped in the PDF). */
export const flatText = (read: ReadPdf): string => read.pages.join('\n').replace(/\s+/g, ' ');
