// The journey, live: Sam (advocate, desktop) and Maria (patient, phone) have her case open at
// once. Maria adds a question on her phone and it appears in Sam's question list without a
// reload; Sam records an opinion (with a staff note) and it appears on Maria's phone without a
// reload, with no trace of the staff note, and then books an appointment that appears the
// same way; each step is a plain line in the other's feed.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { harborDay, newPerson, signIn } from './support/ui';

const MARIA = '0c000000-0000-4000-8000-000000000001';
const region = (page: Page, name: string | RegExp): Locator => page.getByRole('region', { name, exact: typeof name === 'string' });

async function openCase(page: Page): Promise<void> {
  await page.goto(`/cases/${MARIA}`);
  await expect(region(page, 'On this case now').getByTestId('live-status')).toHaveText('Live', { timeout: 15_000 });
}

test('a question from the patient and an opinion from the advocate reach the other open page without a reload', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const run = Date.now().toString(36);
  const sam = page;
  await sam.setViewportSize({ width: 1280, height: 800 });
  await signIn(sam, 'advocate@harbor.example');
  const maria = await newPerson(browser, baseURL, true);
  await signIn(maria, 'patient@harbor.example');
  await openCase(sam);
  await openCase(maria);
  // Any navigation would reset this marker: its survival proves neither page reloaded.
  for (const p of [sam, maria]) await p.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  // Maria adds a question on her phone.
  const question = `Could we wait three months and scan again? (${run})`;
  const hers = region(maria, 'Questions to ask');
  await hers.getByLabel('Your own question').fill(question);
  await hers.getByRole('button', { name: 'Add question' }).click();
  await expect(hers.getByText(question)).toBeVisible();

  // On Sam's open page: the question in his list, and a line in his feed.
  await expect(region(sam, 'Questions to ask').getByText(question)).toBeVisible({ timeout: 10_000 });
  await expect(region(sam, 'Activity')).toContainText('Maria Lopez added a question', { timeout: 10_000 });

  // Sam records an opinion with a staff note.
  const ops = region(sam, 'Opinions compared');
  await ops.getByRole('button', { name: /Add opinion \d+/ }).click();
  const form = region(sam, /^Add opinion \d+$/);
  const diagnosis = `Benign thyroid nodule (${run})`;
  await form.getByLabel('Doctor or institution').fill('Dr. Amal Haddad, Lakeshore University Medical Center');
  await form.getByLabel('Diagnosis').fill(diagnosis);
  await form.getByLabel('Recommended plan').fill('Watch and rescan in six months');
  await form.getByLabel('Why they think so').fill('The nodule has not grown since last year.');
  await form.getByLabel('Staff notes (never shown to the patient)').fill(`Staff only: reader two disagreed ${run}`);
  await form.getByRole('button', { name: 'Save opinion' }).click();
  await expect(ops.getByText(/Opinion \d+ is saved\./)).toBeVisible();

  // On Maria's phone, without a reload: the opinion, never its staff note.
  await expect(region(maria, 'Opinions compared')).toContainText(diagnosis, { timeout: 10_000 });
  await expect(region(maria, 'Activity')).toContainText('Sam Rivera added an opinion', { timeout: 10_000 });
  await expect(maria.getByText(`reader two disagreed ${run}`)).toHaveCount(0);
  await expect(maria.getByText('Staff notes')).toHaveCount(0);

  // Sam books an appointment (with a staff note): it appears on Maria's phone, the note never does.
  const appt = region(sam, 'Appointment and questions');
  await appt.getByRole('button', { name: 'Book an appointment' }).click();
  const book = region(sam, 'Book an appointment');
  await book.getByLabel('Date').fill(harborDay(6));
  await book.getByLabel('Time').fill('11:15');
  await book.getByLabel('Where').fill('Lakeshore University Medical Center, Endocrine Clinic, 3rd floor');
  const useChosen = book.getByRole('checkbox', { name: /^Use the chosen provider/ });
  if ((await useChosen.count()) && (await useChosen.isChecked())) await useChosen.uncheck();
  const doctor = `Dr. Ines Okafor (${run})`;
  await book.getByLabel('With whom').fill(doctor);
  await book.getByLabel('Staff notes (never shown to the patient)').fill(`Staff only: ask about the hardship fund ${run}`);
  await book.getByRole('button', { name: 'Book the appointment' }).click();
  await expect(appt.getByText('The appointment is booked.')).toBeVisible();

  await expect(region(maria, 'Appointment and questions')).toContainText(doctor, { timeout: 10_000 });
  await expect(region(maria, 'Activity')).toContainText('Sam Rivera booked an appointment', { timeout: 10_000 });
  await expect(maria.getByText(`hardship fund ${run}`)).toHaveCount(0);

  for (const p of [sam, maria]) expect(await p.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  await maria.context().close();
});
