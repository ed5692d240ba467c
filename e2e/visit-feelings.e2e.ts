// Two journey rules through a real browser (issue 25), on a case of its own: the advocate books a
// visit three days ahead and is not offered the visit-feelings form, moves the visit to this
// morning and then records how it felt; with a Medicare plan and two opinions compared as
// differing, the insurance check says a third opinion is covered, as the opinion advice does.
import type { Locator, Page } from '@playwright/test';
import { expect as baseExpect, test } from './support/fixtures';
import { choose, harborDay, moveVisit, signIn } from './support/ui';

// One person, one busy shared machine: the case page loads many panels.
const expect = baseExpect.configure({ timeout: 15_000 });
const region = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });

test('the visit-feelings form waits for the visit, and the insurance check tells a Medicare patient the third opinion is covered', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const run = Date.now().toString(36);

  await signIn(page, 'advocate@harbor.example');
  await page.getByRole('link', { name: 'New case' }).first().click();
  await page.getByLabel('Patient name').fill(`Lena Feelings ${run}`);
  await page.getByLabel('The question to answer').fill('Is it really just anxiety?');
  await page.getByLabel('Diagnosis or plan in doubt').fill('Anxiety, with joint swelling, fevers and weight loss');
  await page.getByRole('checkbox', { name: /Uncertain diagnosis/ }).check();
  await page.getByRole('button', { name: 'Open case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);

  // A visit three days ahead: how it felt cannot be written down yet.
  const appt = region(page, 'Appointment and questions');
  await appt.getByRole('button', { name: 'Book an appointment' }).click();
  const form = region(page, 'Book an appointment');
  await form.getByLabel('Date').fill(harborDay(3));
  await form.getByLabel('Time').fill('10:30');
  await form.getByLabel('Where').fill('Lakeshore University Medical Center, Rheumatology');
  await form.getByLabel('With whom').fill('Dr. Nia Rheum');
  await form.getByRole('button', { name: 'Book the appointment' }).click();
  await expect(appt.getByText('The appointment is booked.')).toBeVisible();
  const card = appt.getByRole('article', { name: 'Appointment with Dr. Nia Rheum' });
  await expect(card.getByText('You can say how the visit felt once it has started.')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Save how it felt' })).toHaveCount(0);
  await expect(card.getByRole('checkbox', { name: 'Heard' })).toHaveCount(0);
  await testInfo.attach('1-feelings-not-yet', { body: await card.screenshot(), contentType: 'image/png' });

  // The clinic saw her this morning instead: once the visit is moved, the form is there.
  await moveVisit(card, harborDay(0), '00:00');
  await expect(card.getByText('You can say how the visit felt once it has started.')).toHaveCount(0);
  for (const feeling of ['Heard', 'Respected']) await card.getByText(feeling, { exact: true }).click();
  await card.getByRole('button', { name: 'Save how it felt' }).click();
  await expect(card.getByText('Thank you. This is saved.')).toBeVisible();
  await expect(card.getByText('Went well')).toBeVisible();
  await testInfo.attach('2-feelings-recorded', { body: await card.screenshot(), contentType: 'image/png' });

  // Her plan is Medicare; the rheumatologist's opinion differs from the first.
  const ins = region(page, 'Insurance check');
  await ins.getByRole('button', { name: 'Add the plan' }).click();
  await ins.getByLabel('Insurer (the name on the card)').fill('Medicare');
  await choose(page, 'Kind of plan', 'Medicare');
  await ins.getByRole('button', { name: 'Save plan' }).click();
  await expect(ins.getByRole('button', { name: '+ Log a call' })).toBeVisible();
  const ops = region(page, 'Opinions compared');
  for (const [n, provider, diagnosis] of [
    [1, 'Dr. Current (primary care)', 'Anxiety'],
    [2, 'Dr. Nia Rheum', 'Systemic lupus erythematosus'],
  ] as const) {
    await ops.getByRole('button', { name: `Add opinion ${n}` }).click();
    const f = region(page, `Add opinion ${n}`);
    await f.getByLabel('Doctor or institution').fill(provider);
    await f.getByLabel('Diagnosis').fill(diagnosis);
    await f.getByLabel('Recommended plan').fill(n === 1 ? 'Talk therapy' : 'Start treatment for lupus');
    await f.getByLabel('Why they think so').fill(n === 1 ? 'Normal first blood tests' : 'ANA and anti-dsDNA positive');
    await f.getByRole('button', { name: 'Save opinion' }).click();
    await expect(ops.getByText(`Opinion ${n} is saved.`)).toBeVisible();
  }
  await ops.getByLabel('Differ', { exact: true }).check();
  await ops.getByRole('button', { name: 'Save comparison' }).click();
  await expect(ops.getByText('Marked as: Differ')).toBeVisible();
  await expect(ops.getByText('Medicare Part B generally covers a third opinion when the first two differ.')).toBeVisible();
  // The insurance check says the same (read again from the server; eight panels load on a busy machine).
  await page.reload();
  await expect(region(page, 'Insurance check').getByText('Medicare Part B also pays for a third opinion when the first two disagree.')).toBeVisible({ timeout: 60_000 });
  await testInfo.attach('3-insurance-third-opinion', { body: await region(page, 'Insurance check').screenshot(), contentType: 'image/png' });
});
