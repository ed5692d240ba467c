// The foundation journey through a real browser: an organization signs up, invites an
// advocate, who opens a case and so invites the patient; the patient joins from the e-mail,
// comments from a phone, and the advocate sees it. Internal notes never reach the patient.
import { expectNoA11yViolations } from './support/a11y';
import { expect, test } from './support/fixtures';
import { acceptInvitation, choose, newPerson } from './support/ui';

test('sign up → invite advocate → open case → invite patient → patient comments → advocate sees it', async ({ page, browser, baseURL, mail }, testInfo) => {
  // Three people, three e-mails and seven screens with axe: longer than a single-screen check.
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  const adminEmail = `admin-${run}@example.org`;
  const advocateEmail = `advocate-${run}@example.org`;
  const patientEmail = `patient-${run}@example.org`;

  // An admin creates the organization.
  await page.goto('/sign-up');
  await expectNoA11yViolations(page);
  await page.getByLabel('Organization name').fill(`Lakeside Advocates ${run}`);
  await page.getByLabel('Your name').fill('Ada Admin');
  await page.getByLabel('E-mail').fill(adminEmail);
  await page.getByLabel('Password', { exact: true }).fill('a-long-admin-password');
  await page.getByRole('button', { name: 'Create organization' }).click();
  // The same answer for every address: the link that finishes the sign-up comes by e-mail.
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.goto(await mail.waitForLinkTo(adminEmail, { subject: 'Finish creating', matching: /\/sign-up\// }));
  await expect(page.getByRole('heading', { name: 'Finish creating your organization' })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Create my organization' }).click();
  await expect(page).toHaveURL(/\/today$/); // staff start from My day
  await expectNoA11yViolations(page);

  // ...and invites an advocate by e-mail.
  await page.goto('/admin/members');
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByLabel('E-mail').fill(advocateEmail);
  await choose(page, 'Role', 'Advocate');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${advocateEmail}`)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('members.png'), fullPage: true });

  // The advocate joins from the e-mail link, in their own browser.
  const advocate = await newPerson(browser, baseURL);
  await acceptInvitation(advocate, await mail.waitForLinkTo(advocateEmail), 'Sam Advocate', 'a-long-advocate-password');

  // The advocate opens a case with the patient's e-mail: the patient is invited.
  await advocate.getByRole('link', { name: 'New case' }).first().click();
  await expectNoA11yViolations(advocate);
  await advocate.getByLabel('Patient name').fill('Pat Patient');
  await advocate.getByLabel('Patient e-mail').fill(patientEmail);
  await advocate.getByLabel('The question to answer').fill('Is surgery really my best option?');
  await advocate.getByLabel('Diagnosis or plan in doubt').fill('Herniated disc; fusion proposed');
  await advocate.getByRole('checkbox', { name: /Risky or invasive treatment/ }).check();
  await advocate.getByRole('button', { name: 'Open case' }).click();
  await expect(advocate).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(advocate.getByRole('heading', { name: 'Pat Patient' })).toBeVisible();
  await expectNoA11yViolations(advocate);
  const caseUrl = advocate.url();

  // The patient joins on a phone and lands on their case.
  const patient = await newPerson(browser, baseURL, true);
  await acceptInvitation(patient, await mail.waitForLinkTo(patientEmail), 'Pat Patient', 'a-long-patient-password');
  await expect(patient.getByText('Is surgery really my best option?')).toBeVisible();
  await expectNoA11yViolations(patient);
  await patient.getByLabel('Add a comment').fill('I have my MRI on a disc, shall I bring it?');
  await patient.getByRole('button', { name: 'Post comment' }).click();
  // Posted once the box is cleared: until then the box itself still holds the same words, and
  // the live copy of the comment can arrive first.
  await expect(patient.getByLabel('Add a comment')).toHaveValue('');
  await expect(patient.getByText('I have my MRI on a disc, shall I bring it?')).toBeVisible();
  await patient.screenshot({ path: testInfo.outputPath('patient-phone.png'), fullPage: true });

  // The advocate sees it, and answers with an internal note the patient must never see.
  await advocate.goto(caseUrl);
  await expect(advocate.getByText('I have my MRI on a disc, shall I bring it?')).toBeVisible();
  await advocate.getByLabel('Add a comment').fill('Staff note: call the imaging center about the report too.');
  await advocate.getByRole('checkbox', { name: /Internal \(staff only\)/ }).check();
  await advocate.getByRole('button', { name: 'Post comment' }).click();
  await expect(advocate.getByLabel('Add a comment')).toHaveValue('');
  await expect(advocate.getByText('Staff note: call the imaging center about the report too.')).toBeVisible();
  await expect(advocate.getByText('Internal: staff only')).toBeVisible();
  await advocate.screenshot({ path: testInfo.outputPath('advocate-case.png'), fullPage: true });

  await patient.reload();
  await expect(patient.getByText('I have my MRI on a disc, shall I bring it?')).toBeVisible();
  await expect(patient.getByText(/Staff note/)).toHaveCount(0);
  expect(await patient.content()).not.toContain('call the imaging center');
});
