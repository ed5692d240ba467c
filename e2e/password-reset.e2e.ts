// "Forgot your password?" in a real browser: the link on the sign-in page, the e-mail through
// the mail sink, a new password chosen on the page it links to, and a sign-in with it. The link
// works once, and the person is told by e-mail that the password changed.
// Northstar's patient is the account: no other browser journey signs in as her.
import { expectNoA11yViolations } from './support/a11y';
import { expect, test } from './support/fixtures';
import { newPerson, signIn } from './support/ui';

const EMAIL = 'patient@northstar.example';

test('a person who forgot the password sets a new one from the e-mail and signs in with it', async ({ page, mail, browser, baseURL }, testInfo) => {
  // Two e-mails through the worker's queue, two screens with axe and a second browser.
  test.setTimeout(180_000);
  const newPassword = `a-new-password-${testInfo.retry}-${Date.now()}`;
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await page.getByLabel('E-mail').fill(EMAIL);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('status')).toContainText('a link is on its way');
  await expectNoA11yViolations(page);

  const link = await mail.waitForLinkTo(EMAIL, { subject: 'Set a new password', matching: /\/reset-password\// });
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('New password').fill('too-short');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByText('Please use at least 12 characters.')).toBeVisible();
  await page.getByLabel('New password').fill(newPassword);
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByRole('heading', { name: 'Your password is changed' })).toBeVisible();

  const changed = await mail.waitForMessageTo(EMAIL, { subject: 'password was changed' });
  expect(changed.text).toContain('every device that was signed in was signed out');

  await page.getByRole('link', { name: 'Sign in' }).click();
  await signIn(page, EMAIL, newPassword);
  await expect(page).toHaveURL(/\/cases/);

  // The same link a second time, in another browser: refused, with a way to ask again.
  const other = await newPerson(browser, baseURL);
  await other.goto(link);
  await other.getByLabel('New password').fill('someone-elses-password');
  await other.getByRole('button', { name: 'Save new password' }).click();
  await expect(other.getByRole('alert')).toContainText('This link has expired or was already used.');
  await expect(other.getByRole('link', { name: 'Ask for a new link' })).toBeVisible();
  await other.context().close();
});
