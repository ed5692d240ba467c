// Second Look in Spanish, as a Spanish-reading patient meets it: David on his phone switches the
// sign-in page to Español (what he typed stays), signs in, reads where his case stands and what
// comes next, adds a question, and finds everything in Spanish (axe-clean, nothing scrolling
// sideways at 390 px, though Spanish runs longer than English). A task Sam gives him brings its
// reminder by e-mail, through the worker and the mail sink, in Spanish: words, date, and a link
// that opens his case, in Spanish. His choice is stored on him, and the person menu switches
// back. Then Sam (advocate, English) and David (Spanish browser) work on
// the same case live, and each reads the other's change in their own language.
import type { Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { expect, test, type SinkMessage } from './support/fixtures';
import { bringDue } from './support/jobs';
import { choose, DEMO_PASSWORD, harborDay, signIn } from './support/ui';

const DAVID_CASE = '0c000000-0000-4000-8000-000000000002';

async function gql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await page.request.post('/graphql', { data: { query, variables }, headers: { 'content-type': 'application/json' } });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Nothing wider than the window: no page should make a phone reader scroll sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
}

/** Words only an English e-mail has: the reminder's own sentence and the frame around it (notification-email.template.ts). */
const ENGLISH = /\b(the|your|you|is|and|on|of|to|an|task|case|open|due|date|hello|settings|change|coming|up)\b/i;

/** The text of an e-mail a person reads, without its links (addresses are not words). */
const wordsOf = (m: SinkMessage) => `${m.subject}\n${m.text}`.replace(/https?:\/\/\S+/g, '').replace(/Second Look/g, '');

