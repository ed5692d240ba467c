import { calendarDate, CalendarDate } from '../dates/calendar-date';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { PacketItemKind } from './packet';
import { ClockStatus } from './record-request-clock';
import {
  assertFollowUpLetterDue,
  draftFollowUpLetter,
  draftRecordRequestLetter,
  FollowUpLetterInput,
  formatLetterDate,
  letterParagraphs,
  letterToText,
  RecordDeliveryMethod,
  RecordRequestLetterInput,
} from './request-letter';

const base: RecordRequestLetterInput = {
  patientName: 'Maria Lopez',
  patientEmail: 'maria@example.org',
  holder: { name: 'Lakeside Medical Center', department: 'Health Information Management', address: '100 Shore Road\nChicago, IL 60601' },
  items: [{ kind: PacketItemKind.CLINIC_NOTES, title: 'Breast surgery consult, October' }, { kind: PacketItemKind.LABS }],
  deliveryMethod: RecordDeliveryMethod.EMAIL,
  deliverTo: 'maria@example.org',
  date: calendarDate(2026, 11, 22),
  organizationName: 'Harbor Patient Advocates',
  advocateName: 'Sam Rivera',
};

/** Each way of delivery, with where to, and the words the letter must then say. */
const DELIVERIES: [RecordDeliveryMethod, string | null, RegExp][] = [
  [RecordDeliveryMethod.EMAIL, 'maria@example.org', /by email to maria@example\.org\. Regular \(unencrypted\) email is fine/],
  [RecordDeliveryMethod.PORTAL, null, /through my patient portal/],
  [RecordDeliveryMethod.MAIL, '12 Elm St\nEvanston, IL 60201', /mail the copies to:\n12 Elm St\nEvanston, IL 60201/],
  [RecordDeliveryMethod.MAIL, null, /home address you have on file/],
  [RecordDeliveryMethod.FAX, '(312) 555-0188', /fax the copies to \(312\) 555-0188\./],
  [RecordDeliveryMethod.PICKUP, null, /collect them in person/],
];

const text = (input: RecordRequestLetterInput): string => draftRecordRequestLetter(input).paragraphs.join('\n\n');

describe('record request letter', () => {
  it('is dated, addressed, and names the patient in the subject and the signature', () => {
    const letter = draftRecordRequestLetter(base);
    expect(letter.subject).toBe('Request for copies of my medical records: Maria Lopez');
    expect(letter.paragraphs[0]).toBe('November 22, 2026');
    expect(letter.paragraphs[1]).toBe('Lakeside Medical Center\nHealth Information Management\n100 Shore Road\nChicago, IL 60601');
    expect(letter.paragraphs[2]).toContain('Patient: Maria Lopez');
    expect(letter.paragraphs[letter.paragraphs.length - 1]).toMatch(/Maria Lopez$/);
  });

  it('asks in the first person under the right of access, with the 30 days and a cost-based fee', () => {
    const t = text(base);
    expect(t).toMatch(/I am writing to ask for copies of my medical records/);
    expect(t).toMatch(/right of access under HIPAA/);
    expect(t).toMatch(/30 days/);
    expect(t).toMatch(/reasonable and based on the cost/);
    expect(t).toMatch(/Sam Rivera at Harbor Patient Advocates/);
    // Plain words, not a legal brief.
    expect(t).not.toMatch(/pursuant|hereby|heretofore|aforementioned|45 C\.?F\.?R/i);
  });

  it('lists each item in words a records office acts on, with its title', () => {
    const t = text({ ...base, items: [...base.items, { kind: PacketItemKind.IMAGING_DISC, title: 'MRI breast' }, { kind: PacketItemKind.OTHER, title: 'Genetic test report' }] });
    expect(t).toContain('\u2022 Clinic and visit notes, including my diagnosis and the proposed treatment plan (Breast surgery consult, October)');
    expect(t).toContain('\u2022 Laboratory test results');
    expect(t).toMatch(/the images themselves in DICOM format.*\(MRI breast\)/);
    expect(t).toContain('\u2022 Genetic test report');
  });

  it('never asks a holder for the patient’s own timeline; with nothing else it asks for a complete copy', () => {
    const t = text({ ...base, items: [{ kind: PacketItemKind.OWN_TIMELINE, title: 'My story' }] });
    expect(t).not.toContain('My story');
    expect(t).toContain('a complete copy of my medical records');
  });

  it('leaves a blank for the date of birth when it is not known, and prints it when it is', () => {
    expect(text(base)).toContain('Date of birth: ____');
    expect(text({ ...base, patientDateOfBirth: calendarDate(1971, 3, 2) })).toContain('Date of birth: March 2, 1971');
  });

  it.each(DELIVERIES)('says where to send the copies: %s', (deliveryMethod, deliverTo, expected) => {
    expect(text({ ...base, deliveryMethod, deliverTo })).toMatch(expected);
  });

  it('falls back to the patient’s e-mail when e-mail delivery has no address of its own', () => {
    expect(text({ ...base, deliverTo: null })).toMatch(/by email to maria@example\.org/);
  });

  it('asks how to collect slides and discs when the rest goes electronically', () => {
    const slides = text({ ...base, items: [{ kind: PacketItemKind.PATHOLOGY_SLIDES }] });
    expect(slides).toMatch(/For the slides, please let me know when and where I can collect them/);
    const both = text({ ...base, items: [{ kind: PacketItemKind.PATHOLOGY_SLIDES }, { kind: PacketItemKind.IMAGING_DISC }] });
    expect(both).toMatch(/For the slides, and the images if they cannot be shared electronically/);
    expect(text({ ...base, deliveryMethod: RecordDeliveryMethod.MAIL, items: [{ kind: PacketItemKind.PATHOLOGY_SLIDES }] })).not.toMatch(/collect them/);
  });

  it('names only the organization when no advocate is assigned', () => {
    expect(text({ ...base, advocateName: null })).toMatch(/Harbor Patient Advocates, a patient advocacy organization, is helping me/);
  });

  it('refuses to draft without a patient or holder name', () => {
    expect(() => draftRecordRequestLetter({ ...base, patientName: '  ' })).toThrow(DomainError);
    expect(() => draftRecordRequestLetter({ ...base, holder: { name: '' } })).toThrow(DomainError);
  });

  it('round-trips through its editable text', () => {
    const letter = draftRecordRequestLetter(base);
    expect(letterParagraphs(letterToText(letter))).toEqual([letter.subject, ...letter.paragraphs]);
    expect(letterParagraphs('One\r\n\r\nTwo\nlines\n \n\n\nThree\n')).toEqual(['One', 'Two\nlines', 'Three']);
  });

  it('formats US dates', () => {
    expect(formatLetterDate(calendarDate(2027, 1, 5))).toBe('January 5, 2027');
  });
});

