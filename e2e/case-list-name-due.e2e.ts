// The staff case list's name box and its next-due order (docs/dashboards.md, "The staff case
// views at real size"), in real Chromium at desktop and phone width: a coordinator types part of
// a name, the list narrows to those cases, and sorted by next due date the soonest comes first,
// a case with nothing due last, each card saying its date.
import { expectNoA11yViolations } from './support/a11y';
import { expect as baseExpect, test } from './support/fixtures';
import { choose, harborDay, signIn } from './support/ui';

const expect = baseExpect.configure({ timeout: 20_000 });

/** How the list writes a calendar day (formatDay, medium style, American English). */
const shown = (day: string) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

test('a coordinator types part of a name and sorts those cases by next due date', { tag: '@phone' }, async ({ page }, testInfo) => {
  test.slow(); // a busy machine: the stack shares two cores
  const phone = testInfo.project.name === 'phone';
  await signIn(page, 'coordinator@harbor.example');
  // Three cases of one family name of this run's own (random letters: the desktop and phone runs
  // share the database), opened through the API the list page uses.
  const token = Array.from({ length: 7 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
  const family = `Quill${token}`;
  const post = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const body = (await (await page.request.post('/graphql', { data: { query, variables }, headers: { 'content-type': 'application/json' } })).json()) as { data?: T; errors?: unknown };
    if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const open = async (first: string, due: string | null) => {
    const { createCase } = await post<{ createCase: { id: string } }>(
      `mutation ($n: String!) { createCase(input: { patientName: $n, question: "Is this the right plan?", diagnosisInDoubt: "Back pain", triggers: [PERSISTENT_DOUBT], urgency: ROUTINE }) { id } }`,
      { n: `${first} ${family}` },
    );
    if (due) await post(`mutation ($c: ID!, $d: String) { addCaseTask(input: { caseId: $c, title: "Call the clinic", dueOn: $d }) { id } }`, { c: createCase.id, d: due });
  };
  await open('Nora', harborDay(9));
  await open('Ines', null);
  await open('Walt', harborDay(3));

  await page.goto('/cases');
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  // Part of the name, in other letters' case: the list narrows as soon as the typing stops.
  await page.getByRole('searchbox', { name: 'Patient name' }).fill(token.toUpperCase());
  await expect(page.getByRole('heading', { name: '3 cases', level: 2 })).toBeVisible();
  const cards = page.getByRole('link', { name: new RegExp(family) });
  await expect(cards).toHaveCount(3);

  // On a phone the sort is with the folded filters.
  if (phone) await page.getByRole('button', { name: 'Filters' }).click();
  await choose(page, 'Sort by', 'Due soonest first');
  await expect(cards.nth(0)).toContainText(`Walt ${family}`);
  await expect(cards.nth(0)).toContainText(`Next due ${shown(harborDay(3))}`);
  await expect(cards.nth(1)).toContainText(`Nora ${family}`);
  await expect(cards.nth(1)).toContainText(`Next due ${shown(harborDay(9))}`);
  await expect(cards.nth(2)).toContainText(`Ines ${family}`);
  await expect(cards.nth(2)).toContainText('Nothing due');
  await expect(page.getByRole('heading', { name: '3 cases', level: 2 })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath(`case-list-name-due-${testInfo.project.name}.png`) });

  // Clearing the box brings the whole organization back.
  await page.getByRole('searchbox', { name: 'Patient name' }).fill('');
  await expect(page.getByRole('heading', { name: /^\d+ cases$/, level: 2 })).toHaveText(/^(?!3 cases$)\d+ cases$/);
});
