// The second-opinion journey through a real browser, end to end: the advocate (desktop) opens
// a case and the patient joins on a 390×844 phone; the patient picks a script and adds two
// questions; the advocate adds two candidate providers and chooses one, logs an insurance call
// that needs prior authorization and then verifies it, and books the appointment; the patient
// records answers, is not offered the visit-feelings form until the visit has started (the
// advocate moves it to this morning), then records how the visit felt; the advocate records the second opinion as strongly
// conflicting and sees the third-opinion suggestion; the patient records the decision and the
// advocate closes the case with its outcome. Screenshots of the key screens are attached.
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { expect as baseExpect, test } from './support/fixtures';
import { acceptInvitation, choose, harborDay, moveVisit, newPerson, signIn } from './support/ui';

// Eight panels load on each visit of the case page and two people share two busy cores: be patient.
const expect = baseExpect.configure({ timeout: 15_000 });

async function shot(page: Page, testInfo: TestInfo, name: string, target?: Locator): Promise<void> {
  // A section is cut out of a full-page capture, so the sticky header stays at the top of the page
  // instead of being painted over the middle of a tall section.
  let body: Buffer;
  if (target) {
    // At the top of the page the box is in page coordinates, and the fixed header is painted only there.
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await target.boundingBox();
    body = await page.screenshot({ fullPage: true, clip: box ?? undefined });
  } else body = await page.screenshot({ fullPage: true });
  await testInfo.attach(name, { body, contentType: 'image/png' });
  await import('node:fs').then((fs) => fs.writeFileSync(testInfo.outputPath(`${name}.png`), body));
}

const region = (page: Page, name: string | RegExp): Locator => page.getByRole('region', { name, exact: typeof name === 'string' });

/** Moves the case forward with the stage panel until it stands at `stage`. */
async function moveForwardTo(page: Page, stage: string, steps: string[]): Promise<void> {
  const panel = region(page, 'Where things stand');
  for (const s of steps) {
    await panel.getByRole('button', { name: `Move to “${s}”` }).click();
    await expect(panel.getByRole('status')).toContainText(s);
    if (s === stage) return;
  }
}

