// A patient reaches only their own case, by any URL; staff-only notes stay off their screen.
import { expectNoA11yViolations } from './support/a11y';
import { expect, test } from './support/fixtures';
import { signIn } from './support/ui';

const MARIA = '0c000000-0000-4000-8000-000000000001';
const DAVID = '0c000000-0000-4000-8000-000000000002';
const OTHER_ORG = '0c000000-0000-4000-8000-000000000011';

test('a patient cannot open another patient’s case by URL', { tag: '@phone' }, async ({ page }) => {
  await signIn(page, 'patient@harbor.example');
  for (const id of [DAVID, OTHER_ORG, '0c000000-0000-4000-8000-0000000000ff']) {
    await page.goto(`/cases/${id}`);
    await expect(page.getByRole('heading', { name: 'Not found', level: 1 }).or(page.getByRole('heading', { name: 'Not found', level: 2 }))).toBeVisible();
    await expect(page.getByText('David Chen')).toHaveCount(0);
    await expect(page.getByText('Ruth Okafor')).toHaveCount(0);
  }
  await expectNoA11yViolations(page);
  await page.goto(`/cases/${MARIA}`);
  await expect(page.getByText(/Is a mastectomy the right treatment/)).toBeVisible();
});

test('an internal note in the demo data never shows on the patient’s or caregiver’s screen', { tag: '@phone' }, async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000); // three people sign in (argon2) and load the case on a shared machine
  await signIn(page, 'patient@harbor.example');
  await page.goto(`/cases/${MARIA}`);
  // The comments are far down a long page that draws its parts one after another; on a loaded
  // machine the first visit has taken over 10 s to reach them.
  await expect(page.getByText(/Should I call the pathology lab myself/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Staff only: the pathology lab has been slow/)).toHaveCount(0);
  expect(await page.content()).not.toContain('records supervisor');

  const caregiver = await (await browser.newContext({ baseURL })).newPage();
  await signIn(caregiver, 'caregiver@harbor.example');
  await caregiver.goto(`/cases/${MARIA}`);
  await expect(caregiver.getByText(/Should I call the pathology lab myself/)).toBeVisible({ timeout: 30_000 });
  expect(await caregiver.content()).not.toContain('records supervisor');

  const staff = await (await browser.newContext({ baseURL })).newPage();
  await signIn(staff, 'advocate@harbor.example');
  await staff.goto(`/cases/${MARIA}`);
  await expect(staff.getByText(/records supervisor/)).toBeVisible({ timeout: 30_000 });
});

test('an admin reads the audit log and a coordinator filters the case list', async ({ page }) => {
  await signIn(page, 'admin@harbor.example');
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  await expect(page.getByText('auth.sign_in').first()).toBeVisible();
  await expectNoA11yViolations(page);

  // Filtered to her lead advocate's cases: unfiltered, the list opens on the 20 most recently
  // updated of Harbor's forty-odd, and whether Maria's is among them depends on what ran before.
  await page.goto('/cases');
  await page.getByRole('combobox', { name: 'Lead advocate' }).click();
  await page.getByRole('option', { name: 'Sam Rivera' }).click();
  await expect(page.getByText('Maria Lopez')).toBeVisible();
  await expectNoA11yViolations(page);
});
