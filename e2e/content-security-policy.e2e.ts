// Every main screen of every role works under the API's Content-Security-Policy (script-src
// 'self', styles by nonce; see libs/server/platform/src/http/security-headers.ts): the browser
// reports no `securitypolicyviolation` at all, on a desktop and on a phone.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { signIn } from './support/ui';

const MARIA = '0c000000-0000-4000-8000-000000000001';

const SCREENS: Record<string, string[]> = {
  'admin@harbor.example': [
    '/cases',
    `/cases/${MARIA}`,
    '/cases/new',
    '/records',
    '/records/holders',
    '/admin/members',
    '/admin/audit',
    '/admin/jobs',
    '/admin/reminders',
    '/notifications',
    '/notifications/settings',
    '/dashboard',
  ],
  'coordinator@harbor.example': ['/cases', `/cases/${MARIA}`, '/cases/new', '/records', '/records/holders', '/notifications', '/dashboard', '/dashboard/cases?kind=STAGE_NOW&key=GATHER_RECORDS'],
  'advocate@harbor.example': ['/cases', `/cases/${MARIA}`, '/records', '/notifications', '/notifications/settings', '/dashboard'],
  'patient@harbor.example': ['/cases', `/cases/${MARIA}`, '/notifications', '/notifications/settings'],
  'caregiver@harbor.example': ['/cases', `/cases/${MARIA}`, '/notifications'],
};

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  url: string;
}

/**
 * Records every CSP violation the page reports, from before its first script runs. The answer's
 * reader gives the current document's violations plus console reports not read before; call it
 * before each navigation.
 */
async function watchViolations(page: Page): Promise<() => Promise<Violation[]>> {
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { __cspViolations: Violation[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, url: location.pathname }));
  });
  // Violations also land in the console; keep those too, in case a page navigates before we read.
  const fromConsole: Violation[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) fromConsole.push({ directive: 'console', blocked: '', sample: m.text(), url: page.url() });
  });
  return async () => {
    const inPage = (await page.evaluate(() => (window as unknown as { __cspViolations?: Violation[] }).__cspViolations ?? [])) as Violation[];
    return [...inPage, ...fromConsole.splice(0)];
  };
}

/** Opens a screen, waits until its data has loaded, and opens what pops up on it. */
async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.headers()['content-security-policy'], `CSP on ${path}`).toMatch(/script-src 'self'/);
  await expect(page.getByRole('heading').first()).toBeVisible({ timeout: 30_000 });
  // Loaders give way to the screen's data (and the styles that come with it).
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0, { timeout: 30_000 });
  // Menus and drawers are portals with transitions: open the first one the screen has.
  const burger = page.getByRole('button', { name: /navigation|menu/i }).first();
  if (await burger.isVisible().catch(() => false)) {
    await burger.click();
    await page.waitForTimeout(300);
    await page.keyboard.press('Escape');
  }
}

test.describe('content security policy', () => {
  for (const [email, paths] of Object.entries(SCREENS)) {
    test(`${email.split('@')[0]}: every main screen loads with no CSP violation`, { tag: '@phone' }, async ({ page }) => {
      // Many screens in one sign-in; generous, as the machine running the tier may be shared.
      test.setTimeout(300_000);
      const violations = await watchViolations(page);
      await signIn(page, email);
      const found: Violation[] = [];
      for (const path of paths) {
        await visit(page, path);
        found.push(...(await violations()));
      }
      expect(found).toEqual([]);
    });
  }

  test('signed-out screens load with no CSP violation', { tag: '@phone' }, async ({ page }) => {
    const violations = await watchViolations(page);
    const found: Violation[] = [];
    for (const path of ['/sign-in', '/sign-up']) {
      await visit(page, path);
      found.push(...(await violations()));
    }
    expect(found).toEqual([]);
  });

  test('the policy is enforced: an injected inline script and an unsigned style are refused and reported', async ({ page }) => {
    const violations = await watchViolations(page);
    await visit(page, '/sign-in');
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { injected?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.head.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { background: red }';
      document.head.append(style);
      await new Promise((r) => setTimeout(r, 200));
      return { injected: !!w.injected, background: getComputedStyle(document.body).backgroundColor };
    });
    expect(ran.injected).toBe(false);
    expect(ran.background).not.toBe('rgb(255, 0, 0)');
    const seen = (await violations()).map((v) => v.directive);
    expect(seen).toEqual(expect.arrayContaining(['script-src-elem', 'style-src-elem']));
  });
});
