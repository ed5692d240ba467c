// Finding your way on a long case page (issue 18, part 2), in a real browser: the index says
// where the work is now and what is late, its links and `/cases/:id#part` land on the part with
// focus there, "New request" moves focus into its form and back to the button after, and on a
// phone the index scrolls sideways without pushing the page.
import type { Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { expect as baseExpect, test } from './support/fixtures';
import { addRecordRequest, harborDay, signIn } from './support/ui';

const expect = baseExpect.configure({ timeout: 30_000 });

async function graphql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await page.request.post('/graphql', { data: { query, variables }, headers: { 'content-type': 'application/json' } });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** A new case of the signed-in advocate, moved on to gathering records. */
async function caseGatheringRecords(page: Page, name: string): Promise<string> {
  const created = await graphql<{ createCase: { id: string } }>(
    page,
    `
      mutation ($name: String!) {
        createCase(input: { patientName: $name, question: "Do I need the surgery?", diagnosisInDoubt: "Knee tear", triggers: [UNCERTAIN_DIAGNOSIS], urgency: ROUTINE }) {
          id
        }
      }
    `,
    { name },
  );
  const caseId = created.createCase.id;
  for (const to of ['TALK_TO_DOCTOR', 'GATHER_RECORDS']) {
    await graphql(
      page,
      `
        mutation ($c: ID!, $to: CaseStage!) {
          moveCaseStage(input: { caseId: $c, to: $to }) {
            id
          }
        }
      `,
      { c: caseId, to },
    );
  }
  return caseId;
}

const inView = (page: Page, id: string) =>
  page.evaluate((part) => {
    const r = document.getElementById(part)!.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight * 0.75;
  }, id);

test('the index leads with the stage’s part, counts what is late, and lands links and deep links with focus', async ({ page }) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  await signIn(page, 'advocate@harbor.example');
  const caseId = await caseGatheringRecords(page, `Nora Quill ${run}`);
  await page.goto(`/cases/${caseId}`);

  const index = page.getByRole('navigation', { name: 'Parts of this case' });
  const first = index.getByRole('link').first();
  await expect(first).toContainText('Records');
  await expect(first).toContainText('Now');
  // The main column opens on the records: the packet is the first panel.
  await expect(page.locator('.sl-case-main > .sl-case-section').first()).toHaveAttribute('id', 'records');

  // A request sent 40 days ago is past both clocks: the index says so.
  await addRecordRequest(page, `Quill Imaging ${run}`, `MRI ${run}`, harborDay(-40));
  await expect(first).toContainText('1 late');

  // "New request" moves focus into its form; Cancel gives it back to the button.
  const requests = page.getByRole('region', { name: 'Record requests' });
  await requests.getByRole('button', { name: 'New request' }).click();
  await expect(page.getByRole('heading', { name: 'New record request' })).toBeFocused();
  await requests.getByRole('button', { name: 'Cancel' }).click();
  await expect(requests.getByRole('button', { name: 'New request' })).toBeFocused();

  // A link lands on its part, with its address in the bar and focus on it.
  await index.getByRole('link', { name: /^Comments/ }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}#comments$`));
  await expect(page.locator('#comments')).toBeFocused();
  await expect.poll(() => inView(page, 'comments')).toBe(true);
  await expect(index.getByRole('link', { name: /^Comments/ })).toHaveAttribute('aria-current', 'location');

  // An address changed by hand lands on that part too.
  await page.goto(`/cases/${caseId}#visit`);
  await expect(page.getByRole('heading', { name: 'Appointment and questions' })).toBeVisible();
  await expect.poll(() => inView(page, 'visit')).toBe(true);
  await expect(page.locator('#visit')).toBeFocused();

  // A deep link opens the page on that part, and it stays in view while the parts above fill in.
  await page.goto('about:blank');
  await page.goto(`/cases/${caseId}#opinions`);
  await expect(page.locator('#opinions')).toBeFocused();
  await expect.poll(() => inView(page, 'opinions')).toBe(true);
  await page.waitForLoadState('networkidle');
  expect(await inView(page, 'opinions')).toBe(true);
  await expectNoA11yViolations(page);
});

test('on a phone the index scrolls sideways and a tap lands on the part @phone-only', async ({ page }) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  await signIn(page, 'advocate@harbor.example');
  const caseId = await caseGatheringRecords(page, `Nora Quill ${run}`);
  await page.goto(`/cases/${caseId}`);
  const index = page.getByRole('navigation', { name: 'Parts of this case' });
  await expect(index.getByRole('link').first()).toContainText('Records');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await index.getByRole('link', { name: /^Insurance/ }).tap();
  await expect.poll(() => inView(page, 'insurance')).toBe(true);
  // The index stays in reach while the page scrolls.
  await expect(index).toBeInViewport();

  await expectNoA11yViolations(page);
});
