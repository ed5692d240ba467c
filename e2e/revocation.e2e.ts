// Revocation in a real browser: one person has Maria's case open live in two browsers that share
// one session (a copied session, as a second tab or a restored browser would). Signing out in one
// ends the other's live view at once: its socket is closed by the server and the page shows the
// sign-in screen without a click. Then a patient probes for another patient's case and made-up
// ids, and the organization's admin finds each attempt in the audit log under "Only denied
// attempts", and the alert among the notifications.
import { randomUUID } from 'node:crypto';
import { expectNoA11yViolations } from './support/a11y';
import { expect, test } from './support/fixtures';
import { newPerson, signIn } from './support/ui';

const MARIA = '0c000000-0000-4000-8000-000000000001';

test('signing out in one browser ends the live view in the other at once', async ({ page, browser, baseURL }) => {
  test.slow();
  await signIn(page, 'advocate@harbor.example');
  // The second browser carries the same session cookie.
  const state = await page.context().storageState();
  const other = await browser.newContext({ baseURL, storageState: state, viewport: { width: 1280, height: 800 } });
  const second = await other.newPage();

  await page.goto(`/cases/${MARIA}`);
  await second.goto(`/cases/${MARIA}`);
  // The case page can take a while on a loaded CI machine; "Live" means the socket is up.
  await expect(second.getByTestId('live-status').first()).toHaveText('Live', { timeout: 40_000 });
  await expect(page.getByTestId('live-status').first()).toHaveText('Live', { timeout: 40_000 });

  await page.getByRole('button', { name: /^Account menu for/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  // Nobody touches the second browser: the server closes its socket and the page shows it,
  // well before the periodic 30 s re-check could have.
  await expect(second).toHaveURL(/\/sign-in/, { timeout: 5_000 });
  await expect(second.getByLabel('E-mail')).toBeVisible();
  await other.close();
});

test('an admin sees the denied attempts of a probing patient', async ({ page, browser, baseURL }) => {
  test.slow();
  const prober = await newPerson(browser, baseURL);
  await signIn(prober, 'patient2@harbor.example');
  // Another patient's case and ids that do not exist: the same "not found" every time.
  const codes: string[] = [];
  for (const id of [MARIA, randomUUID(), randomUUID()]) {
    const res = await prober.request.post('/graphql', { data: { query: 'query($id: ID!) { case(id: $id) { id } }', variables: { id } }, headers: { 'content-type': 'application/json' } });
    const body = (await res.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
    codes.push(`${body.errors?.[0]?.extensions?.code} ${body.errors?.[0]?.message}`);
  }
  expect(new Set(codes).size).toBe(1);
  expect(codes[0]).toMatch(/^NOT_FOUND /);
  await prober.context().close();

  await signIn(page, 'admin@harbor.example');
  await page.goto('/admin/audit');
  await page.getByRole('checkbox', { name: 'Only denied attempts' }).click();
  await expect(page).toHaveURL(/denied=1/);
  await expect(page.getByRole('checkbox', { name: 'Only denied attempts' })).toBeChecked();
  const rows = page.getByRole('row').filter({ hasText: 'Tried to open a record they may not see' }).filter({ hasText: 'David Chen' });
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByRole('row').filter({ hasText: MARIA }).first()).toBeVisible();
  await expect(page.getByText('Viewed the case')).toHaveCount(0);
  await expectNoA11yViolations(page);
});
