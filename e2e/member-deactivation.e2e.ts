// An admin takes away a departing staff member's access. The person (an advocate invited
// just for this test, so no other journey's demo user is touched) has Maria's case open live in
// their own browser; the admin sees what they still hold, confirms, and that browser shows the
// sign-in screen without a click. Signing in again reads as a wrong password. Turning access
// back on lets them sign in again.
import { expectNoA11yViolations } from './support/a11y';
import { expect, test } from './support/fixtures';
import { acceptInvitation, newPerson, signIn } from './support/ui';

const MARIA = '0c000000-0000-4000-8000-000000000001';

test('an admin deactivates a staff member: their open page lands on sign-in and they cannot sign in', { tag: '@phone' }, async ({ page, browser, baseURL, mail }) => {
  // Two people, an e-mail and axe on two screens: longer than a single-screen check.
  test.setTimeout(240_000);
  const run = Date.now().toString(36);
  const email = `leaving-${run}@example.org`;
  const name = `Robin Leaving ${run}`;
  const password = 'a-long-advocate-password';

  await signIn(page, 'admin@harbor.example');
  await page.goto('/admin/members');
  await page.getByLabel('E-mail').fill(email);
  // Advocate, the form's default role: staff read every case of the organization.
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible();

  // Their own browser, on Maria's case with the live connection up.
  const staff = await newPerson(browser, baseURL);
  await acceptInvitation(staff, await mail.waitForLinkTo(email), name, password);
  await staff.goto(`/cases/${MARIA}`);
  await expect(staff.getByTestId('live-status').first()).toHaveText('Live', { timeout: 40_000 });

  await page.reload();
  await page.getByRole('button', { name: `Deactivate ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Deactivate ${name}?` });
  await expect(dialog.getByText(`${name} will be signed out everywhere right away`)).toBeVisible();
  // What they still hold is read before the admin confirms.
  await expect(dialog.getByText('They do not lead any open case and have no open tasks.')).toBeVisible();
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Yes, deactivate' }).click();
  await expect(page.getByText(`${name} can no longer sign in.`)).toBeVisible();

  // Nobody touches their browser: the server closes its socket and the page shows the sign-in
  // screen, well before the periodic 30 s re-check could have.
  await expect(staff).toHaveURL(/\/sign-in/, { timeout: 5_000 });
  await expect(staff.getByLabel('E-mail')).toBeVisible();
  await expectNoA11yViolations(page);

  // The right password is answered as a wrong one: nothing says the account exists.
  await staff.getByLabel('E-mail').fill(email);
  await staff.getByLabel('Password', { exact: true }).fill(password);
  await staff.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(staff.getByRole('alert').filter({ hasText: 'That e-mail and password don’t match.' })).toBeVisible();
  await expect(staff).toHaveURL(/\/sign-in/);

  // Access back on: they sign in again.
  await page.getByRole('button', { name: `Turn access back on for ${name}` }).click();
  await expect(page.getByText(`${name} can sign in again.`)).toBeVisible();
  await signIn(staff, email, password);
  await staff.context().close();
});
