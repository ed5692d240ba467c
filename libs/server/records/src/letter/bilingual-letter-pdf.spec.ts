import {
  calendarDate,
  draftFollowUpLetter,
  draftRecordRequestLetter,
  FollowUpLetterInput,
  Language,
  LETTER_WORDS,
  PacketItemKind,
  RecordDeliveryMethod,
  RecordRequestLetterInput,
} from '@second-look/domain';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { renderLetterPdf } from './letter-pdf';
import { pdfText } from './pdf-text.testing';

/*
 * Every PDF in both languages, read back out of the rendered file (not the source text): the
 * right language, the patient's name and the law intact, and every Spanish letter the font must
 * carry (á é í ó ú ü ñ ¿ ¡) present, not replaced by "?" or stripped of its accent.
 */
const request: RecordRequestLetterInput = {
  patientName: 'María José Núñez Güell',
  patientEmail: 'maria.jose@example.org',
  holder: { name: 'Lakeside Medical Center', department: 'Health Information Management', address: '100 Shore Road\nChicago, IL 60601' },
  items: [{ kind: PacketItemKind.IMAGING_DISC }, { kind: PacketItemKind.PATHOLOGY_SLIDES }, { kind: PacketItemKind.LABS }],
  deliveryMethod: RecordDeliveryMethod.EMAIL,
  deliverTo: 'maria.jose@example.org',
  date: calendarDate(2026, 11, 22),
  organizationName: 'Harbor Patient Advocates',
  advocateName: 'Sam Rivera',
};
const followUp = (language: Language): FollowUpLetterInput => ({ ...request, language, date: calendarDate(2026, 12, 7), sentOn: calendarDate(2026, 11, 2), legalDueOn: calendarDate(2026, 12, 2) });

const letters = {
  request: (language: Language) => ({ letter: draftRecordRequestLetter({ ...request, language }), title: LETTER_WORDS[language].request.documentTitle(request.patientName) }),
  followUp: (language: Language) => ({ letter: draftFollowUpLetter(followUp(language)), title: LETTER_WORDS[language].followUp.documentTitle(request.patientName) }),
};

async function rendered(kind: keyof typeof letters, language: Language): Promise<{ text: string; doc: PDFDocument }> {
  const { letter, title } = letters[kind](language);
  const pdf = await renderLetterPdf({ title: letter.subject, paragraphs: letter.paragraphs }, { documentTitle: title, language });
  // Lines are wrapped in the PDF: read it back as one run of words.
  return { text: (await pdfText(pdf)).replace(/\s+/g, ' '), doc: await PDFDocument.load(pdf) };
}

/** The document's declared language (/Lang in the catalog), which screen readers use. */
const langOf = (doc: PDFDocument): string | undefined => (doc.catalog.lookup(PDFName.of('Lang')) as PDFString | PDFHexString | undefined)?.decodeText();

const ENGLISH_WORDS = ['Dear records team,', 'Sincerely,', 'Please send', 'right of access under HIPAA', 'Date of birth'];
const SPANISH_WORDS = ['Estimado equipo de expedientes médicos:', 'Atentamente,', 'Por favor, envíen', 'derecho de acceso según la ley HIPAA', 'Fecha de nacimiento'];

describe.each(['request', 'followUp'] as const)('the %s letter PDF in both languages', (kind) => {
  it('in English: English words, the patient’s name with its accents, the law', async () => {
    const { text, doc } = await rendered(kind, 'en');
    expect(text).toContain('María José Núñez Güell');
    for (const w of ENGLISH_WORDS.filter((w) => kind === 'request' || w !== 'Please send')) expect(text).toContain(w);
    expect(text).not.toMatch(/Estimado|Atentamente|expediente/);
    expect(langOf(doc)).toBe('en-US');
  });

  it('in Spanish: Spanish words, every Spanish letter intact, the patient’s name and the law', async () => {
    const { text, doc } = await rendered(kind, 'es');
    expect(text).toContain('María José Núñez Güell');
    for (const w of SPANISH_WORDS.filter((w) => kind === 'request' || !w.startsWith('Por favor'))) expect(text).toContain(w);
    expect(text).toContain(kind === 'request' ? '22 de noviembre de 2026' : '7 de diciembre de 2026');
    for (const ch of ['á', 'é', 'í', 'ó', 'ú', 'ü', 'ñ']) expect(text).toContain(ch);
    expect(text).not.toContain('?');
    expect(text).not.toMatch(/\b(Dear|Sincerely|Please|the)\b/);
    expect(langOf(doc)).toBe('es-US');
    expect(doc.getTitle()).toBe(letters[kind]('es').title);
  });
});

describe('the font carries Spanish punctuation and every accented letter', () => {
  it('¿ ¡ á é í ó ú ü ñ Á É Í Ó Ú Ü Ñ come back out of the PDF as written', async () => {
    const line = '¿Cuándo estará listo? ¡Gracias! á é í ó ú ü ñ Á É Í Ó Ú Ü Ñ';
    const text = await pdfText(await renderLetterPdf({ paragraphs: [line] }, { documentTitle: 'x', language: 'es' }));
    expect(text).toBe(line);
  });

  it('a letter over a page numbers its pages in its language', async () => {
    const long = Array.from({ length: 80 }, () => 'Una oración larga de una carta que necesita más de una página.').join(' ');
    const text = await pdfText(await renderLetterPdf({ paragraphs: [long, long] }, { documentTitle: 'x', language: 'es' }));
    expect(text).toMatch(/Página 1 de \d/);
    expect(text).not.toMatch(/Page \d/);
  });
});
