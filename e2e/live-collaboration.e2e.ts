// Working together live, in two real browsers: Sam (advocate, desktop) and Maria (patient,
// phone) have her case open at the same time. They type in the shared notes at once and both
// end with the same merged text; Sam corrects a date while Maria has the old one open, and
// Maria's save shows Sam's date beside hers and lets her choose; an internal comment Sam
// posts never reaches Maria's open page, while his shared one does.
import type { Locator, Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { expect, test } from './support/fixtures';
import { harborDay, newPerson, signIn } from './support/ui';

const MARIA = '0c000000-0000-4000-8000-000000000001';
const shown = (day: string): string => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

async function gql<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await page.request.post('/graphql', { data: { query, variables }, headers: { 'content-type': 'application/json' } });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const notes = (page: Page): Locator => page.getByRole('region', { name: 'Notes' });
const sharedBox = (page: Page): Locator => page.getByTestId('note-shared');

async function openCase(page: Page): Promise<void> {
  await page.goto(`/cases/${MARIA}`);
  await expect(notes(page).getByTestId('note-status').first()).toHaveText('All changes saved', { timeout: 15_000 });
  await expect(notes(page).getByText('Live').first()).toBeVisible({ timeout: 10_000 });
}

test('advocate and patient type in the shared notes at once, meet a stale date, and the patient never sees an internal comment', async ({ page, browser, baseURL }) => {
  test.slow();
  const run = Date.now().toString(36);
  const holder = `Lakeside Clinic ${run}`;

  // Sam on a desktop, Maria on her phone, each signed in in their own browser.
  const sam = page;
  await sam.setViewportSize({ width: 1280, height: 800 });
  await signIn(sam, 'advocate@harbor.example');
  const maria = await newPerson(browser, baseURL, true);
  await signIn(maria, 'patient@harbor.example');

  // A records request on Maria's case, sent ten days ago (set up through the API as Sam).
  const h = await gql<{ createRecordHolder: { id: string } }>(sam, `mutation($n: String!) { createRecordHolder(input: { name: $n, fax: "555-0199" }) { id } }`, { n: holder });
  const item = await gql<{ addPacketItem: { id: string } }>(sam, `mutation($c: ID!) { addPacketItem(input: { caseId: $c, kind: LABS, title: "Blood work ${run}" }) { id } }`, { c: MARIA });
  await gql(sam, `mutation($c: ID!, $h: ID!, $i: ID!, $d: String!) { createRecordRequest(input: { caseId: $c, holderId: $h, packetItemIds: [$i], method: FAX, sentOn: $d }) { id } }`, {
    c: MARIA,
    h: h.createRecordHolder.id,
    i: item.addPacketItem.id,
    d: harborDay(-10),
  });

  await openCase(sam);
  await openCase(maria);

  // ---- Shared notes: both type at the same moment, Sam at the top, Maria at the end.
  const samBox = sharedBox(sam);
  const mariaBox = sharedBox(maria);
  const base = `Questions for the visit (${run}):`;
  await samBox.click();
  await samBox.press('Control+End');
  await samBox.pressSequentially(base, { delay: 10 });
  await expect(mariaBox).toHaveValue(new RegExp(`${base.replace(/[()]/g, '\\$&')}$`), { timeout: 10_000 });

  const samText = `Sam: bring the MRI disc. `;
  const mariaText = ` Maria: ask about side effects.`;
  await mariaBox.click();
  await mariaBox.press('Control+End');
  await samBox.click();
  await samBox.press('Control+Home');
  await Promise.all([samBox.pressSequentially(samText, { delay: 40 }), mariaBox.pressSequentially(mariaText, { delay: 40 })]);

  await expect(samBox).toHaveValue(new RegExp(`^${samText}[\\s\\S]*${base.replace(/[()]/g, '\\$&')}${mariaText}$`), { timeout: 15_000 });
  const merged = await samBox.inputValue();
  await expect(mariaBox).toHaveValue(merged, { timeout: 15_000 });
  await expect(notes(sam).getByTestId('note-status').first()).toHaveText('All changes saved');
  await expect(notes(maria).getByTestId('note-status').first()).toHaveText('All changes saved');

  // Restored on reload, from the server.
  await maria.reload();
  await expect(sharedBox(maria)).toHaveValue(merged, { timeout: 15_000 });
  // Maria's phone shows only the shared note: no staff-only tab, no staff note.
  await expect(notes(maria).getByRole('tab')).toHaveCount(0);
  await expect(maria.getByTestId('note-staff')).toHaveCount(0);

  // ---- A stale date: Maria starts changing the "date they got it", Sam saves a date first.
  // (A form she has not touched yet would simply follow his date, live.)
  const card = (p: Page) => p.getByRole('article', { name: `Request to ${holder}` });
  await card(maria).getByRole('button', { name: 'Date they got it' }).click();
  const mariaDialog = maria.getByRole('dialog');
  await expect(mariaDialog.getByLabel('Date they received it')).toHaveValue(harborDay(-10));
  await mariaDialog.getByLabel('Date they received it').fill(harborDay(-7));

  await card(sam).getByRole('button', { name: 'Date they got it' }).click();
  const samDialog = sam.getByRole('dialog');
  await samDialog.getByLabel('Date they received it').fill(harborDay(-8));
  await samDialog.getByRole('button', { name: 'Save' }).click();
  await expect(card(sam).getByText(`Saved: they received it on ${shown(harborDay(-8))}.`, { exact: false })).toBeVisible();

  await expect(card(maria).getByTestId('holder-received-on')).toContainText(shown(harborDay(-8)), { timeout: 10_000 });
  await expect(mariaDialog.getByLabel('Date they received it')).toHaveValue(harborDay(-7)); // hers stays in the form
  await mariaDialog.getByRole('button', { name: 'Save' }).click();
  const conflict = mariaDialog.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict.getByText('Someone else saved a change first')).toBeVisible();
  await expect(conflict.getByTestId('conflict-theirs')).toContainText(shown(harborDay(-8)));
  await expect(conflict.getByTestId('conflict-mine')).toContainText(shown(harborDay(-7)));
  // She keeps hers, knowingly.
  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await expect(card(maria).getByText(`Saved: they received it on ${shown(harborDay(-7))}.`, { exact: false })).toBeVisible();
  // And Sam's open page follows without a reload.
  await expect(card(sam).getByTestId('holder-received-on')).toContainText(shown(harborDay(-7)), { timeout: 10_000 });

  // ---- Comments: an internal one never reaches Maria's open, live page; a shared one does.
  const internal = `Staff only ${run}: check the insurer's rule on second opinions.`;
  const shared = `Hello Maria ${run}, the clinic has the request.`;
  const comments = sam.getByRole('region', { name: 'Comments' });
  await comments.getByLabel('Add a comment').fill(internal);
  await comments.getByLabel('Internal (staff only)').check();
  await comments.getByRole('button', { name: 'Post comment' }).click();
  // Posted once the box is cleared (until then the box itself still holds the same words).
  await expect(comments.getByLabel('Add a comment')).toHaveValue('', { timeout: 15_000 });
  await expect(comments.getByText(internal)).toBeVisible();
  await comments.getByLabel('Add a comment').fill(shared);
  await comments.getByRole('button', { name: 'Post comment' }).click();
  await expect(comments.getByLabel('Add a comment')).toHaveValue('', { timeout: 15_000 });
  await expect(comments.getByText(shared)).toBeVisible();

  await expect(maria.getByText(shared)).toBeVisible({ timeout: 10_000 });
  await expect(maria.getByText(internal)).toHaveCount(0);
  expect(await maria.content()).not.toContain(`Staff only ${run}`);

  await maria.context().close();
});

