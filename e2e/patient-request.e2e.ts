// A patient asks a provider for her records herself, from her phone: the provider is not in
// the organization's list yet, so she names it in the request, and it is saved with it.
import { expectNoA11yViolations } from './support/a11y';
import { expect as baseExpect, test } from './support/fixtures';
import { choose, signIn } from './support/ui';

const MARIA = '0c000000-0000-4000-8000-000000000001';
const expect = baseExpect.configure({ timeout: 15_000 });

test('a patient sends a record request to a provider she names herself', { tag: '@phone-only' }, async ({ page }) => {
  test.slow();
  const holder = `Riverside Family Practice ${Date.now().toString(36)}`;
  await signIn(page, 'patient@harbor.example');
  await page.goto(`/cases/${MARIA}`);
  // Something to ask for: her lab results, with a name of her own.
  const labs = `Blood tests from March ${Date.now().toString(36)}`;
  const packet = page.getByRole('region', { name: 'Record packet' });
  await packet.getByRole('button', { name: /Add an item/ }).tap();
  await choose(page, 'What it is', 'Lab results');
  await packet.getByLabel('Name (optional)').fill(labs);
  await packet.getByRole('button', { name: 'Add', exact: true }).tap();
  await expect(packet.getByText('“Lab results” was added to the packet.')).toBeVisible();

  const panel = page.getByRole('region', { name: 'Record requests' });
  await panel.getByRole('button', { name: 'New request' }).tap();
  const form = panel.getByRole('form', { name: 'New record request' });
  await expect(form).toBeVisible();

  await form.getByRole('button', { name: /Add a new record holder/ }).tap();
  const dialog = page.getByRole('dialog', { name: 'Add a record holder' });
  await dialog.getByLabel('Name', { exact: true }).fill(holder);
  await dialog.getByRole('button', { name: 'Save' }).tap();
  await expect(dialog).toBeHidden();
  await expect(form.getByText(`New: ${holder}. It will be added`)).toBeVisible();

  await form.getByRole('checkbox', { name: `Lab results: ${labs}` }).check();
  await expectNoA11yViolations(page);
  await form.getByRole('button', { name: 'Send request' }).tap();
  await expect(panel.getByText(`The request to ${holder} is saved. The clocks have started.`)).toBeVisible();
  await expect(panel.getByRole('link', { name: /letter/i }).first()).toBeVisible();
});
