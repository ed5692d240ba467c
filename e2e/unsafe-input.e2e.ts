// Input the server refuses is explained where the person typed it (issue 22 part 3): a record
// holder's portal must be an https:// address, and a comment holding a hidden NUL character is
// refused instead of failing inside the database.
import { expect, test } from './support/fixtures';
import { signIn } from './support/ui';

const MARIA = '0c000000-0000-4000-8000-000000000001';

test('a portal address that is not an https:// web address is refused at the field', async ({ page }) => {
  test.slow();
  const name = `Harbor Lab ${Date.now()}`;
  await signIn(page, 'coordinator@harbor.example');
  await page.goto('/records/holders');
  await page.getByRole('button', { name: 'Add a record holder' }).first().click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  const portal = page.getByLabel('Portal address (optional)');
  await portal.fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Save' }).click();
  // Shown under the field (and in the form's alert).
  await expect(page.getByText('Please enter a web address that starts with https://').first()).toBeVisible();
  await expect(portal).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(`${name} is saved.`)).toHaveCount(0);

  await portal.fill('https://portal.harbor-lab.example');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`${name} is saved.`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'https://portal.harbor-lab.example' })).toBeVisible();
});

test('a comment with a hidden NUL character is refused with a plain message', async ({ page }) => {
  test.slow();
  await signIn(page, 'advocate@harbor.example');
  await page.goto(`/cases/${MARIA}`);
  const comments = page.getByRole('region', { name: 'Comments' });
  await expect(comments).toBeVisible({ timeout: 15_000 });
  await comments.getByLabel('Add a comment').fill('Pasted from a PDF\u0000 with a hidden character');
  await comments.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('This text has a hidden or broken character that cannot be saved. Please remove it and try again.')).toBeVisible();
});
