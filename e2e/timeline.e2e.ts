// The case timeline through a real browser: the advocate sees David Chen's records running
// late and when the case is now expected to finish, is told plainly when a new target is
// refused, and moves the appointment target with a reason; David, on his phone, sees the
// same plan in his own words, the reason included, and no way to change it.
import type { Locator, Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { expect, test } from './support/fixtures';
import { harborDay, newPerson, signIn } from './support/ui';

// Seeded 24 days ago as a routine case, still choosing a provider: records were due after 14 days.
const DAVID = '0c000000-0000-4000-8000-000000000002';

/** How the panel writes a calendar day in the browser's en-US locale. */
const shown = (day: string): string => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

const timelineOf = (page: Page): Locator => page.getByRole('region', { name: 'Timeline', exact: true });
const phase = (timeline: Locator, name: string): Locator => timeline.getByRole('listitem').filter({ has: timeline.page().getByRole('heading', { name, exact: true }) });

test('advocate sees records late and the projected end → moves the appointment target with a reason → David sees it on his phone', async ({ page, browser, baseURL }, testInfo) => {
  test.slow(); // two people, a dialog, a phone
  const run = Date.now().toString(36);
  const reason = `The clinic booked the first slot they had (${run}).`;
  const newTarget = harborDay(30);

  await signIn(page, 'advocate@harbor.example');
  await page.goto(`/cases/${DAVID}`);
  const timeline = timelineOf(page);
  // The first screen after signing in can take a while on a busy machine.
  await expect(timeline.getByRole('heading', { name: 'Timeline', exact: true })).toBeVisible({ timeout: 15_000 });

  // Records are late, in words (not only color), and the end is projected past the plan.
  const records = phase(timeline, 'Getting the records');
  await expect(records.getByText('Running late')).toBeVisible();
  await expect(records.getByText(/^\d+ days late$/)).toBeVisible();
  await expect(timeline.getByText(/^Getting the records is \d+ days past its date\.$/)).toBeVisible();
  await expect(timeline.getByText(/^Expected finish: /)).toBeVisible();
  await expect(timeline.getByText(/days later than planned\. Planned finish: /)).toBeVisible();
  await expect(phase(timeline, 'The second-opinion appointment').getByText('Coming up')).toBeVisible();
  await expectNoA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath('timeline-advocate-1280.png'), fullPage: true });

  // A target without a reason, or in the past, is refused in plain words.
  const appointment = phase(timeline, 'The second-opinion appointment');
  await appointment.getByRole('button', { name: 'Change target: The second-opinion appointment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change the target for “The second-opinion appointment”' });
  await expect(dialog).toBeVisible();
  await expectNoA11yViolations(page);
  await dialog.getByLabel('New target date').fill(newTarget);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Please say why the date is changing.')).toBeVisible();
  await dialog.getByLabel('Reason').fill(reason);
  await dialog.getByLabel('New target date').fill('2020-01-06');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('The new date cannot be in the past. Please choose today or a later day.')).toBeVisible();

  // A good date with the reason: the plan moves and everyone can read why.
  await dialog.getByLabel('New target date').fill(newTarget);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(timeline.getByRole('status')).toHaveText(`The target for “The second-opinion appointment” is now ${shown(newTarget)}.`);
  await expect(appointment.getByText(new RegExp(`^About \\d+ weeks, by ${shown(newTarget)}$`))).toBeVisible();
  await expect(appointment.getByText(`Why the date changed: ${reason}`)).toBeVisible();
  await expectNoA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath('timeline-adjusted-1280.png'), fullPage: true });

  // David, on his phone: the same plan in his words, the reason, and no control to change it.
  const david = await newPerson(browser, baseURL, true);
  await signIn(david, 'patient2@harbor.example');
  await david.goto(`/cases/${DAVID}`);
  const his = timelineOf(david);
  await expect(his.getByRole('heading', { name: 'Timeline', exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(phase(his, 'Getting your records').getByText('Running late')).toBeVisible();
  await expect(his.getByText('Getting your records is taking longer than planned.', { exact: false })).toBeVisible();
  await expect(his.getByText(/^Expected finish: /)).toBeVisible();
  await expect(phase(his, 'Your second-opinion appointment').getByText(`Why the date changed: ${reason}`)).toBeVisible();
  await expect(his.getByRole('button', { name: /Change target/ })).toHaveCount(0);
  await expectNoA11yViolations(david);
  await david.screenshot({ path: testInfo.outputPath('timeline-patient-390.png'), fullPage: true });
});
