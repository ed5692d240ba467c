// The case page switches between one column and two with the screen's width. Turning a
// tablet (or a wide phone) sideways must not rebuild the panels: text someone is typing
// stays where it is. The layout is CSS over one tree (case-page.tsx, .sl-case-layout).
import { expect, test } from './support/fixtures';
import { signIn } from './support/ui';

const MARIA = '0c000000-0000-4000-8000-000000000001';

test('turning the screen keeps a half-written comment, and each width gets its layout', async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 }); // a tablet held upright: one column
  await signIn(page, 'advocate@harbor.example');
  await page.goto(`/cases/${MARIA}`);
  const people = page.getByRole('region', { name: 'People on this case' });
  const stage = page.getByRole('region', { name: 'Where things stand' });
  const comments = page.getByRole('region', { name: 'Comments' });
  await expect(comments).toBeVisible({ timeout: 15_000 });
  const box = comments.getByLabel('Add a comment');
  const draft = 'Maria asked whether the slides can go by courier; I will check with the lab.';
  await box.fill(draft);

  // One column: people come last, below the comments.
  const y = async (l: typeof people) => (await l.boundingBox())?.y ?? NaN;
  expect(await y(people)).toBeGreaterThan(await y(comments));

  await page.setViewportSize({ width: 1180, height: 820 }); // turned sideways: two columns
  // Two columns: people sit under the stage in the left column, the rest on the right.
  await expect.poll(async () => ((await people.boundingBox())?.x ?? 0) < ((await comments.boundingBox())?.x ?? 0)).toBe(true);
  expect(await y(people)).toBeGreaterThan(await y(stage));
  await expect(box).toHaveValue(draft);

  await page.setViewportSize({ width: 820, height: 1180 }); // and back
  await expect.poll(async () => (await y(people)) > (await y(comments))).toBe(true);
  await expect(box).toHaveValue(draft);
});