/** "2026-12-09" as a US Spanish reader writes it: "9 de diciembre de 2026" (es-US). */
const spanishDay = (day: string) => new Intl.DateTimeFormat('es-US', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** Puts David and his case back in English, so other journeys meet the demo as seeded. */
async function backToEnglish(page: Page): Promise<void> {
  await gql(page, `mutation { setMyLanguage(language: en) { id } }`).catch(() => undefined);
}

test('a Spanish-reading patient uses Second Look in Spanish on her phone', { tag: '@phone-only' }, async ({ page, browser, baseURL, mail }, testInfo) => {
  // Two full-page axe scans at phone size, argon2 sign-ins, a reminder through the worker and a reload: slow on a busy machine.
  test.setTimeout(300_000);
  const startedAt = Date.now();
  const question = `¿Cuánto tiempo tengo para decidir? (${Date.now().toString(36)})`;
  let sam: Page | undefined;
  let taskId: string | undefined;
  try {
    // ---- The sign-in page in English first; he starts typing, then switches.
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.getByLabel('E-mail').fill('patient2@harbor.example');
    await page.getByRole('button', { name: 'Español' }).click();
    await expect(page.getByRole('heading', { name: 'Entrar' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es-US');
    await expect(page.getByLabel('Correo electrónico')).toHaveValue('patient2@harbor.example');
    await expect(page.getByRole('button', { name: 'English' })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectNoA11yViolations(page);
    await page.screenshot({ path: testInfo.outputPath('es-sign-in-390.png'), fullPage: true });

    await page.getByLabel('Contraseña', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Entrar', exact: true }).click();

    // ---- His only case opens, in Spanish: where it stands, and what comes next.
    await expect(page).toHaveURL(new RegExp(`/cases/${DAVID_CASE}$`));
    await expect(page.getByRole('heading', { name: 'David Chen', level: 1 })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('heading', { name: 'Cómo van las cosas' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(/^Paso \d+ de \d+: Elegir quién da la segunda opinión$/)).toBeVisible();
    const timeline = page.getByRole('region', { name: 'Calendario' });
    await expect(timeline.getByText('La mayoría de las segundas opiniones toman de 3 a 8 semanas', { exact: false })).toBeVisible();
    // Dates the US Spanish way ("9 dic 2026"), through Intl with es-US.
    await expect(timeline.getByText(/^Fin (esperado|previsto): \d{1,2} [a-zñ]{3,4}\.? \d{4}$/).first()).toBeVisible();
    await expect(page.getByRole('link', { name: /^Avisos, / })).toBeVisible();

    // ---- He adds a question for the doctor.
    const appointments = page.getByRole('region', { name: 'Cita y preguntas' });
    await appointments.getByLabel('Su propia pregunta').fill(question);
    await appointments.getByRole('button', { name: 'Agregar pregunta' }).click();
    await expect(appointments.getByText('Su pregunta se agregó al final de la lista.')).toBeVisible();
    await expect(appointments.getByText(question)).toBeVisible();

    await expectNoSidewaysScroll(page);
    await expectNoA11yViolations(page);
    await page.screenshot({ path: testInfo.outputPath('es-case-390.png'), fullPage: true });

    // ---- A reminder by e-mail, in his language. Sam (his advocate, who reads English) gives him
    // a task due in two days with its reminder today; the reminder's moment is brought to now
    // (support/jobs.ts) and the worker does the rest: the notification, its e-mail job, SMTP.
    const david = (await gql<{ me: { id: string } }>(page, `{ me { id } }`)).me;
    const today = harborDay(0);
    const dueOn = harborDay(2);
    const samContext = await browser.newContext({ baseURL });
    sam = await samContext.newPage();
    await gql(sam, `mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { id } }`, { e: 'advocate@harbor.example', p: DEMO_PASSWORD });
    const task = await gql<{ addCaseTask: { id: string } }>(
      sam,
      `mutation($c: ID!, $a: ID!, $t: String!, $d: String!, $r: String!) { addCaseTask(input: { caseId: $c, assigneeId: $a, title: $t, dueOn: $d, remindOn: $r }) { id } }`,
      { c: DAVID_CASE, a: david.id, t: `Bring your medication list (${Date.now().toString(36)})`, d: dueOn, r: today },
    );
    taskId = task.addCaseTask.id;
    // Outside Harbor's working hours the job waits for the next working morning: 'promoted'; inside them it runs at once: 'due'.
    testInfo.annotations.push({ type: 'reminder', description: await bringDue('reminders', `task-reminder.${taskId}.${today}`) });
    let reminder: SinkMessage | undefined;
    await expect(async () => {
      const caseLink = `${baseURL}/cases/${DAVID_CASE}`;
      reminder = (await mail.all()).find((m) => m.to.includes('patient2@harbor.example') && Date.parse(m.receivedAt) >= startedAt && m.links.includes(caseLink));
      expect(reminder, 'the reminder e-mail to David, with the link to his case').toBeDefined();
    }).toPass({ timeout: 45_000 });
    const email = reminder!;
    await testInfo.attach('reminder-email.txt', { body: `Subject: ${email.subject}\n\n${email.text}`, contentType: 'text/plain' });
    // Spanish from subject to footer: its words, the date as "9 de diciembre de 2026", not one English sentence.
    expect(email.subject).toBe('Se acerca la fecha de una tarea');
    expect(email.text).toMatch(/^Hola:/);
    expect(email.text).toContain('Una tarea de uno de sus casos vence pronto.');
    expect(email.text).toContain(`Fecha límite: ${spanishDay(dueOn)}`);
    expect(email.text).toContain('Abrir el caso en Second Look');
    expect(email.text).toContain('Recibe este mensaje por la configuración de sus notificaciones.');
    expect(email.html).toContain(`<p>Fecha límite: ${spanishDay(dueOn)}</p>`);
    expect(wordsOf(email)).not.toMatch(ENGLISH);
    expect(email.text).not.toMatch(/\b(January|February|March|April|May|June|July|August|September|October|November|December)\b|\d{1,2}\/\d{1,2}\/\d{4}/);
    // Nothing of the task's own text: the e-mail only says that something needs a look.
    expect(email.text).not.toContain('medication');
    // Its link opens his case, in Spanish.
    await page.goto(email.links.find((l) => l.endsWith(`/cases/${DAVID_CASE}`))!);
    await expect(page.getByRole('heading', { name: 'David Chen', level: 1 })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('heading', { name: 'Cómo van las cosas' })).toBeVisible({ timeout: 30_000 });

    // ---- The choice is his now, on the server: a reload (or another device) is still in Spanish.
    expect((await gql<{ me: { language: string } }>(page, `{ me { language } }`)).me.language).toBe('es');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Cómo van las cosas' })).toBeVisible({ timeout: 30_000 });

    // ---- The person menu switches back to English, in place.
    await page.getByRole('button', { name: 'Menú de la cuenta de David Chen' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'Where things stand' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
    await expect.poll(async () => (await gql<{ me: { language: string } }>(page, `{ me { language } }`)).me.language).toBe('en');
  } finally {
    await backToEnglish(page);
    // David's case as seeded for the journeys after this one: without the task.
    if (sam && taskId) await gql(sam, `mutation($id: ID!) { removeCaseTask(id: $id) }`, { id: taskId }).catch(() => undefined);
    await sam?.context().close();
  }
});

test('an advocate in English and a patient in Spanish edit the same case live, each reading the other in their own language', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(240_000);
  const question = `¿Puedo esperar un mes antes de decidir? (${Date.now().toString(36)})`;
  const sam = page;
  await sam.setViewportSize({ width: 1280, height: 800 });
  await signIn(sam, 'advocate@harbor.example');

  // David's browser asks for Spanish (Accept-Language, navigator.languages): the signed-out
  // page is Spanish before he chooses anything.
  const context = await browser.newContext({ baseURL, locale: 'es-US', viewport: { width: 1280, height: 800 } });
  const david = await context.newPage();
  try {
    await david.goto('/sign-in');
    await expect(david.getByRole('heading', { name: 'Entrar' })).toBeVisible();
    await david.getByLabel('Correo electrónico').fill('patient2@harbor.example');
    await david.getByLabel('Contraseña', { exact: true }).fill(DEMO_PASSWORD);
    await david.getByRole('button', { name: 'Entrar', exact: true }).click();
    await expect(david).toHaveURL(new RegExp(`/cases/${DAVID_CASE}$`));
    await expect(david.getByRole('heading', { name: 'Cómo van las cosas' })).toBeVisible({ timeout: 30_000 });

    await sam.goto(`/cases/${DAVID_CASE}`);
    await expect(sam.getByRole('heading', { name: 'Where things stand' })).toBeVisible({ timeout: 30_000 });
    await expect(sam.getByText('Live', { exact: true }).first()).toBeVisible({ timeout: 15_000 });
    await expect(david.getByText('En vivo', { exact: true }).first()).toBeVisible({ timeout: 15_000 });

    // ---- Sam notes that David prefers Spanish; David's open page shows it at once, in Spanish.
    await choose(sam, 'Preferred language', 'Spanish');
    await expect(sam.getByText('Prefers Spanish')).toBeVisible();
    await expect(david.getByLabel('Idioma preferido').first()).toHaveValue('español', { timeout: 15_000 });
    const davidActivity = david.getByRole('region', { name: 'Actividad' });
    await expect(davidActivity.getByText('Sam Rivera cambió el idioma preferido').first()).toBeVisible({ timeout: 15_000 });

    // ---- David adds a question in Spanish; Sam reads it live, the sentence about it in English.
    const davidQuestions = david.getByRole('region', { name: 'Cita y preguntas' });
    await davidQuestions.getByLabel('Su propia pregunta').fill(question);
    await davidQuestions.getByRole('button', { name: 'Agregar pregunta' }).click();
    await expect(davidQuestions.getByText(question)).toBeVisible({ timeout: 15_000 });
    await expect(sam.getByRole('region', { name: 'Appointment and questions' }).getByText(question)).toBeVisible({ timeout: 15_000 });
    await expect(sam.getByRole('region', { name: 'Activity' }).getByText('David Chen added a question').first()).toBeVisible({ timeout: 15_000 });
    await expectNoA11yViolations(david);
    await david.screenshot({ path: testInfo.outputPath('es-case-1280.png'), fullPage: true });
  } finally {
    await backToEnglish(david);
    const v = await gql<{ case: { version: number } }>(sam, `query($id: ID!) { case(id: $id) { version } }`, { id: DAVID_CASE }).catch(() => null);
    if (v)
      await gql(sam, `mutation($id: ID!, $v: Int!) { updateCase(input: { id: $id, expectedVersion: $v, preferredLanguage: en }) { id } }`, { id: DAVID_CASE, v: v.case.version }).catch(
        () => undefined,
      );
    await context.close();
  }
});
