// Records (issue 3) through a real browser: an advocate asks a record holder for two packet
// items, uploads a file, marks them received, and the coordinator's board shows the request
// leave the open list. A patient adds their medication list from a phone; another patient
// can neither download that file by its URL nor open the case.
import type { Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { expect as baseExpect, test } from './support/fixtures';
import { addPacketItem, choose, newPerson, signIn } from './support/ui';

const MARIA = '0c000000-0000-4000-8000-000000000001';
// Each step waits on a real API, worker and database; give a busy CI machine some slack.
const expect = baseExpect.configure({ timeout: 15_000 });

// Smallest files the API's byte sniffing accepts as what they claim to be.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(64, 0x20), Buffer.from([0xff, 0xd9])]);

/**
 * The board, filtered to one holder, shows this many open requests. Waits for the filtered
 * answer: right after choosing the holder the heading still counts the whole organization.
 */
async function expectOpenRequestsFor(board: Page, holder: string, count: string): Promise<void> {
  await board.goto('/records');
  await expect(board.getByRole('heading', { name: 'Pending records', level: 1 })).toBeVisible();
  await choose(board, 'Record holder', holder);
  await expect(board.locator('#board-requests-heading')).toHaveText(count);
}

test('advocate requests two items → uploads a file → marks them received → the board shows it moved', async ({ page, browser, baseURL }, testInfo) => {
  test.slow(); // two people, a dozen screens
  const run = Date.now().toString(36);
  const holder = `Lakeview Pathology ${run}`;
  const slides = `Pathology slides: Biopsy slides ${run}`;
  const report = `Pathology report: Biopsy report ${run}`;

  await signIn(page, 'advocate@harbor.example');
  await page.goto(`/cases/${MARIA}`);
  await expect(page.getByRole('heading', { name: 'Record packet' })).toBeVisible();
  await addPacketItem(page, 'Pathology slides', `Biopsy slides ${run}`);
  await addPacketItem(page, 'Pathology report', `Biopsy report ${run}`);

  // A new request to a holder added on the spot, for both items, with the drafted letter.
  const requests = page.getByRole('region', { name: 'Record requests' });
  await requests.getByRole('button', { name: 'New request' }).click();
  await requests.getByRole('button', { name: /Add a new record holder/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a record holder' });
  await dialog.getByLabel('Name', { exact: true }).fill(holder);
  await dialog.getByLabel('Fax (optional)').fill('+1 555 0100');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await requests.getByRole('checkbox', { name: slides }).check();
  await requests.getByRole('checkbox', { name: report }).check();
  await choose(page, 'How it is sent', 'Fax');
  await expect(requests.getByRole('textbox', { name: 'Letter' })).toHaveValue(/Pathology slides \(and tissue blocks/);
  await expect(requests.getByRole('textbox', { name: 'Letter' })).toHaveValue(new RegExp(holder));
  // No screenshot here: capturing beyond the viewport briefly resizes it, and the case page
  // swaps its layout (and remounts this form) on a width change.
  await requests.getByRole('button', { name: 'Send request' }).click();
  await expect(requests.getByText(`The request to ${holder} is saved.`)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('request-sent.png') });

  const card = requests.getByRole('article', { name: `Request to ${holder}` });
  await expect(card).toBeVisible();
  await expect(card.getByText('Not received yet')).toHaveCount(2);
  await expect(card.getByText(/Plan target: /)).toBeVisible();
  await expect(card.getByText(/Legal due date: /)).toBeVisible();
  await expect(card.getByText('On track').first()).toBeVisible();
  // The packet items moved to "Requested" in place.
  await expect(
    page
      .getByRole('article', { name: 'Pathology slides' })
      .filter({ hasText: `Biopsy slides ${run}` })
      .getByText('Status: Requested'),
  ).toBeVisible();
  const letter = await page.request.get((await card.getByRole('link', { name: 'Download the letter (PDF)' }).getAttribute('href')) ?? '');
  expect(letter.status()).toBe(200);
  expect(letter.headers()['content-type']).toContain('application/pdf');
  await expectNoA11yViolations(page);

  // The coordinator sees it open on the board.
  const coordinator = await newPerson(browser, baseURL);
  await signIn(coordinator, 'coordinator@harbor.example');
  await expectOpenRequestsFor(coordinator, holder, '1 open request');
  const row = coordinator.getByRole('row').filter({ hasText: holder });
  await expect(row.getByRole('link', { name: 'Maria Lopez' })).toBeVisible();
  await expect(row.getByText('0 of 2 received')).toBeVisible();
  await expectNoA11yViolations(coordinator);
  await coordinator.screenshot({ path: testInfo.outputPath('board-open.png') });

  // A file for the slides item (the lab's cover report as a PDF).
  const slidesItem = page.getByRole('article', { name: 'Pathology slides' }).filter({ hasText: `Biopsy slides ${run}` });
  const chooser = page.waitForEvent('filechooser');
  await slidesItem.getByRole('button', { name: `Upload a file to ${slides}` }).click();
  await (await chooser).setFiles({ name: 'slides-cover-report.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(slidesItem.getByText('slides-cover-report.pdf was uploaded.')).toBeVisible();
  await expect(slidesItem.getByRole('link', { name: /Download slides-cover-report\.pdf/ })).toBeVisible();

  // A file of the wrong kind is refused in plain words.
  const chooser2 = page.waitForEvent('filechooser');
  await slidesItem.getByRole('button', { name: `Upload a file to ${slides}` }).click();
  await (await chooser2).setFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just text') });
  await expect(slidesItem.getByRole('alert')).toContainText('We could not upload notes.txt.');
  await expect(slidesItem.getByRole('alert')).toContainText('This kind of file cannot be added');

  // Both items arrived.
  await card.getByRole('button', { name: 'Mark received' }).click();
  const received = page.getByRole('dialog', { name: `Which records arrived from ${holder}?` });
  await expect(received.getByRole('checkbox', { name: slides })).toBeChecked();
  await expect(received.getByRole('checkbox', { name: report })).toBeChecked();
  await received.getByRole('button', { name: 'Mark received' }).click();
  await expect(received).toBeHidden();
  await expect(card.getByText(/^Received /)).toHaveCount(2);
  await expect(card.getByText(/All received/)).toBeVisible();
  await card.screenshot({ path: testInfo.outputPath('case-received.png') });

  // The board no longer lists it.
  await expectOpenRequestsFor(coordinator, holder, '0 open requests');
  await expect(coordinator.getByText('No open requests match these filters.')).toBeVisible();
});

test('a coordinator logs a call and records an extension from the board, in place', async ({ page: advocate, browser, baseURL }, testInfo) => {
  test.slow();
  const run = Date.now().toString(36);
  const holder = `Bayside Imaging ${run}`;

  await signIn(advocate, 'advocate@harbor.example');
  await advocate.goto(`/cases/${MARIA}`);
  await addPacketItem(advocate, 'Imaging (the images on disc)', `Chest CT ${run}`);
  const requests = advocate.getByRole('region', { name: 'Record requests' });
  await requests.getByRole('button', { name: 'New request' }).click();
  await requests.getByRole('button', { name: /Add a new record holder/ }).click();
  await advocate.getByRole('dialog', { name: 'Add a record holder' }).getByLabel('Name', { exact: true }).fill(holder);
  await advocate.getByRole('dialog', { name: 'Add a record holder' }).getByRole('button', { name: 'Save' }).click();
  await requests.getByRole('checkbox', { name: `Imaging (the images on disc): Chest CT ${run}` }).check();
  await requests.getByRole('checkbox', { name: 'Include a request letter' }).uncheck();
  await requests.getByRole('button', { name: 'Send request' }).click();
  await expect(requests.getByText(`The request to ${holder} is saved.`)).toBeVisible();

  const page = await newPerson(browser, baseURL);
  await signIn(page, 'coordinator@harbor.example');
  await expectOpenRequestsFor(page, holder, '1 open request');
  const row = page.getByRole('row').filter({ hasText: holder });

  await row.getByRole('button', { name: 'Log a call' }).click();
  const call = page.getByRole('dialog', { name: `Log a follow-up with ${holder}` });
  await call.getByRole('button', { name: 'Save' }).click();
  await expect(call.getByText('Please fill this in.')).toBeVisible();
  await call.getByLabel('What happened').fill('Spoke to Dana in records; disc goes out Friday.');
  await call.getByRole('button', { name: 'Save' }).click();
  await expect(call).toBeHidden();
  await expect(row.getByText('Follow-up saved.')).toBeVisible();

  await row.getByRole('button', { name: 'Record an extension' }).click();
  const ext = page.getByRole('dialog', { name: `Record an extension from ${holder}` });
  await ext.getByLabel('New due date').fill('2099-01-01');
  await ext.getByLabel('Their reason').fill('Archive is off site.');
  await ext.getByRole('button', { name: 'Save' }).click();
  await expect(ext.getByText(/The new date can be at most/)).toBeVisible();
  await ext.getByRole('button', { name: 'Cancel' }).click();
  await row.getByRole('button', { name: 'Record an extension' }).click();
  await ext.getByLabel('Their reason').fill('Archive is off site.');
  await ext.getByRole('button', { name: 'Save' }).click();
  await expect(ext).toBeHidden();
  // Extended once: the row no longer offers it, and the request is still on the board.
  await expect(row.getByRole('button', { name: 'Record an extension' })).toHaveCount(0);
  await expect(row.getByRole('link', { name: 'Maria Lopez' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('board-actions.png') });

  // The directory finds the holder; a fax number added there shows on the board's filter list too.
  await page.goto('/records/holders');
  await page.getByLabel('Search by name').fill(`Bayside Imaging ${run}`);
  await expect(page.locator('#holders-list-heading')).toHaveText('1 record holder');
  await page.getByRole('button', { name: `Edit ${holder}` }).click();
  await page.getByLabel('Fax (optional)').fill('+1 555 0199');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`${holder} is saved.`)).toBeVisible();
  await expect(page.getByText('Fax +1 555 0199')).toBeVisible();
  await expectNoA11yViolations(page);

  // The case page shows the same follow-up and extension.
  await page.goto(`/cases/${MARIA}`);
  const card = page.getByRole('article', { name: `Request to ${holder}` });
  await expect(card.getByText('Spoke to Dana in records; disc goes out Friday.')).toBeVisible();
  await expect(card.getByText(/Extended from .*: Archive is off site\./)).toBeVisible();
});

test('a patient adds their medication list from a phone; another patient cannot fetch it', { tag: '@phone-only' }, async ({ page, browser, baseURL }, testInfo) => {
  test.slow();
  await signIn(page, 'patient@harbor.example');
  await page.goto(`/cases/${MARIA}`);
  const packet = page.getByRole('region', { name: 'Record packet' });
  await expect(packet.getByRole('heading', { name: 'Record packet' })).toBeVisible();
  const meds = packet.getByRole('article', { name: 'Medications and allergies' });
  if ((await meds.count()) === 0) await addPacketItem(page, 'Medications and allergies', '');

  const item = meds.first();
  const button = item.getByRole('button', { name: 'Add a photo or file to Medications and allergies' });
  await button.scrollIntoViewIfNeeded();
  const box = await button.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44); // a big, easy tap target
  expect(box?.width ?? 0).toBeGreaterThan(300);
  await expect(item.locator('input[type=file]')).toHaveAttribute('accept', /image\/\*/);
  await expectNoA11yViolations(page);

  const chooser = page.waitForEvent('filechooser');
  const uploaded = page.waitForResponse((r) => r.url().includes('/api/packet-items/') && r.request().method() === 'POST');
  await button.tap();
  await (await chooser).setFiles({ name: 'my-medicines.jpg', mimeType: 'image/jpeg', buffer: JPEG });
  const response = await uploaded;
  expect(response.status()).toBe(201);
  const { downloadUrl } = (await response.json()) as { downloadUrl: string };
  await expect(item.getByText('my-medicines.jpg was uploaded.')).toBeVisible();
  await expect(item.getByRole('link', { name: /Download my-medicines\.jpg/ })).toBeVisible();
  await item.screenshot({ path: testInfo.outputPath('patient-upload-phone.png') });
  expect((await page.request.get(downloadUrl)).status()).toBe(200);

  // David, another patient of the same organization: no file, no case.
  const david = await newPerson(browser, baseURL, true);
  await signIn(david, 'patient2@harbor.example');
  const stolen = await david.request.get(downloadUrl);
  expect(stolen.status()).toBe(404);
  expect((await stolen.body()).toString()).not.toContain('JFIF');
  await david.goto(`/cases/${MARIA}`);
  await expect(david.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await expect(david.getByText('Medications and allergies')).toHaveCount(0);

  // Maria picked the wrong photo: she removes it, after saying yes, and the link stops working.
  await item.getByRole('button', { name: 'Remove the file my-medicines.jpg' }).first().tap();
  const confirm = page.getByRole('dialog', { name: 'Remove this file?' });
  await expect(confirm).toContainText('“my-medicines.jpg” will be taken out of the packet');
  await expectNoA11yViolations(page);
  const deleted = page.waitForResponse((r) => r.url().endsWith(new URL(downloadUrl, 'http://x').pathname) && r.request().method() === 'DELETE');
  await confirm.getByRole('button', { name: 'Remove the file' }).tap();
  expect((await deleted).status()).toBe(204);
  await expect(confirm).toBeHidden();
  await expect(item.getByText('my-medicines.jpg was removed.')).toBeVisible();
  await expect(item.getByRole('link', { name: /Download my-medicines\.jpg/ })).toHaveCount(0);
  expect((await page.request.get(downloadUrl)).status()).toBe(404);
});
