// Notification settings through a real browser, on a desktop and on a phone: a coordinator
// opens them from the account menu, chooses e-mail per kind (right away / daily summary / only
// in the app) and quiet hours that span midnight, saves, and finds them kept after a reload;
// a bad time is refused in place. An admin sets the organization's reminder days, appointment
// reminder distances and working hours; a bad value gets a clear error and changes nothing. (Northstar's admin, so the other
// journeys keep Harbor's defaults.)
import type { Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { expect, test } from './support/fixtures';
import { signIn } from './support/ui';

async function graphql<T>(page: Page, query: string): Promise<T> {
  const response = await page.request.post('/graphql', { data: { query }, headers: { 'content-type': 'application/json' } });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const group = (page: Page, name: string) => page.getByRole('radiogroup', { name });

test('a person sets how they get e-mail and quiet hours, and the choice is kept', { tag: '@phone' }, async ({ page }, testInfo) => {
  await signIn(page, 'coordinator@harbor.example');
  await page.getByRole('button', { name: /^Account menu for/ }).click();
  await page.getByRole('menuitem', { name: 'Notification settings' }).click();
  await expect(page).toHaveURL(/\/notifications\/settings$/);
  await expect(page.getByRole('heading', { name: 'Notification settings', level: 1 })).toBeVisible();
  await expect(page.getByText(/daily summary arrives at about 8:00\sAM/)).toBeVisible();

  await group(page, 'Record request reminders').getByRole('radio', { name: 'Right away' }).check();
  await group(page, 'Missed legal deadlines').getByRole('radio', { name: 'Only in the app' }).check();
  const quiet = page.getByRole('switch', { name: 'Pause e-mail at night' });
  if (!(await quiet.isChecked())) await quiet.check();
  await page.getByLabel('From', { exact: true }).fill('21:00');
  await page.getByLabel('Until', { exact: true }).fill('07:30');
  await expect(page.getByText(/Quiet from 9:00\sPM in the evening until 7:30\sAM the next morning\./)).toBeVisible();

  // The same time twice is no window at all: refused in place, nothing sent.
  await page.getByLabel('Until', { exact: true }).fill('21:00');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Choose an end time different from the start.')).toBeVisible();
  await page.getByLabel('Until', { exact: true }).fill('07:30');

  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your notification settings are saved.' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('notification-settings.png'), fullPage: true });
  await expectNoA11yViolations(page);

  await page.reload();
  await expect(group(page, 'Record request reminders').getByRole('radio', { name: 'Right away' })).toBeChecked();
  await expect(group(page, 'Missed legal deadlines').getByRole('radio', { name: 'Only in the app' })).toBeChecked();
  await expect(page.getByRole('switch', { name: 'Pause e-mail at night' })).toBeChecked();
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('21:00');
  await expect(page.getByLabel('Until', { exact: true })).toHaveValue('07:30');
  const saved = await graphql<{ notificationPreferences: unknown }>(page, '{ notificationPreferences { email { category mode } quietHours { start end } } }');
  expect(saved.notificationPreferences).toEqual({
    email: [
      { category: 'RECORD_REMINDERS', mode: 'IMMEDIATE' },
      { category: 'RECORD_ESCALATIONS', mode: 'OFF' },
      // Untouched categories keep their default.
      { category: 'APPOINTMENT_REMINDERS', mode: 'IMMEDIATE' },
      { category: 'AFTER_VISIT', mode: 'IMMEDIATE' },
      { category: 'INSURANCE_CHECKS', mode: 'IMMEDIATE' },
      { category: 'TASKS', mode: 'IMMEDIATE' },
    ],
    quietHours: { start: '21:00', end: '07:30' },
  });

  // Back to the list, and the way in from there.
  await page.getByRole('link', { name: /Back to notifications/ }).click();
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'E-mail settings' }).click();
  await expect(page.getByRole('heading', { name: 'Notification settings', level: 1 })).toBeVisible();

  // Turning quiet hours off and choosing the summary is kept too.
  await group(page, 'Missed legal deadlines').getByRole('radio', { name: 'In a daily summary' }).check();
  await page.getByRole('switch', { name: 'Pause e-mail at night' }).uncheck();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your notification settings are saved.' })).toBeVisible();
  const after = await graphql<{ notificationPreferences: { email: { mode: string }[]; quietHours: unknown } }>(
    page,
    '{ notificationPreferences { email { category mode } quietHours { start end } } }',
  );
  expect(after.notificationPreferences.quietHours).toBeNull();
  expect(after.notificationPreferences.email.map((e) => e.mode)).toEqual(['IMMEDIATE', 'DIGEST', 'IMMEDIATE', 'IMMEDIATE', 'IMMEDIATE', 'IMMEDIATE']);
});

