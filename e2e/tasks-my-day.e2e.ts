// Tasks and My day (issue 18, parts 1 and 3) through a real browser: the advocate gives Maria a
// task with a due date on the desktop; Maria, on her phone, finds it in "What to do next" at the
// top of her case and ticks it, and the advocate sees who ticked it. The advocate's home, My
// day, lists an overdue record request and an overdue task, and each one's action clears it.
import { expectNoA11yViolations } from './support/a11y';
import { expect as baseExpect, test } from './support/fixtures';
import type { Page } from '@playwright/test';
import { choose, harborDay, newPerson, signIn } from './support/ui';

async function graphql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await page.request.post('/graphql', { data: { query, variables }, headers: { 'content-type': 'application/json' } });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Gives the task being written to `name` (the case page has other people pickers: pick in this one's list). */
async function assign(page: Page, name: string): Promise<void> {
  await page.getByRole('region', { name: 'Tasks' }).getByLabel('Who does it').click();
  await page.getByRole('listbox', { name: 'Who does it' }).getByRole('option', { name }).click();
}

const MARIA = '0c000000-0000-4000-8000-000000000001';
const expect = baseExpect.configure({ timeout: 15_000 });

test('the advocate gives Maria a task, she ticks it on her phone; My day lists what is late and clears it in place', async ({ page, browser, baseURL }, testInfo) => {
  // A long journey through three browsers on a shared machine.
  test.setTimeout(360_000);
  const run = Date.now().toString(36);
  const forMaria = `Find the MRI disc ${run}`;
  const mine = `Call Maria’s insurer ${run}`;
  const holder = `Lakeview Lab ${run}`;

  // Staff land on My day.
  await signIn(page, 'advocate@harbor.example');
  await expect(page).toHaveURL(/\/today$/);
  await expect(page.getByRole('heading', { name: 'My day', level: 1 })).toBeVisible();

  // A task for Maria, due in two days, and one for Sam, due yesterday.
  await page.goto(`/cases/${MARIA}`);
  const tasks = page.getByRole('region', { name: 'Tasks' });
  await tasks.getByRole('button', { name: 'Add a task' }).click();
  await tasks.getByLabel('What needs doing').fill(forMaria);
  await assign(page, 'Maria Lopez');
  await tasks.getByLabel('Due date (optional)').fill(harborDay(2));
  await tasks.getByRole('button', { name: 'Save the task' }).click();
  await expect(tasks.getByRole('listitem', { name: forMaria })).toBeVisible();
  await expect(tasks.getByRole('listitem', { name: forMaria }).getByText('For Maria Lopez')).toBeVisible();

  await tasks.getByRole('button', { name: 'Add a task' }).click();
  await tasks.getByLabel('What needs doing').fill(mine);
  await assign(page, 'Sam Rivera');
  await tasks.getByLabel('Due date (optional)').fill(harborDay(-1));
  await tasks.getByLabel('Staff only').check();
  await tasks.getByRole('button', { name: 'Save the task' }).click();
  await expect(tasks.getByRole('listitem', { name: mine }).getByText('Overdue')).toBeVisible();

  // Maria on her phone: her case opens on "What to do next", with her task and not Sam's.
  const maria = await newPerson(browser, baseURL, true);
  await signIn(maria, 'patient@harbor.example');
  await expect(maria).toHaveURL(new RegExp(`/cases/${MARIA}$`));
  const next = maria.getByRole('region', { name: 'What to do next' });
  // A phone's first visit fetches the case page's chunks on a busy machine: give it time once.
  await expect(next).toBeVisible({ timeout: 60_000 });
  await expect(next.getByRole('listitem', { name: forMaria })).toBeVisible();
  await expect(maria.getByText(mine)).toHaveCount(0);
  // The box shows ticked once the server has saved it (no guess ahead of it).
  await next.getByRole('checkbox', { name: `Done: ${forMaria}` }).click();
  await expect(next.getByRole('listitem', { name: forMaria }).getByText(/Done by Maria Lopez/)).toBeVisible();
  await maria.screenshot({ path: testInfo.outputPath('what-to-do-next-phone.png'), fullPage: false });

  // Sam sees who ticked it, live.
  await expect(tasks.getByRole('listitem', { name: forMaria }).getByText(/Done by Maria Lopez/)).toBeVisible();

  // A record request sent 20 days ago is past its plan target (14 days): set up through the API as Sam.
  const { createRecordHolder } = await graphql<{ createRecordHolder: { id: string } }>(
    page,
    `
      mutation ($n: String!) {
        createRecordHolder(input: { name: $n, fax: "555-0100" }) {
          id
        }
      }
    `,
    { n: holder },
  );
  const { addPacketItem } = await graphql<{ addPacketItem: { id: string } }>(
    page,
    `
      mutation ($c: ID!, $t: String!) {
        addPacketItem(input: { caseId: $c, kind: LABS, title: $t }) {
          id
        }
      }
    `,
    { c: MARIA, t: `Bloods ${run}` },
  );
  await graphql(
    page,
    `
      mutation ($c: ID!, $h: ID!, $i: ID!, $d: String!) {
        createRecordRequest(input: { caseId: $c, holderId: $h, packetItemIds: [$i], method: FAX, sentOn: $d }) {
          id
        }
      }
    `,
    {
      c: MARIA,
      h: createRecordHolder.id,
      i: addPacketItem.id,
      d: harborDay(-20),
    },
  );

  await page.getByRole('link', { name: 'My day' }).first().click();
  await expect(page).toHaveURL(/\/today$/);
  const overdue = page.getByRole('region', { name: 'Overdue' });
  const request = overdue.getByRole('article', { name: new RegExp(`Records from ${holder}`) });
  const task = overdue.getByRole('article', { name: `Task: ${mine}` });
  await expect(request).toBeVisible();
  await expect(task).toBeVisible();
  await expectNoA11yViolations(page, {}, testInfo);
  await page.screenshot({ path: testInfo.outputPath('my-day-desktop.png'), fullPage: true });

  await request.getByRole('button', { name: 'Mark received' }).click();
  await expect(request).toHaveCount(0);
  await task.getByRole('button', { name: 'Mark done' }).click();
  await expect(task).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('Done. It is off your list.');

  // The coordinator sees the whole organization, and can look at one advocate's day.
  const casey = await newPerson(browser, baseURL);
  await signIn(casey, 'coordinator@harbor.example');
  await expect(casey.getByRole('heading', { name: 'My day', level: 1 })).toBeVisible();
  await choose(casey, 'Whose day', 'Sam Rivera');
  await expect(casey.getByText(/What is late or due today on your cases/)).toBeVisible();
  await expectNoA11yViolations(casey, {}, testInfo);
});
