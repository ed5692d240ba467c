// Taking the case along, in a real browser on a desktop and on a phone: the advocate adds
// Maria's appointment to their calendar (an .ics download), exports the case as FHIR R4 JSON
// from the case page, and turns on a personal calendar feed from the account menu; the link,
// shown once, answers a calendar service with the redacted feed. The feed page passes axe,
// in English and in Spanish.
import type { Page, TestInfo } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectNoA11yViolations } from './support/a11y';
import { expect as baseExpect, test } from './support/fixtures';
import { setLanguage, signIn } from './support/ui';

// The machine this runs on may be busy: pages and lazy chunks get more time than the default.
const expect = baseExpect.configure({ timeout: 30_000 });
const MARIA = '0c000000-0000-4000-8000-000000000001';
const APPOINTMENT = '1d000000-0000-4000-8000-000000000001';

test('staff download an appointment .ics and the FHIR export, and turn on a calendar feed', { tag: '@phone' }, async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  // Desktop and phone run side by side: each with its own person, so one's feed is not the other's.
  await signIn(page, testInfo.project.name === 'phone' ? 'coordinator@harbor.example' : 'advocate@harbor.example');
  // From a known start (a run stopped halfway may have left Spanish or a feed on).
  await setUp(page);
  try {
    await journey(page, testInfo);
  } finally {
    await setUp(page);
  }
});

async function setUp(page: Page): Promise<void> {
  await setLanguage(page, 'en');
  await page.request.post('/graphql', { data: { query: 'mutation { turnOffCalendarFeed { id } }' }, headers: { 'content-type': 'application/json' } });
}

async function journey(page: Page, testInfo: TestInfo): Promise<void> {
  await page.goto(`/cases/${MARIA}`);
  const card = page.getByRole('article', { name: 'Appointment with Dr. Helen Park' });
  // The case page loads many panels at once: on a busy machine the appointment can take a while.
  await expect(card).toBeVisible({ timeout: 120_000 });
  await card.screenshot({ path: testInfo.outputPath('appointment-card.png') });

  // Add to calendar: a plain download of one event.
  const ics = page.waitForEvent('download');
  await card.getByRole('link', { name: 'Add to calendar: the appointment with Dr. Helen Park' }).click();
  const icsFile = await ics;
  expect(icsFile.suggestedFilename()).toBe('second-opinion-appointment.ics');
  const icsText = await readFile((await icsFile.path())!, 'utf8');
  expect(icsText).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(icsText).toContain(`UID:appointment-${APPOINTMENT}@second-look`);
  expect(icsText).toContain('BEGIN:VALARM');

  // The FHIR export: a collection Bundle that starts with the patient.
  const fhir = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export (FHIR R4)' }).click();
  const fhirFile = await fhir;
  expect(fhirFile.suggestedFilename()).toBe('second-look-case-0c000000.fhir.json');
  const bundle = JSON.parse(await readFile((await fhirFile.path())!, 'utf8')) as { resourceType: string; type: string; entry: { resource: { resourceType: string; name?: { text: string }[] } }[] };
  expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
  expect(bundle.entry[0].resource).toMatchObject({ resourceType: 'Patient', name: [{ text: 'Maria Lopez' }] });
  expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(expect.arrayContaining(['CarePlan', 'Appointment', 'QuestionnaireResponse', 'Provenance']));

  // The calendar feed, from the account menu.
  await page.getByRole('button', { name: /^Account menu for/ }).click();
  await page.getByRole('menuitem', { name: 'Calendar feed' }).click();
  await expect(page).toHaveURL(/\/calendar-feed$/);
  await expect(page.getByRole('heading', { name: 'Your calendar feed', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your calendar feed is off.' })).toBeVisible();
  await page.getByRole('button', { name: 'Turn on my calendar feed' }).click();
  const link = page.getByLabel('Your private feed link');
  await expect(link).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  await expect(page.getByRole('heading', { name: /^Your calendar feed has been on since/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open in my calendar app' })).toHaveAttribute('href', /^webcal:\/\//);
  await page.screenshot({ path: testInfo.outputPath('calendar-feed-en.png'), fullPage: true });
  await expectNoA11yViolations(page);

  // A calendar service reads it without any cookie: redacted titles, the case's initials.
  const url = new URL(await link.inputValue());
  const feed = await page.context().request.fetch(url.pathname, { headers: { cookie: '' } });
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const feedText = await feed.text();
  expect(feedText).toContain('Second-opinion appointment — Dr. Helen Park (M. L.)');
  expect(feedText).not.toContain('carcinoma');

  // Reloaded, the link is gone for good: only "make a new link" or "turn off".
  await page.reload();
  await expect(page.getByLabel('Your private feed link')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Make a new link' })).toBeVisible();

  // The same page in Spanish.
  await page.getByRole('button', { name: /^Account menu for/ }).click();
  await page.getByRole('menuitem', { name: 'Español' }).click();
  await expect(page.getByRole('heading', { name: 'Su calendario en línea', level: 1 })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('calendar-feed-es.png'), fullPage: true });
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Apagar el calendario en línea' }).click();
  await expect(page.getByText('El calendario en línea está apagado. El enlace anterior ya no funciona.')).toBeVisible();
  expect((await page.context().request.fetch(url.pathname, { headers: { cookie: '' } })).status()).toBe(404);
}
