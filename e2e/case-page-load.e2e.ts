// Opening a case asks the server for each part once or twice, never again and again, and every
// part draws. A panel drawn in a transition once asked for the records in a loop while the case's
// index, on screen, read the same query, and What to do next, the tasks and the notes stayed on
// their loaders meanwhile (docs/architecture.md, "Main thread": usePanelQuery).
import { expect, test } from './support/fixtures';
import { signIn } from './support/ui';

const MARIA = '0c000000-0000-4000-8000-000000000001';

test("Maria's case page asks for each of its parts at most three times and draws them all", { tag: '@phone' }, async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, 'patient@harbor.example');
  const asked = new Map<string, number>();
  page.on('request', (request) => {
    if (!request.url().includes('/graphql')) return;
    const name = /"operationName":"(\w+)"/.exec(request.postData() ?? '')?.[1] ?? request.url();
    asked.set(name, (asked.get(name) ?? 0) + 1);
  });
  await page.goto(`/cases/${MARIA}`);
  await expect(page.getByRole('heading', { name: 'What to do next', level: 2 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Comments', level: 2 })).toBeVisible({ timeout: 30_000 });
  // Every part drawn: no loader left anywhere on the page.
  await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toHaveCount(0, { timeout: 30_000 });
  // Quiet for a while: a loop would go on asking.
  await page.waitForTimeout(3_000);
  const seen = Object.fromEntries(asked);
  expect(asked.get('Case'), JSON.stringify(seen)).toBeGreaterThanOrEqual(1);
  expect(asked.get('CaseRecords'), JSON.stringify(seen)).toBeGreaterThanOrEqual(1);
  expect(
    [...asked].filter(([, n]) => n > 3),
    JSON.stringify(seen),
  ).toEqual([]);
});
