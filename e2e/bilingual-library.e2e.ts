// The patient library and the letters in a language picked apart from the screens', through a
// real browser: Maria reads the doctor scripts in Spanish (on a desktop and a phone) and takes the Spanish
// words, then switches them back to English for an English-speaking doctor; the advocate shows
// a case's suggested questions in Spanish, and sends a record request whose letter is in
// Spanish, read back out of the downloaded PDF, then changes the request's letters to English.
import type { Locator, Page } from '@playwright/test';
import { pdfText } from '../libs/server/records/src/letter/pdf-text.testing';
import { expectNoA11yViolations } from './support/a11y';
import { expect as baseExpect, test } from './support/fixtures';
import { addPacketItem, choose, signIn } from './support/ui';

const MARIA = '0c000000-0000-4000-8000-000000000001';
const expect = baseExpect.configure({ timeout: 30_000 });
const region = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });
/** Picks a language in a LanguageChoice (a radio group named `label`). */
const pickLanguage = async (scope: Locator, label: string, language: 'English' | 'Español') => {
  await scope.getByRole('radiogroup', { name: label }).getByText(language, { exact: true }).click();
};

async function graphql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await page.request.post('/graphql', { data: { query, variables }, headers: { 'content-type': 'application/json' } });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

test('a patient reads the doctor scripts in Spanish, takes the words, and can show them in English for her doctor @phone', async ({ page }) => {
  test.setTimeout(240_000); // a phone, axe, on a shared and busy machine
  await signIn(page, 'patient@harbor.example');
  await page.goto(`/cases/${MARIA}`);
  const talk = region(page, 'Talking to your doctor');
  await expect(talk.getByRole('heading', { name: 'Talking to your doctor' })).toBeVisible();
  await talk.getByRole('radiogroup', { name: 'Which sounds most like your situation?' }).getByLabel('I get along well with my doctor').check();
  await expect(talk.getByRole('article', { name: 'A second opinion, with a doctor you trust' })).toBeVisible();

  await pickLanguage(talk, 'Show the words in', 'Español');
  const spanish = talk.getByRole('article', { name: 'Pedir una segunda opinión a un médico de confianza' });
  await expect(spanish).toBeVisible();
  await expect(spanish).toHaveAttribute('lang', 'es');
  await expect(spanish).toContainText('¿Me podría recomendar a alguien y ayudarme a enviarle mi expediente médico?');
  await spanish.getByRole('button', { name: 'Use these words: "Pedir una segunda opinión a un médico de confianza"' }).click();
  await expect(talk.getByLabel('Your words')).toHaveValue(/^Le agradezco mucho cómo me ha atendido\./);
  await expectNoA11yViolations(page);
  // Spanish runs longer than English: nothing may push the page sideways (the phone project is 390 px wide).
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // For an English-speaking doctor: the same script in English, whatever she reads the screens in.
  await pickLanguage(talk, 'Show the words in', 'English');
  await expect(talk.getByRole('article', { name: 'A second opinion, with a doctor you trust' })).toHaveAttribute('lang', 'en');
  await expect(talk.getByRole('article', { name: 'Pedir una segunda opinión a un médico de confianza' })).toHaveCount(0);
});

