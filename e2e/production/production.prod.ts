// The production stage: the built API and worker as the image runs them (NODE_ENV=production,
// behind a TLS proxy), checked from outside over HTTP and in Chromium. See
// playwright.production.config.ts; `npm test` runs it after the build, before the e2e tier.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { signIn } from '../support/ui';

const root = path.resolve(__dirname, '..', '..');
const MARIA = '0c000000-0000-4000-8000-000000000001';
const ZONE = 'America/Chicago';
const PASSWORD = 'demo-password-123';

async function gql(request: APIRequestContext, query: string, variables: Record<string, unknown> = {}) {
  const response = await request.post('/graphql', { data: { query, variables }, headers: { 'content-type': 'application/json' } });
  return { response, body: (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } };
}

async function signInOver(request: APIRequestContext, email: string) {
  return gql(request, 'mutation($input: SignInInput!) { signIn(input: $input) { id } }', { input: { email, password: PASSWORD } });
}

test('introspection and field suggestions are off, and errors never carry a stack trace', async ({ request }) => {
  const introspection = await gql(request, '{ __schema { types { name } } }');
  expect(introspection.body.data).toBeUndefined();
  expect(JSON.stringify(introspection.body.errors)).toMatch(/introspection/i);

  const typo = await gql(request, '{ mee { id } }');
  const text = JSON.stringify(typo.body);
  expect(typo.body.errors?.length).toBeGreaterThan(0);
  expect(text).not.toMatch(/Did you mean/i);

  for (const body of [introspection.body, typo.body, (await gql(request, 'query { case(id: "not-a-uuid") { id } }')).body]) {
    const serialized = JSON.stringify(body);
    expect(serialized).not.toMatch(/stacktrace|\bat .+\.js:\d+/i);
  }
});

test('the session cookie is Secure, HttpOnly and SameSite behind the TLS proxy', async ({ request }) => {
  const { response, body } = await signInOver(request, 'advocate@harbor.example');
  expect(body.errors).toBeUndefined();
  const cookie = response.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('sl_session='))?.value ?? '';
  expect(cookie).toMatch(/;\s*Secure/i);
  expect(cookie).toMatch(/;\s*HttpOnly/i);
  expect(cookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
});

test('pages, /graphql and /api/* carry the security headers, HSTS included', async ({ request }) => {
  const answers = [
    await request.get('/sign-in'),
    await request.post('/graphql', { data: { query: '{ __typename }' }, headers: { 'content-type': 'application/json' } }),
    await request.get('/api/documents/0d000000-0000-4000-8000-0000000000aa'),
  ];
  for (const answer of answers) {
    const h = answer.headers();
    const csp = h['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline[^;]*;?.*script-src|script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toMatch(/no-referrer|strict-origin/);
    expect(h['strict-transport-security']).toMatch(/max-age=\d+/);
  }
});

test('the movable demo clock is refused at boot in production', () => {
  const result = spawnSync(process.execPath, [path.join(root, 'dist/server/apps/api/src/main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DEV_CLOCK: 'true',
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      REDIS_URL: process.env.E2E_REDIS_URL,
      PORT: '0',
    },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/DEV_CLOCK/);
  expect(result.stderr).not.toMatch(/\bat .+\.js:\d+/);
});

function chicagoToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

async function ok(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const { body } = await gql(page.request, query, variables);
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

test('a person signs in, opens a case and a record request, and the worker e-mails its reminder when due', async ({ page, browser, baseURL, mail }) => {
  test.slow();
  // Reminders go out in the organization's working hours: make every hour of every day one, so
  // the reminder that is due today goes out now, whatever the time of this run.
  const admin = await browser.newPage({ baseURL, extraHTTPHeaders: { 'X-Forwarded-Proto': 'https' } });
  await signIn(admin, 'admin@harbor.example');
  const { reminderSettings: settings } = (await ok(admin, '{ reminderSettings { daysAfterSent digestHour legalSoonDays targetSoonDays timeZone } }')) as {
    reminderSettings: Record<string, unknown>;
  };
  await ok(admin, 'mutation($input: UpdateReminderSettingsInput!) { updateReminderSettings(input: $input) { timeZone } }', {
    input: { ...settings, workStart: '00:00', workEnd: '24:00', workingDays: [1, 2, 3, 4, 5, 6, 7] },
  });
  await admin.close();

  await signIn(page, 'advocate@harbor.example');
  const created = (await ok(page, `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`, {
    input: { patientName: 'Rosa Production', question: 'Is the surgery needed now?', diagnosisInDoubt: 'Herniated disc', triggers: [], urgency: 'URGENT' },
  })) as { createCase: { id: string } };
  const caseId = created.createCase.id;
  expect(caseId).toMatch(/^[0-9a-f-]{36}$/);

  // A request sent 7 days ago on this urgent case: its plan target is today (TARGET_DUE).
  const { createRecordHolder: holder } = (await ok(page, 'mutation($name: String!) { createRecordHolder(input: { name: $name }) { id } }', {
    name: `Production Holder ${Date.now().toString(36)}`,
  })) as { createRecordHolder: { id: string } };
  const { addPacketItem: item } = (await ok(page, 'mutation($caseId: ID!) { addPacketItem(input: { caseId: $caseId, kind: LABS }) { id } }', { caseId })) as {
    addPacketItem: { id: string };
  };
  await ok(
    page,
    `mutation($caseId: ID!, $holderId: ID!, $itemId: ID!, $sentOn: String!) {
      createRecordRequest(input: { caseId: $caseId, holderId: $holderId, packetItemIds: [$itemId], method: FAX, sentOn: $sentOn }) { id }
    }`,
    { caseId, holderId: holder.id, itemId: item.id, sentOn: addDays(chicagoToday(), -7) },
  );

  // The relay moves the reminder to the queue and the worker sends it: a link to the case.
  await expect
    .poll(async () => (await mail.all()).some((m) => m.to.includes('advocate@harbor.example') && m.links.some((link) => link.includes(`/cases/${caseId}`))), {
      timeout: 60_000,
    })
    .toBe(true);
});

test('the built client works under the CSP: main screens with no policy violation', async ({ page }) => {
  // Four full page loads and a sign-in (argon2) on a 2-core machine.
  test.slow();
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolations: string[] }).__cspViolations ??= [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const collect = async () => violations.push(...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])));

  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await collect();
  await signIn(page, 'coordinator@harbor.example');
  for (const [url, heading] of [
    ['/cases', /Cases/],
    ['/records', /Pending records|records/i],
    [`/cases/${MARIA}`, /Maria Lopez/],
  ] as const) {
    await page.goto(url);
    // A check of the policy, not of speed: on a loaded 2-core machine a cold page of the built
    // client has taken over 10 s to draw.
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible({ timeout: 30_000 });
    await collect();
  }
  expect(violations).toEqual([]);
});
