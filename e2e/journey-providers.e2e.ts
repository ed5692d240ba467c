// Deciding and asking, choosing the provider, the insurance check, through a real browser:
// Maria, on her phone, picks a script for a rushed doctor, makes it her own and saves it;
// the advocate adds two candidate providers (one from the directory, one new), sees the
// same-specialty hint go away, chooses one with a reason, logs an insurance call that needs
// prior authorization and then one that verifies it; Maria sees the choice and the outcome,
// and never the staff notes.
import type { Locator, Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { expect, test } from './support/fixtures';
import { choose, harborDay, newPerson, signIn } from './support/ui';

const MARIA = '0c000000-0000-4000-8000-000000000001';

const region = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });
const card = (scope: Locator, name: string): Locator => scope.getByRole('article').filter({ has: scope.page().getByRole('heading', { name, exact: true }) });
const answer = async (scope: Locator, question: string, value: 'Yes' | 'No' | 'Not sure') => {
  await scope.getByRole('radiogroup', { name: question }).getByLabel(value, { exact: true }).check();
};

test('Maria picks a script on her phone; the advocate adds and chooses a provider and checks insurance until it is verified', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(240_000); // two people, a phone, many forms on a shared, busy machine
  const run = Date.now().toString(36);

  // Maria on her phone: a script for a doctor who is always in a hurry, in her own words.
  const maria = await newPerson(browser, baseURL, true);
  await signIn(maria, 'patient@harbor.example');
  await maria.goto(`/cases/${MARIA}`);
  const talk = region(maria, 'Talking to your doctor');
  await expect(talk.getByRole('heading', { name: 'Talking to your doctor' })).toBeVisible({ timeout: 15_000 });
  await talk.getByRole('radiogroup', { name: 'Which sounds most like your situation?' }).getByLabel('My doctor is always in a hurry').check();
  await talk.getByRole('button', { name: 'Use these words: "A second opinion, when time is short"' }).click();
  const words = talk.getByLabel('Your words');
  await expect(words).toHaveValue(/I know you have very little time/);
  await words.fill(`I know you have very little time. Before I decide, I would like a second opinion (${run}).`);
  await talk.getByRole('button', { name: 'Save my words' }).click();
  await expect(talk.getByRole('status')).toHaveText('Saved. Your words are on your case.');
  await expect(talk.getByRole('button', { name: 'Copy' })).toBeVisible();
  await expect(talk.getByRole('button', { name: 'Print' })).toBeVisible();
  await expectNoA11yViolations(maria);
  await talk.screenshot({ path: testInfo.outputPath('script-patient-390.png') });

  // The advocate: the two seeded surgeons share the current doctor's specialty: the hint says so.
  await signIn(page, 'advocate@harbor.example');
  await page.goto(`/cases/${MARIA}`);
  const providers = region(page, 'Choosing the second-opinion provider');
  await expect(providers.getByRole('heading', { name: 'Choosing the second-opinion provider' })).toBeVisible({ timeout: 15_000 });
  await expect(providers.getByText(/Every candidate practices the same specialty/)).toBeVisible();
  // The script Maria saved is on the case for the advocate too.
  await expect(region(page, 'Talking to your doctor').getByLabel('Your words')).toHaveValue(new RegExp(run));

  // One from the organization's directory (renamed for this run), one typed in new.
  const obi = `Dr. Amara Obi (${run})`;
  await providers.getByRole('button', { name: '+ Add a candidate' }).click();
  const form = providers.getByRole('region', { name: 'Add a candidate' });
  await choose(page, 'From the organization’s directory', /Dr\. Amara Obi/);
  await expect(form.getByLabel('Specialty', { exact: false }).first()).toHaveValue('Medical oncology');
  await form.getByLabel('Name').fill(obi);
  await choose(page, 'In the insurance network?', 'In network');
  await form.getByLabel(/Expected wait/).fill('9');
  await form.getByLabel('Staff notes (never shown to the patient)').fill(`Ask about the remote report turnaround (${run})`);
  await form.getByRole('button', { name: 'Save candidate' }).click();
  await expect(providers.getByRole('status')).toHaveText(`${obi} was added.`);
  await expect(providers.getByText(/Every candidate practices the same specialty/)).toHaveCount(0);

  const fox = `Dr. Lena Fox (${run})`;
  await providers.getByRole('button', { name: '+ Add a candidate' }).click();
  await form.getByLabel('Name').fill(fox);
  await form.getByLabel('Specialty', { exact: true }).fill('Radiation oncology');
  await choose(page, 'How the opinion is given', 'Remote second-opinion program');
  await form.getByRole('button', { name: 'Save candidate' }).click();
  await expect(card(providers, fox)).toBeVisible();
  await expect(card(providers, obi).getByRole('list', { name: `What speaks for ${obi}` })).toContainText('Different view');

  // Choosing needs a reason; the reason is kept on the card.
  await card(providers, obi)
    .getByRole('button', { name: `Choose ${obi}` })
    .click();
  const dialog = page.getByRole('dialog', { name: `Choose ${obi}` });
  await dialog.getByRole('button', { name: 'Choose this provider' }).click();
  await expect(dialog.getByText('Say in a few words why this provider was chosen.')).toBeVisible();
  await dialog.getByLabel('Why this provider?').fill('A medical oncologist: a different view, in network, a remote report');
  await dialog.getByRole('button', { name: 'Choose this provider' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(card(providers, obi).getByText('Chosen')).toBeVisible();
  await expect(card(providers, obi).getByText('Why: A medical oncologist: a different view, in network, a remote report')).toBeVisible();
  await expectNoA11yViolations(page);
  await providers.screenshot({ path: testInfo.outputPath('providers-advocate-1280.png') });

  // Insurance: the plan says prior authorization is needed.
  const insurance = region(page, 'Insurance check');
  await expect(insurance.getByText('Medicare Advantage plans may only pay for doctors in their network')).toBeVisible();
  await insurance.getByRole('button', { name: '+ Log a call' }).click();
  await insurance.getByLabel('Who you spoke to').fill('Dana');
  await insurance.getByLabel('Reference number').fill(`REF-${run}-1`);
  await answer(insurance, 'Is a second opinion covered for this condition or procedure?', 'Yes');
  await answer(insurance, 'Is prior authorization needed?', 'Yes');
  await answer(insurance, 'Must the current doctor make the request?', 'No');
  await expect(insurance.getByText('From the answers: Needs prior authorization')).toBeVisible();
  // An end before the start is refused before anything is sent.
  await insurance.getByLabel('Valid from').fill(harborDay(10));
  await insurance.getByLabel('Valid until').fill(harborDay(5));
  await expect(insurance.getByRole('alert').filter({ hasText: 'The end date cannot be before the start date.' })).toBeVisible();
  await expect(insurance.getByRole('button', { name: 'Save call' })).toBeDisabled();
  await insurance.getByLabel('Valid from').fill('');
  await insurance.getByLabel('Valid until').fill('');
  await insurance.getByRole('button', { name: 'Save call' }).click();
  await expect(insurance.getByText('Outcome: Needs prior authorization')).toBeVisible();
  await expect(insurance.getByRole('list', { name: 'What to do next' })).toContainText('request the prior authorization');

  // A second call: the prior authorization number and its dates: verified.
  await insurance.getByRole('button', { name: '+ Log a call' }).click();
  await insurance.getByLabel('Who you spoke to').fill('Lee');
  await insurance.getByLabel('Reference number').fill(`REF-${run}-2`);
  await answer(insurance, 'Is a second opinion covered for this condition or procedure?', 'Yes');
  await answer(insurance, 'Is prior authorization needed?', 'Yes');
  await insurance.getByLabel('Prior authorization number').fill(`PA-${run}`);
  await insurance.getByLabel('Valid from').fill(harborDay(0));
  await insurance.getByLabel('Valid until').fill(harborDay(60));
  await expect(insurance.getByText('From the answers: Verified')).toBeVisible();
  await insurance.getByLabel('Staff notes (never shown to the patient)').fill(`Rep read the number twice (${run})`);
  await insurance.getByRole('button', { name: 'Save call' }).click();
  await expect(insurance.getByText('Outcome: Verified')).toBeVisible();
  await expect(insurance.getByRole('list', { name: 'What to do next' })).toContainText('Book the appointment inside the prior authorization dates.');
  await expect(insurance.getByText(`Reference REF-${run}-1`)).toBeVisible();
  await expect(insurance.getByText(`Reference REF-${run}-2`)).toBeVisible();
  await expectNoA11yViolations(page);
  await insurance.screenshot({ path: testInfo.outputPath('insurance-advocate-1280.png') });

  // Maria, on her phone, sees the choice and the verified check, without staff notes.
  await maria.reload();
  const herProviders = region(maria, 'Choosing the second-opinion provider');
  await expect(card(herProviders, obi).getByText('Chosen')).toBeVisible({ timeout: 15_000 });
  await expect(region(maria, 'Insurance check').getByText('Outcome: Verified')).toBeVisible();
  await expect(maria.getByText(`Ask about the remote report turnaround (${run})`)).toHaveCount(0);
  await expect(maria.getByText(`Rep read the number twice (${run})`)).toHaveCount(0);
  await expectNoA11yViolations(maria);
  await herProviders.screenshot({ path: testInfo.outputPath('providers-patient-390.png') });
  await region(maria, 'Insurance check').screenshot({ path: testInfo.outputPath('insurance-patient-390.png') });
  await maria.context().close();
});

test('the guided start of a new case says why a second opinion is worth it and keeps the current doctor’s specialty', { tag: '@phone' }, async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  await signIn(page, 'advocate@harbor.example');
  await page.goto('/cases/new');
  await page.getByLabel('Patient name').fill(`Guided ${run}`);
  await page.getByLabel('The question to answer').fill('Is bypass surgery my only option?');
  await page.getByLabel('Diagnosis or plan in doubt').fill('Three blocked arteries; bypass proposed');
  await page.getByRole('checkbox', { name: /Doubt that stays/ }).check();
  const hint = page.getByRole('status').filter({ hasText: 'Is a second opinion worth it?' });
  await expect(hint).toContainText('Talk it through together');
  await page.getByRole('checkbox', { name: /Risky or invasive treatment/ }).check();
  await expect(hint).toContainText('A second opinion is well worth it');
  await expect(hint).toContainText('What weighs most here: risky or invasive treatment.');
  await page.getByRole('radio', { name: /Urgent/ }).check();
  await expect(hint).toContainText('This is urgent');
  await page.getByLabel(/Current doctor’s specialty/).fill('Cardiology');
  await page.getByLabel(/^Sub-specialty/).fill('Cardiac surgery');
  await expectNoA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath(`guided-start-${testInfo.project.name}.png`), fullPage: true });
  await page.getByRole('button', { name: 'Open case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const providers = region(page, 'Choosing the second-opinion provider');
  await expect(providers.getByText('Current doctor: Cardiology · Cardiac surgery')).toBeVisible({ timeout: 15_000 });
  await expect(providers.getByText('No candidates yet.')).toBeVisible();
  await expect(region(page, 'Insurance check').getByText('No plan added yet.')).toBeVisible();
});

