// In-app notifications through a real browser: the bell in the header says how many are
// unread, the page lists them in plain words with a link to the case, opening one marks it
// read, and "Mark all as read" clears the count.
//
// A reminder is delivered at the start of the organization's working day (09:00 in
// America/Chicago for Harbor), or at once when that has passed and the working day is not over. So the journey creates one only when it can
// arrive now: a request sent 7 days ago on Maria's urgent case has its plan target today
// (TARGET_DUE). Two such requests give two reminders: one to open, one left for "Mark all as
// read". Outside working hours it creates nothing and checks the empty state.
import type { Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { expect, test } from './support/fixtures';
import { signIn } from './support/ui';

const MARIA = '0c000000-0000-4000-8000-000000000001';
const ZONE = 'America/Chicago';

function chicagoNow(): { today: string; minutes: number } {
  const now = new Date();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const [h, m] = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now).split(':').map(Number);
  return { today, minutes: h * 60 + m };
}

function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A GraphQL call with the signed-in page's cookies (JSON body, as the CSRF check wants). */
async function graphql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await page.request.post('/graphql', { data: { query, variables }, headers: { 'content-type': 'application/json' } });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** A record request whose plan target is today, so its TARGET_DUE reminder goes out now. */
async function requestDueToday(page: Page, today: string): Promise<void> {
  const { createRecordHolder: holder } = await graphql<{ createRecordHolder: { id: string } }>(page, 'mutation($name: String!) { createRecordHolder(input: { name: $name }) { id } }', {
    name: `E2E Holder ${Date.now().toString(36)}`,
  });
  const { addPacketItem: item } = await graphql<{ addPacketItem: { id: string } }>(page, 'mutation($caseId: ID!) { addPacketItem(input: { caseId: $caseId, kind: LABS }) { id } }', { caseId: MARIA });
  await graphql(
    page,
    `
      mutation ($caseId: ID!, $holderId: ID!, $itemId: ID!, $sentOn: String!) {
        createRecordRequest(input: { caseId: $caseId, holderId: $holderId, packetItemIds: [$itemId], method: FAX, sentOn: $sentOn }) {
          id
        }
      }
    `,
    { caseId: MARIA, holderId: holder.id, itemId: item.id, sentOn: addDays(today, -7) },
  );
}

const bell = (page: Page) => page.getByRole('banner').getByRole('link', { name: /^Notifications,/ });

test('the bell counts unread reminders; the page says them plainly, links to the case, and clears them', async ({ page }, testInfo) => {
  await signIn(page, 'advocate@harbor.example');
  const { today, minutes } = chicagoNow();
  // Reminders fire in Harbor's working hours (default 09:00–17:00, Monday to Friday): only then
  // does today's reminder arrive at once.
  const weekday = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, weekday: 'short' }).format(new Date());
  const expectOne = minutes >= 9 * 60 && minutes < 16 * 60 + 45 && !['Sat', 'Sun'].includes(weekday);
  if (expectOne) {
    await requestDueToday(page, today);
    await requestDueToday(page, today);
  }

  await page.goto('/notifications');
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  await expect(bell(page)).toHaveAccessibleName(/^Notifications, (none|\d+) unread$/);

  const list = page.getByRole('list', { name: 'Notifications' });
  if (expectOne) {
    // The relay and the worker deliver within seconds; the bell polls every minute, so reload.
    await expect(async () => {
      await page.reload();
      await expect(bell(page)).toHaveAccessibleName(/^Notifications, ([2-9]|\d\d+) unread$/, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(list.getByText('Records from the holder are due today for this case.', { exact: false }).first()).toBeVisible();
  }

  await page.screenshot({ path: testInfo.outputPath('notifications-desktop.png'), fullPage: true });
  await expectNoA11yViolations(page);

  const items = list.getByRole('listitem');
  if ((await items.count()) === 0) {
    await expect(page.getByText(/Nothing here yet/)).toBeVisible();
    await expect(bell(page)).toHaveAccessibleName('Notifications, none unread');
    return;
  }

  // Every notification about a case links to it; opening an unread one marks it read.
  const unreadBefore = Number(/(\d+) unread/.exec((await bell(page).getAttribute('aria-label')) ?? '')?.[1] ?? 0);
  const first = items.first();
  const caseLink = first.getByRole('link', { name: /^Open the case/ });
  await expect(caseLink).toHaveAttribute('href', /^\/cases\/[0-9a-f-]{36}$/);
  if (expectOne) await expect(caseLink).toHaveAttribute('href', `/cases/${MARIA}`);
  const firstWasUnread = (await first.getByText('New', { exact: true }).count()) > 0;
  await caseLink.click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  if (firstWasUnread) {
    const left = unreadBefore - 1;
    await expect(bell(page)).toHaveAccessibleName(left === 0 ? 'Notifications, none unread' : `Notifications, ${left} unread`);
  }

  // "Mark all as read" clears the rest (it is offered only while something is unread), and
  // the server agrees after a reload.
  await bell(page).click();
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  const markAll = page.getByRole('button', { name: 'Mark all as read' });
  if ((await bell(page).getAttribute('aria-label')) === 'Notifications, none unread') {
    await expect(markAll).toHaveCount(0);
    return;
  }
  await markAll.click();
  await expect(page.getByRole('status').filter({ hasText: 'All notifications are marked as read.' })).toBeVisible();
  await expect(bell(page)).toHaveAccessibleName('Notifications, none unread');
  await expect(list.getByText('New', { exact: true })).toHaveCount(0);
  await page.reload();
  await expect(bell(page)).toHaveAccessibleName('Notifications, none unread');
  await expect(list.getByRole('listitem').first()).toBeVisible();
});

test('on a phone the bell sits in the header and the page reads well', { tag: '@phone-only' }, async ({ page }, testInfo) => {
  await signIn(page, 'advocate@harbor.example');
  await bell(page).click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  await expect(bell(page)).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText(/Nothing here yet|unread notification|all caught up/).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('notifications-phone.png'), fullPage: true });
  await expectNoA11yViolations(page);
});
