// Second sign-in steps and signed-in devices in Chromium (issue 22, parts 6 and 8): an advocate
// adds an authenticator app (the code computed here with otplib, as the phone would), signs out
// and back in with password and code; passkeys made and used with Chromium's virtual
// authenticator (DevTools' WebAuthn domain); one browser signs another out; an admin requires a
// second step for staff and filters the audit log to security events.
// Each test makes its own people (copying a demo account's password hash), so no other journey
// meets a second step it does not expect.
import { type Browser, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { expectNoA11yViolations } from './support/a11y';
import { expect, test } from './support/fixtures';
import { DEMO_PASSWORD, newPerson } from './support/ui';

// Pages here load chunks and check argon2 passwords several times per test: on a busy machine
// each step may take a while, so the waits after a sign-in are longer than the default.
test.use({ navigationTimeout: 60_000 });
// Signed in: staff land on My day (/today), patients and caregivers on their case(s) (/cases).
const SIGNED_IN = { timeout: 60_000 };

const HARBOR = '0a000000-0000-4000-8000-000000000001';
const NORTHSTAR = '0a000000-0000-4000-8000-000000000002';

/** A new person in an organization, with the demo password. */
async function freshPerson(org: string, role: 'ADVOCATE' | 'ADMIN', name: string): Promise<string> {
  const email = `${name.split(' ')[0].toLowerCase()}-${randomBytes(4).toString('hex')}@${org === HARBOR ? 'harbor' : 'northstar'}.example`;
  await sql(
    `INSERT INTO app_user (organization_id, email, display_name, role, password_hash, language)
     SELECT $1, $2, $3, $4, password_hash, 'en' FROM app_user WHERE email = 'advocate@harbor.example'`,
    [org, email, name, role],
  );
  return email;
}

async function sql(text: string, values: unknown[] = []): Promise<void> {
  const c = new Client({ connectionString: process.env.E2E_DATABASE_URL });
  await c.connect();
  try {
    await c.query(text, values);
  } finally {
    await c.end();
  }
}

async function passwordStep(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function openSecurity(page: Page): Promise<void> {
  await page.goto('/account/security');
  await expect(page.getByRole('heading', { name: 'Security and devices', level: 1 })).toBeVisible();
}

/** A TOTP code for the step `steps` from now, as the phone's app would show it. */
const codeFor = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

test('an advocate adds an authenticator app, then signs in with password and code', { tag: '@phone' }, async ({ page, mail }, testInfo) => {
  test.setTimeout(300_000);
  const email = await freshPerson(HARBOR, 'ADVOCATE', 'Taylor Brooks');
  await passwordStep(page, email);
  await expect(page).toHaveURL(/\/(today|cases)/, SIGNED_IN);
  await page.getByRole('button', { name: /^Account menu for/ }).click();
  await page.getByRole('menuitem', { name: 'Security and devices' }).click();
  await expect(page.getByRole('heading', { name: 'Security and devices', level: 1 })).toBeVisible();
  await expect(page.getByText('You have no second step yet.')).toBeVisible();
  await expect(page.getByText('This device')).toBeVisible();

  await page.getByRole('button', { name: 'Add an authenticator app' }).click();
  const secretBox = page.getByTestId('totp-secret');
  await expect(secretBox).toHaveText(/[A-Z2-7]{4}/);
  const secret = (await secretBox.innerText()).replace(/\s+/g, '');
  await expect(page.getByRole('link', { name: 'Open in my authenticator app' })).toHaveAttribute('href', new RegExp(`^otpauth://totp/.*secret=${secret}`));
  await expectNoA11yViolations(page);
  await page.getByLabel('6-digit code').fill('000000');
  await page.getByRole('button', { name: 'Add the app' }).click();
  await expect(page.getByText('That code is not right.')).toBeVisible();
  await page.getByLabel('6-digit code').fill(await codeFor(secret));
  await page.getByRole('button', { name: 'Add the app' }).click();
  await expect(page.getByText('The authenticator app was added.')).toBeVisible();
  const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  await testInfo.attach('security page with recovery codes', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'I saved my codes' }).click();
  await expect(page.getByText('You have 10 recovery codes left.')).toBeVisible();
  const changed = await mail.waitForMessageTo(email, { subject: 'sign-in steps changed' });
  expect(changed.text).toContain('authenticator app was added');

  // Sign out (from a short page, so the menu opens in view on a phone); the password alone now leads to the second step.
  await page.goto('/notifications');
  await page.getByRole('button', { name: /^Account menu for/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await passwordStep(page, email);
  await expect(page.getByRole('heading', { name: 'One more step' })).toBeVisible(SIGNED_IN);
  await expectNoA11yViolations(page);
  await page.getByLabel('6-digit code').fill('123456');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('That did not work.', SIGNED_IN);
  // The code of the step used at enrollment is spent; the next one is taken.
  await page.getByLabel('6-digit code').fill(await codeFor(secret, 1));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/(today|cases)/, SIGNED_IN);
  await expect(page.getByRole('button', { name: /^Account menu for/ })).toBeVisible();
  await testInfo.attach('signed in after the second step', { body: await page.screenshot(), contentType: 'image/png' });
});

/** A context on http://localhost (browsers refuse an IP address as a passkey's site) with a virtual authenticator. */
async function withAuthenticator(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const local = new URL(baseURL as string);
  local.hostname = 'localhost';
  const page = await newPerson(browser, local.origin);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return page;
}

test('a passkey is added, then signs in alone and as the second step', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const email = await freshPerson(HARBOR, 'ADVOCATE', 'Morgan Ellis');
  const page = await withAuthenticator(browser, baseURL);
  await passwordStep(page, email);
  await expect(page).toHaveURL(/\/(today|cases)/, SIGNED_IN);
  await openSecurity(page);
  await page.getByLabel('Name for this passkey').fill('Laptop passkey');
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page.getByText('The passkey was added.')).toBeVisible();
  await expect(page.getByText('Laptop passkey')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10);
  await page.getByRole('button', { name: 'I saved my codes' }).click();

  // Passkey alone: no e-mail, no password.
  await page.context().clearCookies({ name: 'sl_session' });
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page).toHaveURL(/\/(today|cases)/, SIGNED_IN);
  await expect(page.getByRole('button', { name: /^Account menu for/ })).toBeVisible();

  // Password first, then the passkey as the second step.
  await page.context().clearCookies({ name: 'sl_session' });
  await passwordStep(page, email);
  await expect(page.getByRole('heading', { name: 'One more step' })).toBeVisible(SIGNED_IN);
  await page.getByRole('button', { name: 'Use my passkey' }).click();
  await expect(page).toHaveURL(/\/(today|cases)/, SIGNED_IN);
  await page.context().close();
});