describe('follow-up letter past the legal response date', () => {
  const followUp: FollowUpLetterInput = {
    ...base,
    sentOn: calendarDate(2026, 11, 2),
    legalDueOn: calendarDate(2026, 12, 2),
    date: calendarDate(2026, 12, 7),
  };
  const fu = (input: Partial<FollowUpLetterInput> = {}): string => draftFollowUpLetter({ ...followUp, ...input }).paragraphs.join('\n\n');
  const refusal = (input: Partial<FollowUpLetterInput>): DomainError => {
    try {
      draftFollowUpLetter({ ...followUp, ...input });
    } catch (e) {
      if (e instanceof DomainError) return e;
      throw e;
    }
    throw new Error('expected a refusal');
  };

  it('is dated today, addressed like the first letter, and names the first request in the subject', () => {
    const letter = draftFollowUpLetter(followUp);
    const first = draftRecordRequestLetter(base);
    expect(letter.subject).toBe('Follow-up to my request of November 2, 2026 for copies of my medical records: Maria Lopez');
    expect(letter.paragraphs[0]).toBe('December 7, 2026');
    expect(letter.paragraphs[1]).toBe(first.paragraphs[1]);
    expect(letter.paragraphs[2]).toBe(`${first.paragraphs[2]}\nFirst request sent: November 2, 2026`);
    expect(letter.paragraphs[3]).toBe('Dear records team,');
  });

  it('cites the date sent, the 30 days and the date that passed, then asks without further delay', () => {
    const t = fu();
    expect(t).toContain(
      'On November 2, 2026, I asked your office for copies of my medical records, using my right of access under HIPAA. The law gives you 30 days to respond. That date, December 2, 2026, has now passed, and I have not received my records or a written response from you.',
    );
    expect(t).toMatch(/Please send copies of the following without further delay:\n\u2022 Clinic and visit notes/);
    expect(t).toMatch(/please tell me so in writing, with the reason/);
    expect(t).toMatch(/Office for Civil Rights at the U\.S\. Department of Health and Human Services/);
    expect(t).not.toMatch(/extended/);
    // Firm, not a legal brief, and nothing from the first letter's polite "sooner if you can".
    expect(t).not.toMatch(/pursuant|hereby|heretofore|aforementioned|45 C\.?F\.?R|sooner/i);
  });

  it('with a recorded extension, names the original and the extended date and the holder’s reason', () => {
    const t = fu({ legalDueOn: calendarDate(2027, 1, 1), date: calendarDate(2027, 1, 4), extension: { originalDueOn: calendarDate(2026, 12, 2), reason: '  Archive is\noff site. ' } });
    expect(t).toContain(
      'The law gives you 30 days to respond, and you extended that once, from December 2, 2026 to January 1, 2027, giving this reason: “Archive is off site.” That extended date has now passed, and I have not received',
    );
    expect(t).not.toContain('That date, December 2, 2026');
    expect(fu({ legalDueOn: calendarDate(2027, 1, 1), date: calendarDate(2027, 1, 4), extension: { originalDueOn: calendarDate(2026, 12, 2), reason: 'Archive is off site' } })).toContain(
      'giving this reason: “Archive is off site.” That extended date',
    );
    expect(
      draftFollowUpLetter({ ...followUp, legalDueOn: calendarDate(2027, 1, 1), date: calendarDate(2027, 1, 4), extension: { originalDueOn: calendarDate(2026, 12, 2), reason: null } }).paragraphs[4],
    ).toContain('you extended that once, from December 2, 2026 to January 1, 2027. That extended date has now passed');
  });

  it('says when the holder received it, if that is known and differs from the date sent', () => {
    expect(fu({ holderReceivedOn: calendarDate(2026, 11, 4), legalDueOn: calendarDate(2026, 12, 4) })).toContain(
      'under HIPAA. Your office received it on November 4, 2026. The law gives you 30 days to respond. That date, December 4, 2026, has now passed',
    );
    expect(fu({ holderReceivedOn: calendarDate(2026, 11, 2) })).not.toContain('Your office received it');
  });

  it('asks again only for what is outstanding, and thanks them for what came', () => {
    const items = [
      { kind: PacketItemKind.CLINIC_NOTES, title: 'Consult', answered: true },
      { kind: PacketItemKind.LABS },
      { kind: PacketItemKind.PATHOLOGY_SLIDES, answered: false },
      { kind: PacketItemKind.OTHER, title: 'Genetic test report' },
    ];
    const t = fu({ items });
    expect(t).toContain('part of my request is still unanswered. Thank you for what you have already sent.');
    expect(t).toContain('Please send the records that are still outstanding without further delay:\n\u2022 Laboratory test results\n\u2022 Pathology slides');
    expect(t).toContain('\u2022 Genetic test report');
    expect(t).not.toContain('Consult');
    // Slides outstanding, sent by e-mail: how to collect them is asked again.
    expect(t).toMatch(/For the slides, please let me know when and where I can collect them/);
    expect(fu({ items: [{ kind: PacketItemKind.PATHOLOGY_SLIDES, answered: true }, { kind: PacketItemKind.LABS }] })).not.toMatch(/collect them/);
  });

  it('never asks for the patient’s own timeline; with nothing else listed it asks for a complete copy', () => {
    expect(fu({ items: [{ kind: PacketItemKind.OWN_TIMELINE, title: 'My story' }] })).toContain('Please send a complete copy of my medical records held by your office without further delay.');
    expect(fu({ items: [] })).toContain('a complete copy of my medical records');
    expect(fu({ items: [] })).toContain('I have not received my records');
  });

  it.each(DELIVERIES)('repeats where to send the copies, word for word as the first letter: %s', (deliveryMethod, deliverTo, expected) => {
    const first = draftRecordRequestLetter({ ...base, deliveryMethod, deliverTo });
    const letter = draftFollowUpLetter({ ...followUp, deliveryMethod, deliverTo });
    const delivery = letter.paragraphs.find((p) => expected.test(p));
    expect(delivery).toBeDefined();
    expect(first.paragraphs).toContain(delivery);
  });

  it('is signed by the patient and countersigned by the advocate, or by the organization', () => {
    const letter = draftFollowUpLetter(followUp);
    expect(letter.paragraphs.slice(-3)).toEqual([
      'Sincerely,',
      '______________________________\nMaria Lopez',
      '______________________________\nSam Rivera\nPatient advocate, Harbor Patient Advocates',
    ]);
    expect(fu()).toContain(
      'Sam Rivera at Harbor Patient Advocates, a patient advocacy organization, is helping me gather my records. If anything about this request is unclear, please contact me at maria@example.org.',
    );
    const noAdvocate = draftFollowUpLetter({ ...followUp, advocateName: '  ' });
    expect(noAdvocate.paragraphs[noAdvocate.paragraphs.length - 1]).toBe('______________________________\nFor Harbor Patient Advocates');
    expect(noAdvocate.paragraphs.join('\n')).toContain('Harbor Patient Advocates, a patient advocacy organization, is helping me');
  });

  it('copes with the optional fields missing: no e-mail, no date of birth, no department or address', () => {
    const letter = draftFollowUpLetter({
      ...followUp,
      patientEmail: null,
      deliverTo: null,
      deliveryMethod: RecordDeliveryMethod.EMAIL,
      holder: { name: 'Lakeside Medical Center' },
      advocateName: null,
      holderReceivedOn: null,
      extension: null,
    });
    const t = letter.paragraphs.join('\n\n');
    expect(letter.paragraphs[1]).toBe('Lakeside Medical Center');
    expect(letter.paragraphs[2]).toBe('Patient: Maria Lopez\nDate of birth: ____________________\nFirst request sent: November 2, 2026');
    expect(t).toContain('I will confirm the address when you contact me');
    expect(t).toContain('If anything about this request is unclear, please contact me.');
    expect(t).not.toMatch(/undefined|null/);
    expect(draftFollowUpLetter({ ...followUp, patientDateOfBirth: calendarDate(1971, 3, 2) }).paragraphs[2]).toContain('Date of birth: March 2, 1971');
  });

  it('formats every date as on a US letter, across months and years', () => {
    const t = fu({ sentOn: calendarDate(2026, 12, 31), legalDueOn: calendarDate(2027, 1, 30), date: calendarDate(2027, 2, 1) });
    expect(t.startsWith('February 1, 2027')).toBe(true);
    expect(t).toContain('On December 31, 2026, I asked');
    expect(t).toContain('That date, January 30, 2027, has now passed');
    expect(t).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('refuses before the legal date has passed (the due day itself belongs to the holder), and with nothing outstanding', () => {
    expect(refusal({ date: calendarDate(2026, 12, 2) }).code).toBe(DomainErrorCode.NOT_OVERDUE);
    expect(refusal({ date: calendarDate(2026, 11, 20) }).details).toEqual({ legalDueOn: '2026-12-02' });
    expect(fu({ date: calendarDate(2026, 12, 3) })).toContain('December 3, 2026');
    expect(refusal({ items: [{ kind: PacketItemKind.LABS, answered: true }] }).code).toBe(DomainErrorCode.NOT_OVERDUE);
    expect(refusal({ legalDueOn: calendarDate(2026, 11, 1) }).code).toBe(DomainErrorCode.VALIDATION_FAILED);
    expect(refusal({ patientName: ' ' }).details).toEqual({ field: 'patientName' });
    expect(refusal({ holder: { name: '' } }).details).toEqual({ field: 'holder.name' });
  });

  it('round-trips through its editable text', () => {
    const letter = draftFollowUpLetter(followUp);
    expect(letterParagraphs(letterToText(letter))).toEqual([letter.subject, ...letter.paragraphs]);
  });
});

describe('when a follow-up letter is due', () => {
  const dates = { sentOn: '2026-11-02' as CalendarDate, planTargetOn: '2026-11-16' as CalendarDate, legalDueOn: '2026-12-02' as CalendarDate, completedOn: null };
  const code = (fn: () => void): { code?: string; details?: unknown } => {
    try {
      fn();
      return {};
    } catch (e) {
      return e instanceof DomainError ? { code: e.code, details: e.details } : { code: 'other' };
    }
  };

  it('from the day after the legal date, for an open request', () => {
    expect(() => assertFollowUpLetterDue(dates, '2026-12-03' as CalendarDate)).not.toThrow();
    expect(() => assertFollowUpLetterDue(dates, '2027-03-01' as CalendarDate)).not.toThrow();
  });

  it('not on or before the legal date, and not once everything is answered', () => {
    expect(code(() => assertFollowUpLetterDue(dates, '2026-12-02' as CalendarDate))).toEqual({ code: 'NOT_OVERDUE', details: { legalDueOn: '2026-12-02', status: ClockStatus.AT_RISK } });
    expect(code(() => assertFollowUpLetterDue(dates, '2026-11-03' as CalendarDate))).toEqual({ code: 'NOT_OVERDUE', details: { legalDueOn: '2026-12-02', status: ClockStatus.ON_TRACK } });
    expect(code(() => assertFollowUpLetterDue({ ...dates, completedOn: '2026-12-10' as CalendarDate }, '2026-12-20' as CalendarDate))).toEqual({
      code: 'NOT_OVERDUE',
      details: { legalDueOn: '2026-12-02', status: ClockStatus.DONE },
    });
  });

  it('an extension moves the day: the extended date is the one that must pass', () => {
    const extended = { ...dates, legalDueOn: '2027-01-01' as CalendarDate };
    expect(code(() => assertFollowUpLetterDue(extended, '2026-12-20' as CalendarDate)).code).toBe('NOT_OVERDUE');
    expect(() => assertFollowUpLetterDue(extended, '2027-01-02' as CalendarDate)).not.toThrow();
  });
});

describe('letters in Spanish (the language staff chose for the request)', () => {
  const es = { ...base, patientName: 'María José Núñez', language: 'es' as const };
  const followUp: FollowUpLetterInput = { ...es, date: calendarDate(2026, 12, 7), sentOn: calendarDate(2026, 11, 2), legalDueOn: calendarDate(2026, 12, 2) };
  const ENGLISH = /\b(the|and|please|my|records|your|Dear|Sincerely|Date of birth)\b|Patient:/;

  it('the request letter: Spanish date, words and closing; the patient’s name and the law named as they are', () => {
    const letter = draftRecordRequestLetter(es);
    expect(letter.subject).toBe('Solicitud de copias de mi expediente médico: María José Núñez');
    expect(letter.paragraphs[0]).toBe('22 de noviembre de 2026');
    expect(letter.paragraphs[2]).toContain('Paciente: María José Núñez');
    const t = letter.paragraphs.join('\n\n');
    expect(t).toContain('Estimado equipo de expedientes médicos:');
    expect(t).toContain('mi derecho de acceso según la ley HIPAA');
    expect(t).toContain('tienen hasta 30 días para responder');
    expect(t).toContain('Sam Rivera, de Harbor Patient Advocates, una organización de defensa de pacientes');
    expect(t).toContain('• Resultados de análisis de laboratorio');
    expect(t).toContain('(Breast surgery consult, October)'); // what staff typed stays as typed
    expect(t).toMatch(/Atentamente,\n\n_+\nMaría José Núñez$/);
    expect(t.replace(/\(Breast surgery consult, October\)/, '')).not.toMatch(ENGLISH);
  });

  it.each(DELIVERIES)('says how to deliver (%s) in Spanish too', (deliveryMethod, deliverTo) => {
    const t = draftRecordRequestLetter({ ...es, deliveryMethod, deliverTo, items: [{ kind: PacketItemKind.PATHOLOGY_SLIDES }] }).paragraphs.join('\n');
    expect(t).toMatch(/Por favor, (envíen|pongan|avísenme)/);
    expect(t).not.toMatch(ENGLISH);
  });

  it('the follow-up: dates, the deadline that passed, and the regulator named so a US office knows it', () => {
    const letter = draftFollowUpLetter(followUp);
    expect(letter.subject).toBe('Seguimiento de mi solicitud del 2 de noviembre de 2026 de copias de mi expediente médico: María José Núñez');
    const t = letter.paragraphs.join('\n\n');
    expect(t).toContain(
      'El 2 de noviembre de 2026 pedí a su oficina copias de mi expediente médico, en ejercicio de mi derecho de acceso según la ley HIPAA. La ley les da 30 días para responder. Esa fecha, el 2 de diciembre de 2026, ya pasó, y no he recibido mi expediente ni una respuesta por escrito de su parte.',
    );
    expect(t).toContain('Oficina de Derechos Civiles (Office for Civil Rights)');
    expect(t).toContain('Primera solicitud enviada: 2 de noviembre de 2026');
    expect(t).toMatch(/Sam Rivera\nDefensa del paciente, Harbor Patient Advocates$/);
  });

  it('quotes an extension’s reason the Spanish way: the full stop after the closing quote', () => {
    const t = draftFollowUpLetter({
      ...followUp,
      legalDueOn: calendarDate(2026, 12, 5),
      extension: { originalDueOn: calendarDate(2026, 12, 2), reason: 'Records in off-site storage.' },
    }).paragraphs.join('\n');
    expect(t).toContain('del 2 de diciembre de 2026 al 5 de diciembre de 2026, con este motivo: “Records in off-site storage”. Esa fecha extendida ya pasó');
  });

  it('English stays the default', () => {
    expect(draftRecordRequestLetter(base).paragraphs[0]).toBe('November 22, 2026');
    expect(formatLetterDate(calendarDate(2026, 12, 9), 'es')).toBe('9 de diciembre de 2026');
  });
});
