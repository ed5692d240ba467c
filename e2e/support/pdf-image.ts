import type { BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';

/*
 * Plain JavaScript, kept as text: a compiler for the test files would turn its dynamic import()
 * into require(), which the page does not have.
 */
const RENDER = `async ({ lib, worker, data, n }) => {
  const url = (code) => URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  const pdfjs = await import(url(lib));
  pdfjs.GlobalWorkerOptions.workerSrc = url(worker);
  const doc = await pdfjs.getDocument({ data: Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) }).promise;
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale: 2 });
  const canvas = document.getElementById('page');
  canvas.width = viewport.width;
  canvas.height = viewport.height;
  await page.render({ canvas, viewport }).promise;
  return { width: viewport.width, height: viewport.height };
}`;

/**
 * Renders page `n` of a PDF to a PNG with pdfjs-dist inside Chromium (a blank page of its own,
 * so the app's Content-Security-Policy is not loosened for it), as a person would see it.
 * The PNG is written to `path` and its size returned.
 */
export async function renderPdfPage(context: BrowserContext, pdf: Buffer, path: string, n = 1): Promise<{ width: number; height: number }> {
  const lib = readFileSync(require.resolve('pdfjs-dist/build/pdf.min.mjs'), 'utf8');
  const worker = readFileSync(require.resolve('pdfjs-dist/build/pdf.worker.min.mjs'), 'utf8');
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: 1300, height: 1700 });
    await page.setContent('<!doctype html><html><body style="margin:0;background:#fff"><canvas id="page"></canvas></body></html>');
    await page.evaluate(`window.__render = ${RENDER}; undefined`);
    const size = (await page.evaluate(`window.__render(${JSON.stringify({ lib, worker, data: pdf.toString('base64'), n })})`)) as { width: number; height: number };
    await page.setViewportSize({ width: Math.ceil(size.width), height: Math.ceil(size.height) });
    await page.locator('#page').screenshot({ path });
    return size;
  } finally {
    await page.close();
  }
}
