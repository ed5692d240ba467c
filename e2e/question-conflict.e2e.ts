// No lost update on a question: Sam (advocate) opens a question to reword it while Maria
// (patient, phone) rewords the same question and saves first. Sam's save is refused with
// Maria's words beside his, and he chooses to keep his; nothing is overwritten silently.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { newPerson, signIn } from './support/ui';

const MARIA = '0c000000-0000-4000-8000-000000000001';
const questions = (page: Page): Locator => page.getByRole('region', { name: 'Questions to ask', exact: true });

test('a question reworded by the patient meanwhile shows as a conflict to the advocate, who keeps his words', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  const sam = page;
  await sam.setViewportSize({ width: 1280, height: 800 });
  await signIn(sam, 'advocate@harbor.example');
  const maria = await newPerson(browser, baseURL, true);
  await signIn(maria, 'patient@harbor.example');

  // Maria adds a question of her own; both have the case open.
  const original = `Is surgery the only option? (${run})`;
  await maria.goto(`/cases/${MARIA}`);
  await questions(maria).getByLabel('Your own question').fill(original);
  await questions(maria).getByRole('button', { name: 'Add question' }).click();
  await expect(questions(maria).getByText(original)).toBeVisible({ timeout: 15_000 });
  await sam.goto(`/cases/${MARIA}`);
  await expect(questions(sam).getByText(original)).toBeVisible({ timeout: 15_000 });

  // Sam starts rewording it.
  await questions(sam)
    .getByRole('button', { name: `Edit: ${original}` })
    .click();
  const samsWords = `Which options besides surgery fit my case? (${run})`;
  await questions(sam).getByLabel('Question', { exact: true }).fill(samsWords);

  // Maria rewords the same question and saves first.
  const mariasWords = `What happens if I wait? (${run})`;
  await questions(maria)
    .getByRole('button', { name: `Edit: ${original}` })
    .click();
  await questions(maria).getByLabel('Question', { exact: true }).fill(mariasWords);
  await questions(maria).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(questions(maria).getByText(mariasWords)).toBeVisible();

  // Sam's save is refused: both versions are shown and nothing is overwritten yet.
  await questions(sam).getByRole('button', { name: 'Save', exact: true }).click();
  const conflict = questions(sam).getByTestId('conflict');
  await expect(conflict).toBeVisible({ timeout: 10_000 });
  await expect(conflict).toContainText(mariasWords);
  await expect(conflict).toContainText(samsWords);

  // He keeps his: saved over her version knowingly, and Maria's phone shows his words.
  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await expect(questions(sam).getByText(samsWords)).toBeVisible();
  await expect(questions(maria).getByText(samsWords)).toBeVisible({ timeout: 15_000 });
  await maria.context().close();
});
