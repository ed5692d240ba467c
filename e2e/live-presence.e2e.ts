// Who else is on the case, what they are editing, and what everyone did: Sam (advocate,
// desktop) and Maria (patient, phone) have her case open at once. Each sees the other;
// Maria opening the summary shows Sam "Maria Lopez (patient) is editing the summary"; her
// save appears on Sam's page and in his activity feed without a reload; Sam's internal note
// is a line in his feed and never in hers; she filters her feed to comments; when she
// closes the page, Sam sees that he is alone again.
import type { Locator, Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { expect, test } from './support/fixtures';
import { newPerson, signIn } from './support/ui';

const MARIA = '0c000000-0000-4000-8000-000000000001';
const presence = (page: Page): Locator => page.getByRole('region', { name: 'On this case now' });
const activity = (page: Page): Locator => page.getByRole('region', { name: 'Activity' });

async function openCase(page: Page): Promise<void> {
  await page.goto(`/cases/${MARIA}`);
  await expect(presence(page).getByTestId('live-status')).toHaveText('Live', { timeout: 15_000 });
}

test('presence, editing hints and the activity feed between an advocate and a patient', async ({ page, browser, baseURL }) => {
  // Two browsers and many live round trips on a shared, busy machine.
  test.setTimeout(300_000);
  const run = Date.now().toString(36);
  const sam = page;
  await sam.setViewportSize({ width: 1280, height: 800 });
  await signIn(sam, 'advocate@harbor.example');
  const maria = await newPerson(browser, baseURL, true);
  await signIn(maria, 'patient@harbor.example');

  await openCase(sam);
  await openCase(maria);
  await expect(presence(sam)).toContainText('Maria Lopez (patient) is viewing', { timeout: 10_000 });
  await expect(presence(maria)).toContainText('Sam Rivera (advocate) is viewing', { timeout: 10_000 });

  // Maria starts editing the summary: Sam sees what she is working on.
  await maria.getByRole('region', { name: 'Summary' }).getByRole('button', { name: 'Edit' }).click();
  const box = maria.getByLabel('Case summary');
  await box.click();
  await expect(presence(sam)).toContainText('Maria Lopez (patient) is editing the summary', { timeout: 10_000 });
  const words = `We have the MRI disc now (${run}).`;
  await box.fill(words);
  await maria.getByRole('region', { name: 'Summary' }).getByRole('button', { name: 'Save' }).click();

  // On Sam's open page, without a reload: the new summary and a line in the feed.
  await expect(sam.getByRole('region', { name: 'Summary' })).toContainText(words, { timeout: 10_000 });
  await expect(activity(sam)).toContainText('Maria Lopez updated the summary', { timeout: 10_000 });
  await expect(presence(sam)).toContainText('Maria Lopez (patient) is viewing', { timeout: 10_000 });

  // Sam's internal note: in his feed, never in Maria's; his shared comment reaches both.
  const comments = sam.getByRole('region', { name: 'Comments' });
  await comments.getByLabel('Add a comment').fill(`Staff only: call the imaging center ${run}`);
  await comments.getByLabel(/internal/i).check();
  await comments.getByRole('button', { name: 'Post comment' }).click();
  await expect(comments.getByLabel('Add a comment')).toHaveValue('');
  await comments.getByLabel('Add a comment').fill(`Thanks @Maria, I will ask for the report too (${run}).`);
  await comments.getByRole('button', { name: 'Post comment' }).click();
  await expect(activity(sam)).toContainText('Sam Rivera added an internal note', { timeout: 10_000 });

  await expect(maria.getByRole('region', { name: 'Comments' })).toContainText(`I will ask for the report too (${run})`, { timeout: 10_000 });
  await expect(activity(maria)).toContainText('Sam Rivera added a comment', { timeout: 10_000 });
  await expect(activity(maria)).not.toContainText('internal note');
  await expect(maria.getByText(`call the imaging center ${run}`)).toHaveCount(0);

  // Maria narrows her feed to comments only.
  await activity(maria).getByText('Comments', { exact: true }).click();
  await expect(activity(maria).getByRole('radio', { name: 'Comments' })).toBeChecked();
  await expect(activity(maria).getByTestId('activity-list')).toContainText('added a comment');
  await expect(activity(maria).getByTestId('activity-list')).not.toContainText('updated the summary');
  await expectNoA11yViolations(maria, { include: ['[aria-labelledby="case-presence-heading"]', '[aria-labelledby="case-activity-heading"]'] });

  // She closes the page: Sam is alone on the case again.
  await maria.context().close();
  await expect(presence(sam)).toContainText('Only you are here right now.', { timeout: 15_000 });
});
