// A patient on a bus with one bar of signal: Maria signs in on her own phone ("this is my own
// device"), opens her case, and loses the connection. A reload still opens the case from the copy
// kept on the device; she rewords a question while offline and is told, calmly, that the change
// will be sent. When the connection is back, the change reaches Sam (advocate) on his screen.
// On a shared device (the box left off) nothing of the case is kept in the browser's storage,
// and signing out empties what an own device kept.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { expectNoA11yViolations } from './support/a11y';
import { DEMO_PASSWORD, newPerson, signIn } from './support/ui';

const MARIA = '0c000000-0000-4000-8000-000000000001';
const questions = (page: Page): Locator => page.getByRole('region', { name: 'Questions to ask', exact: true });

/** Everything Graphcache saved in this browser's IndexedDB, as text ('' when there is no copy). */
const savedCopy = (page: Page): Promise<string> =>
  page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('second-look-offline')) return '';
    return new Promise<string>((resolve, reject) => {
      const open = indexedDB.open('second-look-offline');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('entries')) return resolve('');
        const all = db.transaction('entries').objectStore('entries').getAll();
        all.onsuccess = () => {
          resolve(JSON.stringify(all.result));
          db.close();
        };
      };
    });
  });

async function signInOwnDevice(page: Page, email: string, own: boolean): Promise<void> {
  await page.goto('/sign-in');
  const box = page.getByRole('checkbox', { name: 'This is my own device' });
  await expect(box).not.toBeChecked(); // off by default
  if (own) await box.check();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

test("the patient's case opens offline on her own device, an edit made offline reaches the advocate @phone", async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(240_000);
  const run = Date.now().toString(36);
  const maria = page;
  await signInOwnDevice(maria, 'patient@harbor.example', true);

  // Online: she opens her case and adds a question of her own.
  const original = `Can I get a copy of my scans? (${run})`;
  await maria.goto(`/cases/${MARIA}`);
  await questions(maria).getByLabel('Your own question').fill(original);
  await questions(maria).getByRole('button', { name: 'Add question' }).click();
  await expect(questions(maria).getByText(original)).toBeVisible({ timeout: 15_000 });
  // The app shell is kept by the service worker, the case by the saved copy of the cache.
  await maria.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => savedCopy(maria), { timeout: 15_000 }).toContain(original);

  // The signal drops; she reloads, and her case is still there, with a calm word about it.
  await maria.context().setOffline(true);
  await maria.reload();
  await expect(maria.getByRole('heading', { name: 'Maria Lopez', level: 1 })).toBeVisible({ timeout: 20_000 });
  await expect(questions(maria).getByText(original)).toBeVisible({ timeout: 30_000 });
  const status = maria.getByRole('region', { name: 'Connection' }).getByRole('status');
  await expect(status).toHaveText('You are offline. You can still read your case. Changes you make will be sent when you are back online.');
  // Offline, the page waits for the signal instead of asking again and again (a query retried in
  // a loop drains a phone's battery and starves the screen): a few tries in five seconds at most.
  const asked: string[] = [];
  const count = (request: { url(): string }) => void (request.url().includes('/graphql') && asked.push(request.url()));
  maria.on('request', count);
  await maria.waitForTimeout(5_000);
  maria.off('request', count);
  expect(asked.length).toBeLessThan(10);
  await expectNoA11yViolations(maria, {}, testInfo);

  // She rewords the question offline: the new words show at once and wait to be sent.
  const reworded = `Can I get my scans on a disc? (${run})`;
  await questions(maria)
    .getByRole('button', { name: `Edit: ${original}` })
    .click();
  await questions(maria).getByLabel('Question', { exact: true }).fill(reworded);
  await questions(maria).getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => savedCopy(maria).then((copy) => copy.length > 0), { timeout: 10_000 }).toBe(true);

  // The connection comes back: the change is sent, and the line says so.
  await maria.context().setOffline(false);
  await expect(status).toHaveText('You are back online. Your changes are being sent.');
  await expect(questions(maria).getByText(reworded)).toBeVisible({ timeout: 20_000 });
  await expect(questions(maria).getByRole('button', { name: 'Save', exact: true })).toBeHidden({ timeout: 20_000 });

  // Sam, the advocate, sees Maria's new words on his screen.
  const sam = await newPerson(browser, baseURL);
  await signIn(sam, 'advocate@harbor.example');
  await sam.goto(`/cases/${MARIA}#visit`); // a deep link draws every part of the page at once
  await expect(questions(sam).getByText(reworded)).toBeVisible({ timeout: 30_000 });
  await expect(questions(sam).getByText(original)).toHaveCount(0);
  await sam.context().close();

  // Signing out empties what the device kept.
  await maria.getByRole('button', { name: /^Account menu for / }).click();
  await maria.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
  await expect(maria).toHaveURL(/sign-in/);
  await expect.poll(() => savedCopy(maria).then((copy) => copy.includes(reworded) || copy.includes(original)), { timeout: 10_000 }).toBe(false);
});

test('on a shared device nothing of the case is kept in the browser', async ({ page }) => {
  test.setTimeout(120_000);
  await signInOwnDevice(page, 'patient@harbor.example', false);
  await page.goto(`/cases/${MARIA}`);
  await expect(page.getByRole('heading', { name: 'Maria Lopez', level: 1 })).toBeVisible({ timeout: 20_000 });
  expect(await savedCopy(page)).not.toContain('CaseQuestion');
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
});