test('a phone that loses its connection keeps what the patient types and merges it when it comes back', async ({ page, browser, baseURL }, testInfo) => {
  test.slow();
  const run = Date.now().toString(36);
  const sam = page;
  await sam.setViewportSize({ width: 1280, height: 800 });
  await signIn(sam, 'advocate@harbor.example');
  const maria = await newPerson(browser, baseURL, true);
  await signIn(maria, 'patient@harbor.example');
  await openCase(sam);
  await openCase(maria);

  const mariaBox = sharedBox(maria);
  const samBox = sharedBox(sam);
  // Something to type around (when this journey runs on its own, the note starts empty).
  if (!(await samBox.inputValue())) {
    await samBox.click();
    await samBox.pressSequentially('Notes:', { delay: 10 });
  }
  await expect(mariaBox).toHaveValue(await samBox.inputValue(), { timeout: 10_000 });
  await expectNoA11yViolations(maria, { include: '[aria-labelledby="case-notes-heading"]' });
  await expectNoA11yViolations(sam, { include: '[aria-labelledby="case-notes-heading"]' });

  // The phone goes into a lift: Maria keeps typing, and is told plainly it will sync later.
  await maria.context().setOffline(true);
  const offline = ` Typed on the bus (${run}).`;
  await mariaBox.click();
  await mariaBox.press('Control+End');
  await mariaBox.pressSequentially(offline, { delay: 20 });
  await expect(notes(maria).getByTestId('note-status').first()).toHaveText(/offline.*will sync/i, { timeout: 10_000 });
  await maria.getByRole('region', { name: 'Notes' }).screenshot({ path: testInfo.outputPath('patient-phone-offline-notes.png') });

  // Meanwhile Sam adds a line at the top.
  const online = `Sam (${run}): insurer called back. `;
  await samBox.click();
  await samBox.press('Control+Home');
  await samBox.pressSequentially(online, { delay: 10 });
  await expect(notes(sam).getByTestId('note-status').first()).toHaveText('All changes saved', { timeout: 10_000 });
  await expect(samBox).not.toHaveValue(new RegExp(`bus \\(${run}\\)`));

  // Back online: her backlog goes out as one merged change, and Sam's line comes back to her.
  await maria.context().setOffline(false);
  await expect(samBox).toHaveValue(new RegExp(`Typed on the bus \\(${run}\\)\\.`), { timeout: 20_000 });
  await expect(samBox).toHaveValue(new RegExp(`^Sam \\(${run}\\): insurer called back\\. `));
  await expect(mariaBox).toHaveValue(await samBox.inputValue(), { timeout: 20_000 });
  await expect(notes(maria).getByTestId('note-status').first()).toHaveText('All changes saved');

  await maria.context().close();
});

