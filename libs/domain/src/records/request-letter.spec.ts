import { calendarDate } from '../dates/calendar-date';
import { DomainError } from '../errors/domain-error';
import { PacketItemKind } from './packet';
import { draftRecordRequestLetter, formatLetterDate, letterParagraphs, letterToText, RecordDeliveryMethod, RecordRequestLetterInput } from './request-letter';

const base: RecordRequestLetterInput = {
  patientName: 'Maria Lopez',
  patientEmail: 'maria@example.org',
  holder: { name: 'Lakeside Medical Center', department: 'Health Information Management', address: '100 Shore Road\nChicago, IL 60601' },
  items: [
    { kind: PacketItemKind.CLINIC_NOTES, title: 'Breast surgery consult, October' },
    { kind: PacketItemKind.LABS },
  ],
  deliveryMethod: RecordDeliveryMethod.EMAIL,
  deliverTo: 'maria@example.org',
  date: calendarDate(2026, 11, 22),
  organizationName: 'Harbor Patient Advocates',
  advocateName: 'Sam Rivera',
};

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

  it.each([
    [RecordDeliveryMethod.EMAIL, 'maria@example.org', /by email to maria@example\.org\. Regular \(unencrypted\) email is fine/],
    [RecordDeliveryMethod.PORTAL, null, /through my patient portal/],
    [RecordDeliveryMethod.MAIL, '12 Elm St\nEvanston, IL 60201', /mail the copies to:\n12 Elm St\nEvanston, IL 60201/],
    [RecordDeliveryMethod.MAIL, null, /home address you have on file/],
    [RecordDeliveryMethod.FAX, '(312) 555-0188', /fax the copies to \(312\) 555-0188\./],
    [RecordDeliveryMethod.PICKUP, null, /collect them in person/],
  ])('says where to send the copies: %s', (deliveryMethod, deliverTo, expected) => {
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

  it('names only the organisation when no advocate is assigned', () => {
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
