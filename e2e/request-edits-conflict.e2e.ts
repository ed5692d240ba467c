// No lost updates on a record request's own edits: Avery (advocate) and Casey (coordinator) both
// have Maria's case open. A fee Casey saved while Avery was typing his is shown beside his, and
// he keeps his. A date Avery corrects after Casey changed only the fee is no conflict at all: it
// saves at once (before, any save after someone else's change to the request was refused).
import { expectNoA11yViolations } from './support/a11y';
import { expect as baseExpect, test } from './support/fixtures';
import { addRecordRequest, harborDay, newPerson, signIn } from './support/ui';

const MARIA = '0c000000-0000-4000-8000-000000000001';
const expect = baseExpect.configure({ timeout: 15_000 });

test('a fee saved meanwhile is a conflict the advocate resolves; a date after a fee change is not', async ({ page, browser, baseURL }) => {
  test.slow();
  const run = Date.now().toString(36);
  const holder = `Lakeside Imaging ${run}`;
  const avery = page;
  await avery.setViewportSize({ width: 1280, height: 800 });
  await signIn(avery, 'advocate@harbor.example');
  await avery.goto(`/cases/${MARIA}`);
  await expect(avery.getByRole('heading', { name: 'Record packet' })).toBeVisible();
  await addRecordRequest(avery, holder, `Scan report ${run}`, harborDay(-5));

  const casey = await newPerson(browser, baseURL);
  await signIn(casey, 'coordinator@harbor.example');
  await casey.goto(`/cases/${MARIA}`);
  const card = (p: typeof avery) => p.getByRole('region', { name: 'Record requests' }).getByRole('article', { name: `Request to ${holder}` });
  const feeDialog = (p: typeof avery) => p.getByRole('dialog', { name: `Fee charged by ${holder}` });
  await expect(card(casey)).toBeVisible();

  // Avery starts typing a fee; Casey saves hers first.
  await card(avery).getByRole('button', { name: 'Fee', exact: true }).click();
  await feeDialog(avery).getByLabel('Amount (USD)').fill('25.00');
  await card(casey).getByRole('button', { name: 'Fee', exact: true }).click();
  await feeDialog(casey).getByLabel('Amount (USD)').fill('40.00');
  await feeDialog(casey).getByRole('button', { name: 'Save' }).click();
  await expect(card(casey).getByText('Fee saved.')).toBeVisible();
  await expect(card(casey).getByText('Fee: $40.00')).toBeVisible();

  // Avery's save is refused with both amounts; nothing is overwritten until he chooses.
  await feeDialog(avery).getByRole('button', { name: 'Save' }).click();
  const conflict = feeDialog(avery).getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict.getByTestId('conflict-theirs')).toContainText('$40.00');
  await expect(conflict.getByTestId('conflict-mine')).toContainText('$25.00');
  await expectNoA11yViolations(avery);
  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await expect(feeDialog(avery)).toBeHidden();
  await expect(card(avery).getByText('Fee saved.')).toBeVisible();
  await expect(card(avery).getByText('Fee: $25.00')).toBeVisible();
  await expect(card(casey).getByText('Fee: $25.00')).toBeVisible(); // live on Casey's page

  // Avery corrects when the holder received it; meanwhile Casey changes only the fee.
  await card(avery).getByRole('button', { name: 'Date they got it' }).click();
  const dateDialog = avery.getByRole('dialog', { name: `When ${holder} received the request` });
  const receivedOn = harborDay(-3);
  await dateDialog.getByLabel('Date they received it').fill(receivedOn);
  await card(casey).getByRole('button', { name: 'Fee', exact: true }).click();
  await feeDialog(casey).getByLabel('Amount (USD)').fill('30.00');
  await feeDialog(casey).getByRole('button', { name: 'Save' }).click();
  await expect(card(casey).getByText('Fee: $30.00')).toBeVisible();

  // No conflict: the date is saved and the fee stays Casey's.
  await dateDialog.getByRole('button', { name: 'Save' }).click();
  await expect(dateDialog).toBeHidden();
  await expect(card(avery).getByText(/^Saved: they received it on /)).toBeVisible();
  await expect(card(casey).getByText(/^They received it on .*; the legal 30 days count from then\.$/)).toBeVisible();
  await expect(card(avery).getByText('Fee: $30.00')).toBeVisible();
  await casey.context().close();
});