test('a stale text save shows the other person\u2019s words, and taking theirs keeps them', { tag: '@phone' }, async ({ page, browser, baseURL }) => {
  test.slow();
  const run = Date.now().toString(36);
  await signIn(page, 'patient@harbor.example');
  const sam = await newPerson(browser, baseURL);
  await signIn(sam, 'advocate@harbor.example');
  await openCase(page);
  await openCase(sam);

  const summary = (p: Page) => p.getByRole('region', { name: 'Summary' });
  // Maria starts editing the summary; Sam saves a new one first.
  await summary(page).getByRole('button', { name: 'Edit' }).click();
  await summary(sam).getByRole('button', { name: 'Edit' }).click();
  const his = `Sam's summary ${run}: records requested, waiting on the lab.`;
  await summary(sam).getByLabel('Case summary').fill(his);
  await summary(sam).getByRole('button', { name: 'Save' }).click();
  await expect(summary(sam).getByText(his)).toBeVisible();

  const hers = `Maria's summary ${run}: I want to know about other treatments.`;
  await summary(page).getByLabel('Case summary').fill(hers);
  await summary(page).getByRole('button', { name: 'Save' }).click();
  const conflict = summary(page).getByTestId('conflict');
  await expect(conflict.getByTestId('conflict-theirs')).toContainText(his);
  await expect(conflict.getByTestId('conflict-mine')).toContainText(hers);
  await expectNoA11yViolations(page, { include: '[aria-labelledby="case-summary-heading"]' });
  await conflict.getByRole('button', { name: 'Use theirs' }).click();
  await expect(summary(page).getByText(his)).toBeVisible();
  await expect(summary(page).getByLabel('Case summary')).toHaveCount(0);
  // Nothing of hers was saved.
  await page.reload();
  await expect(summary(page).getByText(his)).toBeVisible({ timeout: 15_000 });
  await sam.context().close();
});

test('what the patient typed offline outlives closing the page, and is saved when she opens the case again', async ({ browser, baseURL }) => {
  test.slow();
  const run = Date.now().toString(36);
  const maria = await newPerson(browser, baseURL, true);
  await signIn(maria, 'patient@harbor.example');
  await openCase(maria);

  // Offline, she types and then closes the page (or the phone drops the tab) before it syncs.
  await maria.context().setOffline(true);
  const kept = ` Kept on the phone (${run}).`;
  const box = sharedBox(maria);
  await box.click();
  await box.press('Control+End');
  await box.pressSequentially(kept, { delay: 20 });
  await expect(notes(maria).getByTestId('note-status').first()).toHaveText(/offline.*will sync/i, { timeout: 10_000 });
  const context = maria.context();
  await maria.close({ runBeforeUnload: false });

  // Back online, a new page of the case: her words come back from the device and reach the server.
  await context.setOffline(false);
  const again = await context.newPage();
  await openCase(again);
  await expect(sharedBox(again)).toHaveValue(new RegExp(`Kept on the phone \\(${run}\\)\\.`));
  const saved = await gql<{ caseNote: { text: string } }>(again, `query($c: ID!) { caseNote(caseId: $c, kind: SHARED) { text } }`, { c: MARIA });
  expect(saved.caseNote.text).toContain(kept.trim());
  await context.close();
});