test('the second-opinion journey: advocate on a desktop, patient on a phone, from a new case to a closed one', async ({ page: advocate, browser, baseURL, mail }, testInfo) => {
  // Two people, a phone and a visit moved before its feelings are written: longer than most journeys.
  test.setTimeout(540_000);
  const run = Date.now().toString(36);
  const patientEmail = `journey-${run}@example.org`;
  const patientName = `Rosa Journey ${run}`;

  // The advocate opens a case; the patient is invited with it.
  await signIn(advocate, 'advocate@harbor.example');
  await advocate.getByRole('link', { name: 'New case' }).first().click();
  await advocate.getByLabel('Patient name').fill(patientName);
  await advocate.getByLabel('Patient e-mail').fill(patientEmail);
  await advocate.getByLabel('The question to answer').fill('Is a mastectomy really needed, or is a lumpectomy with radiation an option?');
  await advocate.getByLabel('Diagnosis or plan in doubt').fill('Invasive ductal carcinoma; surgeon proposes a mastectomy');
  await advocate.getByRole('checkbox', { name: /Risky or invasive treatment/ }).check();
  await advocate.getByRole('button', { name: 'Open case' }).click();
  await expect(advocate).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseUrl = advocate.url();

  // The patient joins on a phone.
  const patient = await newPerson(browser, baseURL, true);
  await acceptInvitation(patient, await mail.waitForLinkTo(patientEmail), patientName, 'a-long-patient-password');
  await expect(patient.getByRole('heading', { name: patientName })).toBeVisible({ timeout: 15_000 });

  // The patient picks a way to ask her current doctor, makes it her own and saves it.
  const talk = region(patient, 'Talking to your doctor');
  await talk.getByRole('radiogroup', { name: 'Which sounds most like your situation?' }).getByLabel('My doctor is always in a hurry').check();
  await talk.getByRole('button', { name: 'Use these words: "A second opinion, when time is short"' }).click();
  const words = talk.getByLabel('Your words');
  await words.fill(`${await words.inputValue()}\nThank you, Dr. Reed.`);
  await talk.getByRole('button', { name: 'Save my words' }).click();
  await expect(talk.getByRole('status')).toHaveText('Saved. Your words are on your case.');
  await shot(patient, testInfo, '0-patient-script-390', talk);

  // The patient adds two questions of her own on the phone and puts one first.
  const questions = region(patient, 'Questions to ask');
  await expect(questions.getByRole('listitem')).toHaveCount(7);
  for (const q of ['Can I keep my breast?', 'How soon do I need to decide?']) {
    await questions.getByLabel('Your own question').fill(q);
    await questions.getByRole('button', { name: 'Add question' }).click();
    await expect(questions.getByText(q)).toBeVisible();
  }
  await expect(questions.getByRole('listitem')).toHaveCount(9);
  for (let i = 0; i < 7; i++) await questions.getByRole('button', { name: 'Move up: Can I keep my breast?' }).click();
  await expect(questions.getByRole('listitem').first()).toContainText('Can I keep my breast?');
  await expect(questions.getByRole('button', { name: 'Move up: Can I keep my breast?' })).toBeDisabled();
  await shot(patient, testInfo, '1-patient-questions-390', questions);

  // Her own timeline, on the phone: it becomes the packet's own-timeline item, in hand.
  const own = region(patient, 'My own timeline');
  await own.getByRole('button', { name: 'Add to the timeline' }).click();
  await own.getByLabel('When').fill(harborDay(-45));
  await own.getByLabel('What happened').fill('Found a lump in the left breast');
  await choose(patient, 'How bad was it?', 'Moderate');
  await own.getByRole('button', { name: 'Save' }).click();
  await expect(own.getByText('Added. Your timeline is part of the record packet now.')).toBeVisible();
  await expect(own.getByText('In the record packet')).toBeVisible();
  const ownItem = region(patient, 'Record packet').getByRole('article', { name: 'Your own timeline' });
  await expect(ownItem.getByText('Status: Received')).toBeVisible();
  await expectNoA11yViolations(patient, { include: ['section[aria-labelledby="own-timeline-heading"]', 'section[aria-labelledby="questions-heading"]'] });
  await shot(patient, testInfo, '1a-patient-own-timeline-390', own);

  // The advocate adds two candidate providers from the organization's directory and chooses one.
  await advocate.goto(caseUrl);
  const providers = region(advocate, 'Choosing the second-opinion provider');
  const candidate = (name: string) => providers.getByRole('article').filter({ has: advocate.getByRole('heading', { name, exact: true }) });
  for (const [pick, name] of [
    [/Dr\. Helen Park/, 'Dr. Helen Park'],
    [/Dr\. Amara Obi/, 'Dr. Amara Obi'],
  ] as const) {
    await providers.getByRole('button', { name: '+ Add a candidate' }).click();
    await choose(advocate, 'From the organization’s directory', pick);
    await providers.getByRole('region', { name: 'Add a candidate' }).getByRole('button', { name: 'Save candidate' }).click();
    await expect(providers.getByRole('status')).toHaveText(`${name} was added.`);
  }
  await candidate('Dr. Helen Park').getByRole('button', { name: 'Choose Dr. Helen Park' }).click();
  const dialog = advocate.getByRole('dialog', { name: 'Choose Dr. Helen Park' });
  await dialog.getByLabel('Why this provider?').fill('A breast surgeon at an academic center in another health system, in network, seen within two weeks');
  await dialog.getByRole('button', { name: 'Choose this provider' }).click();
  await expect(candidate('Dr. Helen Park').getByText('Chosen')).toBeVisible();
  await shot(advocate, testInfo, '1b-advocate-providers-1280', providers);

  // Insurance: her Medicare plan; a first call says prior authorization is needed, a second verifies it.
  const ins = region(advocate, 'Insurance check');
  await ins.getByRole('button', { name: 'Add the plan' }).click();
  await ins.getByLabel('Insurer (the name on the card)').fill('Medicare');
  await choose(advocate, 'Kind of plan', 'Medicare');
  await ins.getByRole('button', { name: 'Save plan' }).click();
  const yes = (q: string, v: 'Yes' | 'No') => ins.getByRole('radiogroup', { name: q }).getByLabel(v, { exact: true }).check();
  await ins.getByRole('button', { name: '+ Log a call' }).click();
  await ins.getByLabel('Who you spoke to').fill('Dana');
  await ins.getByLabel('Reference number').fill(`REF-${run}-1`);
  await yes('Is a second opinion covered for this condition or procedure?', 'Yes');
  await yes('Is prior authorization needed?', 'Yes');
  await yes('Must the current doctor make the request?', 'No');
  await ins.getByRole('button', { name: 'Save call' }).click();
  await expect(ins.getByText('Outcome: Needs prior authorization')).toBeVisible();
  await ins.getByRole('button', { name: '+ Log a call' }).click();
  await ins.getByLabel('Who you spoke to').fill('Luis');
  await ins.getByLabel('Reference number').fill(`REF-${run}-2`);
  await yes('Is a second opinion covered for this condition or procedure?', 'Yes');
  await yes('Is prior authorization needed?', 'Yes');
  await ins.getByLabel('Prior authorization number').fill(`PA-${run}`);
  await ins.getByLabel('Valid from').fill(harborDay(0));
  await ins.getByLabel('Valid until').fill(harborDay(60));
  await ins.getByRole('button', { name: 'Save call' }).click();
  await expect(ins.getByText('Outcome: Verified')).toBeVisible();
  await shot(advocate, testInfo, '1c-advocate-insurance-1280', ins);

  // The advocate books the appointment with the chosen provider.
  const appt = region(advocate, 'Appointment and questions');
  await appt.getByRole('button', { name: 'Book an appointment' }).click();
  const form = region(advocate, 'Book an appointment');
  await form.getByLabel('Date').fill(harborDay(-1));
  await form.getByLabel('Time').fill('10:30');
  await form.getByLabel('Where').fill('Lakeshore University Medical Center, Breast Clinic, 2nd floor');
  await expect(form.getByRole('checkbox', { name: /^Use the chosen provider: Dr\. Helen Park/ })).toBeChecked();
  await expect(form.getByLabel('With whom')).toHaveValue(/^Dr\. Helen Park/);
  await form.getByLabel('Anything else to bring').fill('Insurance card and the list of medicines');
  await form.getByRole('button', { name: 'Book the appointment' }).click();
  // A booking in the past is refused, in plain words, at the date.
  await expect(form.getByText('Please choose a date and time that are still to come.')).toBeVisible();
  await form.getByLabel('Date').fill(harborDay(3));
  await form.getByRole('button', { name: 'Book the appointment' }).click();
  await expect(appt.getByText('The appointment is booked.')).toBeVisible();
  const card = appt.getByRole('article', { name: /^Appointment with / });
  await expect(card.getByText('What to bring')).toBeVisible();
  await expect(card.getByText('The chosen second-opinion provider')).toBeVisible();
  await shot(advocate, testInfo, '2-advocate-appointment-1280', appt);

  // The patient records answers and how the visit felt, on the phone.
  await patient.reload();
  const her = region(patient, 'Appointment and questions').getByRole('article', { name: /^Appointment with / });
  await her.getByRole('button', { name: 'Write the answer to: Can I keep my breast?' }).click();
  await her.getByLabel('Answer to: Can I keep my breast?').fill('Probably yes: a lumpectomy with radiation would be her choice.');
  await her.getByRole('button', { name: 'Save answer' }).click();
  await expect(her.getByText('Probably yes: a lumpectomy with radiation would be her choice.')).toBeVisible();
  // How the visit felt waits for the visit: three days ahead, the form is not offered yet.
  await expect(her.getByText('You can say how the visit felt once it has started.')).toBeVisible();
  await expect(her.getByRole('button', { name: 'Save how it felt' })).toHaveCount(0);
  await expect(her.getByRole('checkbox', { name: 'Heard' })).toHaveCount(0);
  await shot(patient, testInfo, '3a-patient-feelings-not-yet-390', her);

  // The clinic saw her earlier than booked: the advocate moves the visit to this morning.
  await advocate.goto(caseUrl);
  const booked = region(advocate, 'Appointment and questions').getByRole('article', { name: /^Appointment with / });
  await moveVisit(booked, harborDay(0), '00:00');

  // The visit has started: now she says how it felt. Feelings are chips: a tap on the word ticks it.
  await patient.reload();
  await expect(her.getByText('You can say how the visit felt once it has started.')).toHaveCount(0);
  for (const feeling of ['Heard', 'Included in decisions', 'Hurried']) {
    await her.getByText(feeling, { exact: true }).click();
    await expect(her.getByRole('checkbox', { name: feeling })).toBeChecked();
  }
  await her.getByLabel('Was anything said that worried you?').fill('She said the margins might not be clear after surgery.');
  await her.getByRole('button', { name: 'Save how it felt' }).click();
  await expect(her.getByText('Thank you. This is saved.')).toBeVisible();
  await expect(her.getByText('Mixed feelings')).toBeVisible();
  await expectNoA11yViolations(patient, { include: 'section[aria-labelledby="appointments-heading"]' });
  await shot(patient, testInfo, '3-patient-answers-feelings-390', her);

  // The advocate records the first and the second opinion, and marks them strongly conflicting.
  await advocate.goto(caseUrl);
  const ops = region(advocate, 'Opinions compared');
  const addOpinion = async (n: number, provider: string, diagnosis: string, plan: string, reasoning: string) => {
    await ops.getByRole('button', { name: `Add opinion ${n}` }).click();
    const f = region(advocate, `Add opinion ${n}`);
    await f.getByLabel('Doctor or institution').fill(provider);
    await f.getByLabel('Diagnosis').fill(diagnosis);
    await f.getByLabel('Recommended plan').fill(plan);
    await f.getByLabel('Urgent').check();
    await f.getByLabel('Why they think so').fill(reasoning);
    await f.getByRole('button', { name: 'Save opinion' }).click();
    await expect(ops.getByText(`Opinion ${n} is saved.`)).toBeVisible();
  };
  await addOpinion(1, 'Dr. Samuel Reed (current surgeon)', 'Invasive ductal carcinoma, stage II', 'Mastectomy', 'The tumor looked large on the first scan.');
  await addOpinion(2, 'Dr. Helen Park, Lakeshore University Medical Center', 'Invasive ductal carcinoma, stage I', 'Lumpectomy with radiation', 'The new MRI shows a smaller tumor with clear edges.');
  const table = ops.getByRole('table', { name: 'Opinions compared' });
  await expect(table.getByRole('rowheader', { name: 'Diagnosis' })).toBeVisible();
  await expect(table.getByRole('row', { name: /Recommended plan/ })).toContainText('Lumpectomy with radiation');
  await ops.getByLabel('Strongly conflict').check();
  await ops.getByRole('button', { name: 'Save comparison' }).click();
  await expect(ops.getByText('Marked as: Strongly conflict')).toBeVisible();
  // The third-opinion suggestion, with the next steps and the plan's coverage hint.
  await expect(ops.getByText('A third opinion is worth considering')).toBeVisible();
  await expect(ops.getByText('Seek a third opinion, ideally at an academic or teaching center.')).toBeVisible();
  await expect(ops.getByText(/tumor board or multidisciplinary case conference/)).toBeVisible();
  await expect(ops.getByText(/Ask each doctor why/)).toBeVisible();
  await expect(ops.getByText('Medicare Part B generally covers a third opinion when the first two differ.')).toBeVisible();
  await expect(ops.getByRole('button', { name: 'Start opinion 3' })).toBeVisible();
  await expectNoA11yViolations(advocate, { include: 'section[aria-labelledby="opinions-heading"]' });
  await shot(advocate, testInfo, '4-advocate-opinions-conflict-1280', ops);

  // The patient sees the same opinions stacked on her phone.
  await patient.reload();
  const hers = region(patient, 'Opinions compared');
  await expect(hers.getByRole('article', { name: 'Opinion 1 · current doctor' })).toBeVisible();
  await expect(hers.getByRole('article', { name: 'Opinion 2' })).toContainText('Lumpectomy with radiation');
  await expect(hers.getByText('A third opinion is worth considering')).toBeVisible();
  await expect(hers.getByRole('button', { name: 'Start opinion 3' })).toHaveCount(0);
  // Her Medicare plan: the insurance check now says the third opinion is covered too.
  const herInsurance = region(patient, 'Insurance check');
  await expect(herInsurance.getByText('Medicare Part B also pays for a third opinion when the first two disagree.')).toBeVisible();
  await expect(herInsurance.getByText('Medicare generally pays for a second opinion before surgery that is medically necessary.')).toBeVisible();
  await shot(patient, testInfo, '5a-patient-insurance-third-opinion-390', herInsurance);
  await shot(patient, testInfo, '5-patient-opinions-390', hers);

  // The case reaches "compare and decide"; the patient writes down her decision on the phone.
  await advocate.goto(caseUrl);
  await moveForwardTo(advocate, 'Compare and decide', [
    'Talk to the current doctor',
    'Gather records',
    'Choose the second-opinion provider',
    'Check insurance',
    'Prepare',
    'Appointment',
    'Compare and decide',
  ]);
  await patient.reload();
  const decision = region(patient, 'Decision and closing the loop');
  await decision.getByLabel('The decision').fill('Lumpectomy with radiation at Lakeshore');
  await decision.getByLabel('Why').fill('The newer scan and the reasons Dr. Park gave; my own doctor agreed when we spoke.');
  await decision.getByLabel('Follow-up with the current doctor (date)').fill(harborDay(0));
  await decision.getByLabel('How the follow-up went').fill('Dr. Reed read the second opinion and agrees to the lumpectomy.');
  await decision.getByRole('button', { name: 'Save decision' }).click();
  await expect(decision.getByText('The decision is saved.')).toBeVisible();
  await expectNoA11yViolations(patient, { include: 'section[aria-labelledby="decision-heading"]' });
  await shot(patient, testInfo, '6-patient-decision-390', decision);

  // The advocate closes the loop and the case with its outcome.
  await advocate.reload();
  const closing = region(advocate, 'Decision and closing the loop');
  await expect(closing.getByText('The case is not yet at “closing the loop”.')).toBeVisible();
  await closing.getByRole('button', { name: 'Move on to closing the loop' }).click();
  await expect(closing.getByText('Still to do before closing:')).toHaveCount(0);
  await closing.getByLabel('Outcome').click();
  await advocate.getByRole('option', { name: 'Treatment changed' }).click();
  await closing.getByRole('button', { name: 'Close the case' }).click();
  await expect(closing.getByText('This case is closed. Outcome: Treatment changed')).toBeVisible();
  await expect(region(advocate, 'Where things stand')).toContainText('Closed');
  // Closed: the opinions stay on record, nothing more is suggested or editable.
  await expect(ops.getByText('A third opinion is worth considering')).toHaveCount(0);
  await expect(ops.getByRole('button', { name: 'Add opinion 3' })).toHaveCount(0);
  await shot(advocate, testInfo, '7-advocate-closed-1280', region(advocate, 'Opinions compared'));

  await patient.reload();
  await expect(region(patient, 'Decision and closing the loop').getByText('This case is closed. Outcome: Treatment changed')).toBeVisible();
  await shot(patient, testInfo, '8-patient-closed-390', region(patient, 'Decision and closing the loop'));
});
