// The admins' Background jobs screen through a real browser, with a failure that really
// happened: the mail sink refuses one address at RCPT TO (550, as a server refuses an unknown
// mailbox), so the worker's invitation e-mail to it fails permanently on its first attempt.
// The admin finds the screen in the menu, sees each queue's counts (waiting / scheduled /
// failed), the failed job with its reason, and tries it again once the address is accepted:
// the job leaves the failed list and the e-mail arrives. Staff who are not admins cannot
// reach the screen, and the API refuses them too. (Northstar, so Harbor's journeys keep their
// member lists as they were.)
import type { Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { expect, test } from './support/fixtures';
import { choose, signIn } from './support/ui';

interface GqlBody<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** A GraphQL call with the signed-in page's cookies (JSON body, as the CSRF check wants). */
async function gql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<GqlBody<T>> {
  const response = await page.request.post('/graphql', { data: { query, variables }, headers: { 'content-type': 'application/json' } });
  return (await response.json()) as GqlBody<T>;
}

const HEALTH = '{ jobsHealth { queues { name waiting delayed failed } failedJobs { id queue name failedReason attemptsMade } } }';
type Health = {
  jobsHealth: {
    queues: { name: string; waiting: number; delayed: number; failed: number }[];
    failedJobs: { id: string; queue: string; name: string; failedReason: string | null; attemptsMade: number }[];
  };
};

test('an admin sees queue health and a refused e-mail with its reason, and retries it once the address is accepted', async ({ page, mail }, testInfo) => {
  test.setTimeout(90_000);
  const address = `refused-${Date.now().toString(36)}@northstar.example`;
  await mail.refuse(address);

  // The failure: an invitation to the refused address. The worker's send gets a 550 and gives up at once.
  await signIn(page, 'admin@northstar.example');
  await page.goto('/admin/members');
  await page.getByLabel('E-mail').fill(address);
  await choose(page, 'Role', 'Advocate');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${address}`)).toBeVisible();
  let failedJob: Health['jobsHealth']['failedJobs'][number] | undefined;
  await expect(async () => {
    const h = await gql<Health>(page, HEALTH);
    failedJob = h.data?.jobsHealth.failedJobs.find((j) => j.name === 'send-invitation-email');
    expect(failedJob).toBeDefined();
  }).toPass({ timeout: 30_000 });
  expect(failedJob).toMatchObject({ queue: 'email', attemptsMade: 1, failedReason: 'SMTP refused the message permanently (550)' });

  // The way in: the admin menu.
  await page.getByRole('link', { name: 'Background jobs' }).click();
  await expect(page).toHaveURL(/\/admin\/jobs$/);
  await expect(page.getByRole('heading', { name: 'Background jobs', level: 1 })).toBeVisible();

  // Queue health: every queue with its counts; the e-mail queue has the failure and says so.
  const emails = page.getByLabel('Queue: E-mails');
  await expect(emails).toBeVisible();
  await expect(emails.getByText('Needs a look')).toBeVisible();
  for (const count of ['Waiting', 'Scheduled', 'Running now', 'Failed']) await expect(emails.getByText(count, { exact: true })).toBeVisible();
  await expect(page.getByLabel('Queue: Reminders')).toBeVisible();
  await expect(page.getByLabel('Queue: Nightly checks')).toBeVisible();
  await expect(page.getByLabel('Queue: Client imports')).toBeVisible();
  const failedBefore = Number(await page.getByTestId('email-failed').textContent());
  expect(failedBefore).toBeGreaterThanOrEqual(1);
  for (const k of ['waiting', 'delayed']) expect(Number(await page.getByTestId(`email-${k}`).textContent())).toBeGreaterThanOrEqual(0);
  // The screen shows what the server counts (a deployment-wide number).
  const counted = (await gql<Health>(page, HEALTH)).data!.jobsHealth.queues.find((q) => q.name === 'email')!;
  expect(counted.failed).toBe(failedBefore);

  // The failed job, in words, with why it failed and how often it was tried.
  const row = page.getByRole('button', { name: 'Try again: Invitation e-mail' });
  await expect(row).toHaveCount(1);
  await expect(page.getByText('Why: SMTP refused the message permanently (550)')).toBeVisible();
  await expect(page.getByText(/^Tried once/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('background-jobs-failed.png'), fullPage: true });
  await expectNoA11yViolations(page);

  // Once the address is accepted, "Try again" puts the job back in line: it leaves the failed
  // list and the invitation arrives, with a working link.
  await mail.accept(address);
  await row.click();
  await expect(page.getByRole('status').filter({ hasText: 'Sent back to the queue. It will run in a moment.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again: Invitation e-mail' })).toHaveCount(0);
  const link = await mail.waitForLinkTo(address, { matching: '/invite/', timeoutMs: 20_000 });
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
  await expect(async () => {
    await page.getByRole('button', { name: 'Check again' }).click();
    await expect(page.getByTestId('email-failed')).toHaveText(String(failedBefore - 1), { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByText('Nothing has failed. Everything is being sent.')).toBeVisible();
  const after = (await gql<Health>(page, HEALTH)).data!.jobsHealth;
  expect(after.failedJobs.find((j) => j.id === failedJob!.id)).toBeUndefined();
  await expectNoA11yViolations(page);

  // A job that is no longer failed cannot be retried again: "not found", like any other id.
  const again = await gql(page, 'mutation($q: String!, $id: ID!) { retryFailedJob(queue: $q, jobId: $id) { id } }', { q: 'email', id: failedJob!.id });
  expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
});

test('staff who are not admins cannot reach Background jobs, and the API refuses them', async ({ page }) => {
  await signIn(page, 'advocate@northstar.example');
  await expect(page.getByRole('link', { name: 'Cases' }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Background jobs' })).toHaveCount(0);
  await page.goto('/admin/jobs');
  await expect(page.getByRole('heading', { name: 'Not found', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Background jobs' })).toHaveCount(0);
  await expect(page.getByText('Failed jobs of your organization')).toHaveCount(0);

  const health = await gql<Health>(page, HEALTH);
  expect(health.data?.jobsHealth ?? null).toBeNull();
  expect(health.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const retry = await gql(page, 'mutation { retryFailedJob(queue: "email", jobId: "invitation-email.00000000-0000-4000-8000-000000000000") { id } }');
  expect(retry.errors?.[0].extensions?.code).toBe('FORBIDDEN');
});
