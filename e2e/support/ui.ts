import { expect, type Browser, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-password-123';

/**
 * A calendar day in Harbor's time zone (America/Chicago), `days` from today: the dates the API
 * counts in. Counted on the calendar from Harbor's today, not as `days` × 24 hours from now,
 * which lands a day off across a daylight-saving change in the hour before Chicago's midnight.
 */
export const harborDay = (days: number): string => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(new Date());
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
};

/** Picks an option in a Mantine Select (a combobox input with a listbox). */
export async function choose(page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  await page
    .getByLabel(label, { exact: typeof label === 'string' })
    .first()
    .click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Adds an item to the case's record packet (the case page is open), named `title` if given. */
export async function addPacketItem(page: Page, kind: string, title: string): Promise<void> {
  const packet = page.getByRole('region', { name: 'Record packet' });
  await packet.getByRole('button', { name: /Add an item/ }).click();
  await choose(page, 'What it is', kind);
  if (title) await packet.getByLabel('Name (optional)').fill(title);
  await packet.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(packet.getByText(`“${kind}” was added to the packet.`)).toBeVisible({ timeout: 15_000 });
}

/**
 * A record request (the case page is open) to a holder added on the spot, by fax, for one new
 * lab-results item named `itemTitle`, sent on `sentOn` (YYYY-MM-DD).
 */
export async function addRecordRequest(page: Page, holder: string, itemTitle: string, sentOn: string): Promise<void> {
  await addPacketItem(page, 'Lab results', itemTitle);
  const requests = page.getByRole('region', { name: 'Record requests' });
  await requests.getByRole('button', { name: 'New request' }).click();
  await requests.getByRole('button', { name: /Add a new record holder/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a record holder' });
  await dialog.getByLabel('Name', { exact: true }).fill(holder);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await requests.getByRole('checkbox', { name: `Lab results: ${itemTitle}` }).check();
  await choose(page, 'How it is sent', 'Fax');
  await requests.getByLabel('Date sent').fill(sentOn);
  await requests.getByRole('button', { name: 'Send request' }).click();
  await expect(requests.getByText(`The request to ${holder} is saved.`)).toBeVisible({ timeout: 15_000 });
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

/**
 * Stores `language` on the signed-in person through the API (what the person menu does): a test
 * that switches someone's language puts it back with this in a `finally`, so a retry, or the
 * next test signing in as them, starts from English.
 */
export async function setLanguage(page: Page, language: 'en' | 'es'): Promise<void> {
  const res = await page.request.post('/graphql', {
    data: { query: `mutation { setMyLanguage(language: ${language}) { id } }` },
    headers: { 'content-type': 'application/json' },
  });
  expect(res.ok()).toBe(true);
}

/** A fresh browser context (its own cookies), phone-sized when asked: another person. */
export async function newPerson(browser: Browser, baseURL: string | undefined, phone = false): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    ...(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 800 } }),
  });
  return context.newPage();
}

export async function acceptInvitation(page: Page, link: string, name: string, password: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Join and sign in' }).click();
  await expect(page).not.toHaveURL(/\/invite\//);
}

/** Moves a booked visit (its appointment card) to a day and time on Harbor's clock, with the card's own form. */
export async function moveVisit(card: Locator, day: string, time: string): Promise<void> {
  await card.getByRole('button', { name: 'Change the date or time' }).click();
  const form = card.getByRole('form', { name: 'New date and time for this appointment' });
  await form.getByLabel('Date').fill(day);
  await form.getByLabel('Time').fill(time);
  await form.getByRole('button', { name: 'Save the new time' }).click();
  await expect(card.getByText('Saved. Reminders now follow the new date.')).toBeVisible({ timeout: 15_000 });
}