test('one browser signs another out from the devices list', { tag: '@phone' }, async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  const email = await freshPerson(HARBOR, 'ADVOCATE', 'Jamie Ortiz');
  // The other browser is an iPhone's Safari (a phone-sized context keeps Chromium's own user agent).
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  });
  const other = await context.newPage();
  await passwordStep(other, email);
  await expect(other).toHaveURL(/\/(today|cases)/, SIGNED_IN);
  await passwordStep(page, email);
  await expect(page).toHaveURL(/\/(today|cases)/, SIGNED_IN);
  await openSecurity(page);
  const devices = page.getByRole('list', { name: 'Signed-in devices' }).getByRole('listitem');
  await expect(devices).toHaveCount(2);
  await expect(devices.filter({ hasText: 'This device' })).toHaveCount(1);
  const phone = devices.filter({ hasNotText: 'This device' });
  await expect(phone).toContainText('Safari on iPhone');
  await expect(phone).toContainText('Phone');
  await expect(phone).toContainText('Last active');
  await expectNoA11yViolations(page);
  await phone.getByRole('button', { name: /^Sign out / }).click();
  await expect(page.getByText('That device is signed out.')).toBeVisible();
  await expect(devices).toHaveCount(1);
  await other.reload();
  await expect(other).toHaveURL(/\/sign-in/);
  await other.context().close();
});

test('an admin requires a second step for staff; a new advocate is led to add one; security events are filtered', async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  const admin = await freshPerson(NORTHSTAR, 'ADMIN', 'Riley Shah');
  const advocate = await freshPerson(NORTHSTAR, 'ADVOCATE', 'Casey Park');
  try {
    await passwordStep(page, admin);
    await expect(page).toHaveURL(/\/(today|cases)/, SIGNED_IN);
    await page.goto('/admin/members');
    const rule = page.getByRole('switch', { name: 'Staff must use a second sign-in step' });
    await expect(rule).not.toBeChecked({ timeout: 30_000 });
    await rule.click();
    await expect(page.getByText('Saved.')).toBeVisible();
    await expectNoA11yViolations(page);

    const adv = await newPerson(browser, baseURL);
    await passwordStep(adv, advocate);
    await expect(adv).toHaveURL(/\/account\/security/, SIGNED_IN);
    await expect(adv.getByRole('alert')).toContainText('Your organization asks everyone on staff to add a second sign-in step');
    await adv.goto('/cases');
    await expect(adv).toHaveURL(/\/account\/security/, SIGNED_IN);
    await adv.getByRole('button', { name: 'Add an authenticator app' }).click();
    const secret = (await adv.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
    await adv.getByLabel('6-digit code').fill(await codeFor(secret));
    await adv.getByRole('button', { name: 'Add the app' }).click();
    await adv.getByRole('button', { name: 'I saved my codes' }).click();
    await adv.goto('/cases');
    await expect(adv).toHaveURL(/\/cases$/);
    await adv.context().close();

    // The admin's own account must add one too: the page says so after a reload.
    await page.reload();
    await expect(page).toHaveURL(/\/account\/security/);
    // Back to the old rule (through the database: the admin has no second step to reach the page).
  } finally {
    await sql(`UPDATE organization SET require_staff_mfa = false WHERE id = $1`, [NORTHSTAR]);
  }
  await page.goto('/admin/audit');
  // The box follows the address (?security=1), which changes right after the click.
  await page.getByRole('checkbox', { name: 'Only security events' }).click();
  await expect(page).toHaveURL(/security=1/);
  await expect(page.getByRole('checkbox', { name: 'Only security events' })).toBeChecked();
  await expect(page.getByText('Added an authenticator app').first()).toBeVisible();
  await expect(page.getByText('Changed sign-in security settings').first()).toBeVisible();
  await expect(page.getByText('Viewed the case')).toHaveCount(0);
  await expectNoA11yViolations(page);
});
