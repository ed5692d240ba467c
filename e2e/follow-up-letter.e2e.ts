// The follow-up letter (issue 4) through a real browser: a request sent 45 days ago is past its
// legal date, so its card shows "Overdue" and offers the follow-up letter, which downloads as a
// PDF; a request sent today offers only the first letter. The patient sees the same link on
// their case (it is their letter), and the coordinator's board offers it in the row.
import { expectNoA11yViolations } from './support/a11y';
import { expect as baseExpect, test } from './support/fixtures';
import { addRecordRequest, choose, harborDay, newPerson, signIn } from './support/ui';

const MARIA = '0c000000-0000-4000-8000-000000000001';
const expect = baseExpect.configure({ timeout: 15_000 });

test('a request past its legal date offers the follow-up letter as a PDF; one on track does not', async ({ page, browser, baseURL }, testInfo) => {
  test.slow();
  const run = Date.now().toString(36);
  const late = `Harbor Lab ${run}`;
  const fresh = `Riverside Clinic ${run}`;

  await signIn(page, 'advocate@harbor.example');
  await page.goto(`/cases/${MARIA}`);
  await expect(page.getByRole('heading', { name: 'Record packet' })).toBeVisible();
  await addRecordRequest(page, late, `Bloods ${run}`, harborDay(-45));
  await addRecordRequest(page, fresh, `Recent bloods ${run}`, harborDay(0));

  const requests = page.getByRole('region', { name: 'Record requests' });
  const lateCard = requests.getByRole('article', { name: `Request to ${late}` });
  await expect(lateCard.getByText('Overdue').first()).toBeVisible();
  await expect(lateCard.getByText(/15 days late/)).toBeVisible();
  const link = lateCard.getByRole('link', { name: 'Download the follow-up letter (PDF)' });
  await expect(link).toBeVisible();
  await expect(lateCard.getByText(/This letter asks again, in writing/)).toBeVisible();
  await lateCard.screenshot({ path: testInfo.outputPath('overdue-card.png') });
  const pdf = await page.request.get((await link.getAttribute('href')) ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(pdf.headers()['content-disposition']).toMatch(/^attachment; filename="records-follow-up-harbor-lab-/);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  // A click downloads it too (the link is a plain download, no pop-up).
  const download = page.waitForEvent('download');
  await link.click();
  expect((await download).suggestedFilename()).toMatch(/^records-follow-up-harbor-lab-.*\.pdf$/);

  const freshCard = requests.getByRole('article', { name: `Request to ${fresh}` });
  await expect(freshCard.getByText('On track').first()).toBeVisible();
  await expect(freshCard.getByRole('link', { name: 'Download the letter (PDF)' })).toBeVisible();
  await expect(freshCard.getByRole('link', { name: /follow-up letter/ })).toHaveCount(0);
  // The server agrees: the same URL for the request on track is refused with a code.
  const freshHref = (await freshCard.getByRole('link', { name: 'Download the letter (PDF)' }).getAttribute('href')) ?? '';
  const refused = await page.request.get(freshHref.replace(/letter\.pdf$/, 'follow-up-letter.pdf'));
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.code).toBe('NOT_OVERDUE');
  await expectNoA11yViolations(page);

  // The patient has the same link on their case: it is their letter.
  const patient = await newPerson(browser, baseURL);
  await signIn(patient, 'patient@harbor.example');
  await patient.goto(`/cases/${MARIA}`);
  const patientCard = patient.getByRole('region', { name: 'Record requests' }).getByRole('article', { name: `Request to ${late}` });
  const patientLink = patientCard.getByRole('link', { name: 'Download the follow-up letter (PDF)' });
  await expect(patientLink).toBeVisible();
  expect((await patient.request.get((await patientLink.getAttribute('href')) ?? '')).status()).toBe(200);
  await patient.context().close();

  // The coordinator's board offers it in the overdue row, and not in the one on track.
  const coordinator = await newPerson(browser, baseURL);
  await signIn(coordinator, 'coordinator@harbor.example');
  await coordinator.goto('/records');
  await expect(coordinator.getByRole('heading', { name: 'Pending records', level: 1 })).toBeVisible();
  await choose(coordinator, 'Record holder', late);
  const row = coordinator.getByRole('row').filter({ hasText: late });
  await expect(row.getByRole('link', { name: 'Download the follow-up letter (PDF)' })).toBeVisible();
  await choose(coordinator, 'Record holder', fresh);
  const freshRow = coordinator.getByRole('row').filter({ hasText: fresh });
  await expect(freshRow.getByRole('link', { name: 'Maria Lopez' })).toBeVisible();
  await expect(freshRow.getByRole('link', { name: /follow-up letter/ })).toHaveCount(0);
  await expectNoA11yViolations(coordinator);
  await coordinator.context().close();
});
