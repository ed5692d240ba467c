import { composeVisitPacket, Language, VISIT_PACKET_WORDS, VisitPacketInput } from '@second-look/domain';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { fullCaseInput } from './testing/full-case.testing';
import { flatText, readPdf, ReadPdf } from './testing/read-pdf.testing';
import { renderVisitPacketPdf } from './visit-packet-pdf';

/*
 * The packet parsed back by pdfjs-dist (not by the library that wrote it): what a viewer, a
 * screen reader or a search finds in it.
 */
jest.setTimeout(30_000);

async function rendered(input: VisitPacketInput): Promise<{ read: ReadPdf; text: string; bytes: Buffer }> {
  const bytes = await renderVisitPacketPdf(composeVisitPacket(input), { author: input.organizationName });
  if (process.env.VISIT_PACKET_OUT) {
    mkdirSync(process.env.VISIT_PACKET_OUT, { recursive: true });
    writeFileSync(join(process.env.VISIT_PACKET_OUT, `packet-${input.language}-${input.questions.length}.pdf`), bytes);
  }
  const read = await readPdf(bytes);
  return { read, text: flatText(read), bytes };
}

describe.each(['en', 'es'] as Language[])('the visit packet of a full case, in %s', (language) => {
  const w = VISIT_PACKET_WORDS[language];
  let out: Awaited<ReturnType<typeof rendered>>;
  beforeAll(async () => {
    out = await rendered(fullCaseInput(language));
  });

  it('fits on two pages at most, with 12 questions and 8 packet items', () => {
    expect(out.read.numPages).toBeGreaterThanOrEqual(1);
    expect(out.read.numPages).toBeLessThanOrEqual(2);
  });

  it('has every section, in reading order', () => {
    const headings = [w.patient.heading, w.appointment.heading, w.question.heading, w.insurance.heading, w.timeline.heading, w.checklist.heading, w.questions.heading];
    const lines = out.read.pages
      .join('\n')
      .split('\n')
      .map((l) => l.trim());
    const at = headings.map((h) => lines.indexOf(h));
    for (const [i, h] of headings.entries()) expect([h, at[i]]).not.toEqual([h, -1]);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('carries the case as written: the patient, the question, the visit, the plan, the records, every question in order', () => {
    const t = out.text;
    expect(t).toContain('María José Núñez Güell');
    expect(t).toContain('Dr. Priya Raman, Northwestern Breast Center');
    expect(t).toContain('Breast surgical oncology');
    expect(t).toContain('675 N St Clair St');
    expect(t).toContain('PA-778812');
    expect(t).toContain('REF-20261124-0042');
    expect(t).toContain('Left mastectomy within four weeks');
    // 9:30 AM in Chicago (CST) for 15:30 UTC: the organization's time zone, not the server's.
    expect(t).toMatch(language === 'es' ? /martes, 8 de diciembre de 2026, 9:30\s*a\.\s*m\.\s*CST/ : /Tuesday, December 8, 2026(,| at) 9:30\s*AM CST/);
    const questions = fullCaseInput(language).questions;
    const positions = questions.map((q) => t.indexOf(q.slice(0, 30)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(t).toContain(`12. ${questions[11].slice(0, 20)}`);
    // Packet items with their dates.
    expect(t).toContain(language === 'es' ? 'Enviado al proveedor el 12 de noviembre de 2026' : 'Sent to the provider November 12, 2026');
    expect(t).toContain(language === 'es' ? 'Falta: todavía no se pidió' : 'Missing: not asked for yet');
  });

  it('is real text in the patient’s language, with its title, language and author declared', () => {
    expect(out.read.info['Title']).toBe(w.documentTitle('María José Núñez Güell'));
    expect(out.read.info['Language']).toBe(language === 'es' ? 'es-US' : 'en-US');
    expect(out.read.info['Author']).toBe('Harbor Patient Advocates');
    expect(out.text).not.toContain('?'.repeat(2));
    if (language === 'es') {
      for (const ch of ['á', 'é', 'í', 'ó', 'ú', 'ñ', '¿']) expect(out.text).toContain(ch);
      expect(out.text).toContain('¿Está de acuerdo con el diagnóstico?');
      expect(out.text).not.toMatch(/\b(Insurance|My questions|Date of birth|Preferred language)\b/);
    } else {
      expect(out.text).not.toMatch(/Paciente|Seguro|preguntas/);
    }
  });

  it('embeds its font as a subset, so the file stays small', async () => {
    expect(out.bytes.length).toBeLessThan(120_000);
    const doc = await PDFDocument.load(out.bytes);
    const embedded = doc.context.enumerateIndirectObjects().filter(([, o]) => o instanceof PDFDict && o.has(PDFName.of('FontFile2')));
    expect(embedded).toHaveLength(2);
  });
});

describe('a case with parts still missing', () => {
  it('says plainly what is missing instead of failing', async () => {
    const bare: VisitPacketInput = { ...fullCaseInput('en'), appointment: null, insurance: null, timeline: [], packet: [], questions: [], currentOpinion: null, triggers: [], question: '' };
    const { read, text } = await rendered(bare);
    expect(read.numPages).toBe(1);
    const w = VISIT_PACKET_WORDS.en;
    for (const s of [w.appointment.none, w.insurance.none, w.timeline.none, w.checklist.none, w.questions.none, w.question.noPlan]) expect(text).toContain(s);
    expect(text).toContain('Invasive ductal carcinoma, left breast, stage IIA');
  });

  it('a plan not yet checked with the insurer, a cancelled video visit', async () => {
    const base = fullCaseInput('es');
    const input: VisitPacketInput = {
      ...base,
      insurance: { ...base.insurance!, latestCall: null },
      appointment: {
        ...base.appointment!,
        mode: 'VIDEO' as VisitPacketInput['appointment'] extends infer A ? (A extends { mode: infer M } ? M : never) : never,
        videoLink: 'https://video.example.org/visit/42',
        place: '',
        cancelled: true,
      },
    };
    const { text } = await rendered(input);
    expect(text).toContain(VISIT_PACKET_WORDS.es.insurance.notChecked);
    expect(text).toContain('https://video.example.org/visit/42');
    expect(text).toContain(VISIT_PACKET_WORDS.es.appointment.cancelled);
  });

  it('a long list of questions runs on with numbered pages instead of dropping any', async () => {
    const { read, text } = await rendered(fullCaseInput('en', { questions: 40 }));
    expect(read.numPages).toBeGreaterThan(2);
    expect(text).toContain('40. ');
    expect(text).toContain(`Page 1 of ${read.numPages}`);
  });
});
