// The visit packet (issue 17) through a real browser: on Maria's booked appointment, "Download
// packet for the visit" downloads a PDF of one or two pages with every section and no staff-only
// note; the case page offers the same packet at the top. On desktop Sam (advocate) downloads it;
// on a phone Maria herself does, with the screens in Spanish. Page 1 is rendered to a PNG with
// pdfjs-dist in Chromium and kept with the test's output (test-results/…/visit-packet-page-1-*.png).
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { flatText, readPdf } from '../libs/server/visit-packet/src/testing/read-pdf.testing';
import { expectNoA11yViolations } from './support/a11y';
import { expect, test } from './support/fixtures';
import { renderPdfPage } from './support/pdf-image';
import { signIn } from './support/ui';

const MARIA = '0c000000-0000-4000-8000-000000000001';
const STAFF_NOTE = 'Staff only: the clinic wants the pathology slides two days before.';
const SECTIONS = ['Patient', 'The appointment', 'What I want to learn', 'Insurance', 'Key dates from my own timeline', 'My records for the provider', 'My questions'];

async function setMyLanguage(page: Page, language: 'en' | 'es'): Promise<void> {
  const res = await page.request.post('/graphql', { data: { query: `mutation { setMyLanguage(language: ${language}) { id } }` }, headers: { 'content-type': 'application/json' } });
  expect(res.ok()).toBe(true);
}

test('the packet for the visit downloads from a booked appointment and from the case page', { tag: '@phone' }, async ({ page, context }, testInfo) => {
  // Argon2 sign-in, a download, a PDF rendered in the page and a full-page axe scan: slow on a busy machine.
  test.setTimeout(360_000);
  const phone = testInfo.project.name === 'phone';
  await signIn(page, phone ? 'patient@harbor.example' : 'advocate@harbor.example');
  if (phone) await setMyLanguage(page, 'es');
  try {
    await page.goto(`/cases/${MARIA}`);
    const card = page.getByRole('article', { name: phone ? /Cita con Dr\. Helen Park/ : /Appointment with Dr\. Helen Park/ });
    const link = card.getByRole('link', { name: phone ? 'Descargar el paquete para la cita con Dr. Helen Park (PDF)' : 'Download packet for the visit with Dr. Helen Park (PDF)' });
    await link.scrollIntoViewIfNeeded();
    await expect(link).toBeVisible();
    await card.screenshot({ path: testInfo.outputPath(`appointment-card-${testInfo.project.name}.png`) });

    const downloading = page.waitForEvent('download');
    await link.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^visit-packet-\d{4}-\d{2}-\d{2}\.pdf$/);
    const bytes = readFileSync((await download.path()) ?? '');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const read = await readPdf(bytes);
    expect(read.numPages).toBeGreaterThanOrEqual(1);
    expect(read.numPages).toBeLessThanOrEqual(2);
    const text = flatText(read);
    for (const heading of SECTIONS) expect(text).toContain(heading);
    expect(text).toContain('Maria Lopez');
    expect(text).toContain('Dr. Helen Park');
    expect(text).not.toContain(STAFF_NOTE);

    const png = testInfo.outputPath(`visit-packet-page-1-${testInfo.project.name}.png`);
    const size = await renderPdfPage(context, bytes, png);
    expect(size.width).toBeGreaterThan(1000);
    await testInfo.attach('visit packet, page 1', { path: png, contentType: 'image/png' });

    // The case page offers the packet for the next visit too.
    const caseLink = page.getByRole('link', { name: phone ? 'Descargar el paquete para la cita (PDF)' : 'Download packet for the visit (PDF)', exact: true });
    await expect(caseLink).toBeVisible();
    const fromCase = await page.request.get((await caseLink.getAttribute('href')) ?? '');
    expect(fromCase.status()).toBe(200);
    expect(flatText(await readPdf(await fromCase.body()))).toContain('Dr. Helen Park');

    await expectNoA11yViolations(page);
  } finally {
    if (phone) await setMyLanguage(page, 'en');
  }
});