test('the advocate shows the suggested questions in Spanish and sends a records request with a Spanish letter', async ({ page }) => {
  test.setTimeout(240_000);
  const run = Date.now().toString(36);
  await signIn(page, 'advocate@harbor.example');
  // A case of this test's own, with the suggested questions (other journeys reword Maria's).
  const created = await graphql<{ createCase: { id: string } }>(
    page,
    `
      mutation ($name: String!) {
        createCase(input: { patientName: $name, question: "¿Necesito la cirugía?", diagnosisInDoubt: "Nódulo tiroideo", triggers: [UNCERTAIN_DIAGNOSIS], urgency: ROUTINE }) {
          id
        }
      }
    `,
    { name: `Lucía Núñez ${run}` },
  );
  const caseId = created.createCase.id;
  await graphql(
    page,
    `
      mutation ($c: ID!) {
        addStarterQuestions(caseId: $c) {
          id
        }
      }
    `,
    { c: caseId },
  );
  await page.goto(`/cases/${caseId}`);

  const questions = region(page, 'Questions to ask');
  await expect(questions.getByText('What else could be causing this?')).toBeVisible();
  await pickLanguage(questions, 'Show the suggested questions in', 'Español');
  await expect(questions.getByText('¿Qué otra cosa podría estar causando esto?')).toBeVisible();
  await expect(questions.getByText('¿Qué haría usted si estuviera en mi lugar?')).toHaveAttribute('lang', 'es');
  await expect(questions.getByText('What else could be causing this?')).toHaveCount(0);
  await pickLanguage(questions, 'Show the suggested questions in', 'English');
  await expect(questions.getByText('What else could be causing this?')).toBeVisible();

  // A request whose letter staff set to Spanish: the draft is written in Spanish, and so is the PDF.
  const holder = `Clínica del Lago ${run}`;
  await addPacketItem(page, 'Lab results', `Análisis ${run}`);
  const requests = region(page, 'Record requests');
  await requests.getByRole('button', { name: 'New request' }).click();
  await requests.getByRole('button', { name: /Add a new record holder/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a record holder' });
  await dialog.getByLabel('Name', { exact: true }).fill(holder);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await requests.getByRole('checkbox', { name: `Lab results: Análisis ${run}` }).check();
  await choose(page, 'How it is sent', 'Fax');
  const letter = requests.getByRole('textbox', { name: 'Letter' });
  await expect(letter).toHaveValue(/Dear records team,/);
  await pickLanguage(requests, 'Language of the letter', 'Español');
  await expect(letter).toHaveValue(/Estimado equipo de expedientes médicos:/);
  await expect(letter).toHaveValue(/derecho de acceso según la ley HIPAA/);
  await expect(letter).toHaveValue(new RegExp(`Paciente: Lucía Núñez ${run}`));
  await expectNoA11yViolations(page);
  await requests.getByRole('button', { name: 'Send request' }).click();
  await expect(requests.getByText(`The request to ${holder} is saved.`)).toBeVisible();

  const card = requests.getByRole('article', { name: `Request to ${holder}` });
  const pdf = await page.request.get((await card.getByRole('link', { name: 'Download the letter (PDF)' }).getAttribute('href')) ?? '');
  expect(pdf.status()).toBe(200);
  const text = (await pdfText(await pdf.body())).replace(/\s+/g, ' ');
  expect(text).toContain(`Solicitud de copias de mi expediente médico: Lucía Núñez ${run}`);
  expect(text).toContain('Estimado equipo de expedientes médicos:');
  expect(text).toContain('derecho de acceso según la ley HIPAA');
  expect(text).toContain('Atentamente,');
  expect(text).not.toContain('Dear records team');

  // The holder answers in English after all: staff change the letters' language on the request.
  await expect(card.getByTestId('letter-language')).toHaveText('Letters in Español');
  const change = card.getByRole('button', { name: `Change the language of the letters to ${holder}` });
  await change.click();
  const changeDialog = page.getByRole('dialog', { name: `Change the language of the letters to ${holder}` });
  await pickLanguage(changeDialog, 'Language of the letter', 'English');
  await changeDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(changeDialog).toBeHidden();
  // A closed dialog forgets: opened again, it shows what is saved, not what was picked and canceled.
  await change.click();
  await expect(changeDialog.getByRole('radio', { name: 'Español' })).toBeChecked();
  await pickLanguage(changeDialog, 'Language of the letter', 'English');
  await changeDialog.getByRole('button', { name: 'Save' }).click();
  await expect(changeDialog).toBeHidden();
  await expect(card.getByRole('status')).toHaveText('The language of the letters was changed.');
  await expect(card.getByTestId('letter-language')).toHaveText('Letters in English');
  const again = await page.request.get((await card.getByRole('link', { name: 'Download the letter (PDF)' }).getAttribute('href')) ?? '');
  expect(again.status()).toBe(200);
  const english = (await pdfText(await again.body())).replace(/\s+/g, ' ');
  expect(english).toContain('Dear records team');
  expect(english).toContain(`Lucía Núñez ${run}`);
  expect(english).not.toContain('Estimado equipo de expedientes médicos:');
});
