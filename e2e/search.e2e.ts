// Search (issue 18): an advocate presses `/` anywhere, types a patient's name with a slip in it,
// arrows to the result and opens the case with Enter. On a phone the header's search icon
// opens the same search full screen; a Spanish-reading patient finds only her own case.
import { expectNoA11yViolations } from './support/a11y';
import { expect as baseExpect, test } from './support/fixtures';
import { newPerson, signIn } from './support/ui';

const GRACE = '0c000000-0000-4000-8000-000000000003';
const MARIA = '0c000000-0000-4000-8000-000000000001';
const ROSA = '0c000000-0000-4000-8000-000000000006';
const expect = baseExpect.configure({ timeout: 15_000 });

test('advocate presses /, types a misspelled name, arrows to the case and opens it with Enter', async ({ page }, testInfo) => {
  test.slow(); // a busy machine: the stack shares two cores
  await signIn(page, 'advocate@harbor.example');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The dialog's code is not part of the first screen: it loads when search first opens.
  await page.locator('body').press('/');
  const dialog = page.getByRole('dialog', { name: 'Search by patient, provider or record holder' });
  const box = dialog.getByRole('combobox', { name: 'Search by patient, provider or record holder' });
  await expect(box).toBeFocused();
  await box.fill('Grace Whitfeld');
  const result = dialog.getByRole('option', { name: /Grace Whitfield/ });
  await expect(result).toBeVisible();
  await expect(result).toHaveAttribute('aria-selected', 'false');
  await box.press('ArrowDown');
  await expect(dialog.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await dialog.getByRole('option').first().getAttribute('id')) ?? 'none');
  await expectNoA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath('search-desktop.png') });
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/cases/${GRACE}$`));
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: /Grace Whitfield/, level: 1 })).toBeVisible();

  // Ctrl+K opens it from inside a field too; a record holder finds the requests sent to it.
  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();
  await box.fill('lakeview imaging');
  const request = dialog.getByRole('option', { name: /Maria Lopez.*Records from Lakeview Imaging Center/ });
  await expect(request).toBeVisible();
  await request.click();
  await expect(page).toHaveURL(new RegExp(`/cases/${MARIA}#records$`));
});

test('on a phone the search icon opens search full screen; a patient finds only her own case, in Spanish', { tag: '@phone-only' }, async ({ browser, baseURL }, testInfo) => {
  test.slow();
  const rosa = await newPerson(browser, baseURL, true);
  await signIn(rosa, 'paciente@harbor.example');
  await rosa.getByRole('button', { name: 'Buscar', exact: true }).click();
  const dialog = rosa.getByRole('dialog', { name: 'Buscar por paciente, médico o lugar que tiene los expedientes' });
  const box = dialog.getByRole('combobox');
  await box.fill('Maria Lopez');
  await expect(dialog.getByText('Nada coincide con “Maria Lopez”.')).toBeVisible();
  await box.fill('Rosa Martines');
  const own = dialog.getByRole('option', { name: /Rosa Martínez/ });
  await expect(own).toBeVisible();
  await expect(dialog.getByRole('option')).toHaveCount(1);
  await expectNoA11yViolations(rosa);
  await rosa.screenshot({ path: testInfo.outputPath('search-phone-es.png') });
  await own.click();
  await expect(rosa).toHaveURL(new RegExp(`/cases/${ROSA}$`));
  await rosa.context().close();
});