test('an admin sets the reminder days, appointment reminders and working hours; bad input is refused and changes nothing', { tag: '@phone' }, async ({ page }, testInfo) => {
  test.setTimeout(90_000); // three sections, two refusals and two accessibility scans on a shared, busy machine
  await signIn(page, 'admin@northstar.example');
  await page.goto('/admin/reminders');
  await expect(page.getByRole('heading', { name: 'Reminder settings', level: 1 })).toBeVisible();

  // Appointment reminders (their defaults are checked in appointment-reminders.int-spec.ts: this
  // test runs on the desktop and on the phone against the same organization).
  const appointments = page.getByRole('region', { name: 'Appointment reminders' });
  const soon = appointments.getByLabel('Days before the appointment');
  const coverage = appointments.getByLabel('Working days before, to check coverage');
  const opinion = appointments.getByLabel('Days after, to write the opinion down');
  const followUp = appointments.getByLabel('Days after, to book the follow-up');
  await expect(soon).toBeVisible();

  const days = page.getByLabel('Days after a request is sent');
  await days.fill('5, 12, 20');
  await page.getByLabel('Days before the plan target').fill('1');
  await soon.fill('4');
  await coverage.fill('3');
  await opinion.fill('2');
  await followUp.fill('10');
  await page.getByLabel('Start', { exact: true }).fill('08:00');
  await page.getByLabel('End', { exact: true }).fill('16:30');
  await page.getByRole('button', { name: 'Save reminder settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reminder settings saved.' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('reminder-settings.png'), fullPage: true });
  await expectNoA11yViolations(page);

  // Not a list of days: said in place before anything is sent.
  await days.fill('5, soon');
  await page.getByRole('button', { name: 'Save reminder settings' }).click();
  await expect(page.getByText('Use whole numbers from 1 to 60, separated by commas.')).toBeVisible();

  // Working hours that end before they start: the server refuses and says why.
  await days.fill('5, 12, 20');
  await page.getByLabel('Start', { exact: true }).fill('17:00');
  await page.getByLabel('End', { exact: true }).fill('09:00');
  await page.getByRole('button', { name: 'Save reminder settings' }).click();
  await expect(page.getByRole('alert')).toContainText('Working hours must end at least an hour after they start');

  // A follow-up reminder that is not after the one to write the opinion down: refused, at the field.
  await page.getByLabel('Start', { exact: true }).fill('08:00');
  await page.getByLabel('End', { exact: true }).fill('16:30');
  await opinion.fill('9');
  await followUp.fill('9');
  await page.getByRole('button', { name: 'Save reminder settings' }).click();
  await expect(appointments.getByText('The reminder to book the follow-up must come after the one to write the opinion down')).toBeVisible();
  await expectNoA11yViolations(page);

  await page.reload();
  await expect(page.getByLabel('Days after a request is sent')).toHaveValue('5, 12, 20');
  await expect(page.getByLabel('Start', { exact: true })).toHaveValue('08:00');
  await expect(page.getByLabel('End', { exact: true })).toHaveValue('16:30');
  await expect(soon).toHaveValue('4');
  await expect(coverage).toHaveValue('3');
  await expect(opinion).toHaveValue('2');
  await expect(followUp).toHaveValue('10');
  const r = await graphql<{ reminderSettings: Record<string, unknown> }>(
    page,
    '{ reminderSettings { daysAfterSent targetSoonDays workStart workEnd appointmentSoonDays verifyCoverageWorkingDays recordOpinionDays bookFollowUpDays } }',
  );
  expect(r.reminderSettings).toEqual({
    daysAfterSent: [5, 12, 20],
    targetSoonDays: 1,
    workStart: '08:00',
    workEnd: '16:30',
    appointmentSoonDays: 4,
    verifyCoverageWorkingDays: 3,
    recordOpinionDays: 2,
    bookFollowUpDays: 10,
  });
});

test('reminder settings are for admins only', async ({ page }) => {
  await signIn(page, 'coordinator@harbor.example');
  await page.goto('/admin/reminders');
  await expect(page.getByRole('heading', { name: 'Reminder settings' })).toHaveCount(0);
});