test('staff add the organization’s own script; the patient finds it beside the built-in ones', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  const title = `Harbor: asking for a referral (${run})`;
  await signIn(page, 'advocate@harbor.example');
  await page.goto(`/cases/${MARIA}`);
  const talk = region(page, 'Talking to your doctor');
  await expect(talk.getByRole('heading', { name: 'Talking to your doctor' })).toBeVisible({ timeout: 15_000 });
  await talk.getByRole('button', { name: '+ Add a script for the organization' }).click();
  await talk.getByLabel('Title').fill(title);
  await choose(page, 'What it asks for', 'Asking for a referral');
  await choose(page, 'Situation', 'My insurance needs a referral');
  await talk.getByLabel('Words', { exact: false }).last().fill('Our plan needs your referral for a second opinion. Could you send it this week?');
  await talk.getByRole('button', { name: 'Save', exact: true }).click();
  await talk.getByRole('radiogroup', { name: 'Which sounds most like your situation?' }).getByLabel('My insurance needs a referral').check();
  await expect(talk.getByRole('article', { name: title })).toBeVisible();

  const maria = await newPerson(browser, baseURL, true);
  await signIn(maria, 'patient@harbor.example');
  await maria.goto(`/cases/${MARIA}`);
  const hers = region(maria, 'Talking to your doctor');
  await hers.getByRole('radiogroup', { name: 'Which sounds most like your situation?' }).getByLabel('My insurance needs a referral').check({ timeout: 15_000 });
  const script = hers.getByRole('article', { name: title });
  await expect(script.getByText('From your advocacy team')).toBeVisible();
  await expect(script.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  await script.getByRole('button', { name: `Use these words: "${title}"` }).click();
  await expect(hers.getByLabel('Your words')).toHaveValue(/Could you send it this week\?/);
  await maria.context().close();
});
