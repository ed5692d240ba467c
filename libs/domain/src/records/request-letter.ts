import { CalendarDate, calendarDateParts } from '../dates/calendar-date';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { PacketItemKind } from './packet';

/*
 * The letter a patient sends to a record holder to ask for copies of their records
 * (DOMAIN.md, "Gather records" and "The clock"). It is written in the patient's own voice:
 * the HIPAA right of access belongs to the patient, and a short, polite letter from them
 * gets answered faster than a wall of legal citations. The text is US English because the
 * letter goes to a US provider; it is a draft the advocate and patient may edit before
 * sending (the request keeps the text as sent).
 */

/** How the patient would like the copies to reach them. */
export enum RecordDeliveryMethod {
  EMAIL = 'EMAIL',
  PORTAL = 'PORTAL',
  MAIL = 'MAIL',
  FAX = 'FAX',
  PICKUP = 'PICKUP',
}

export interface RecordRequestLetterInput {
  readonly patientName: string;
  readonly patientDateOfBirth?: CalendarDate | null;
  readonly patientEmail?: string | null;
  readonly holder: { readonly name: string; readonly department?: string | null; readonly address?: string | null };
  readonly items: ReadonlyArray<{ readonly kind: PacketItemKind; readonly title?: string | null }>;
  readonly deliveryMethod: RecordDeliveryMethod;
  /** An e-mail address, postal address or fax number, depending on the method. */
  readonly deliverTo?: string | null;
  /** The day the letter is dated: a calendar date in the organisation's time zone. */
  readonly date: CalendarDate;
  readonly organizationName: string;
  readonly advocateName?: string | null;
}

export interface RecordRequestLetter {
  readonly subject: string;
  /** In reading order. A paragraph may hold line breaks (an address block, a list). */
  readonly paragraphs: string[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "November 22, 2026": how a date reads on a US letter. */
export function formatLetterDate(date: CalendarDate): string {
  const { year, month, day } = calendarDateParts(date);
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

/**
 * What each kind of packet item means in words a records office acts on. Imaging asks for
 * the images, not only the reports, and slides say why they are wanted: both are the
 * items most often sent wrong (DOMAIN.md, "Gather records").
 */
const ITEM_WORDS: Readonly<Record<PacketItemKind, string>> = {
  [PacketItemKind.IMAGING_DISC]: 'Imaging: the images themselves in DICOM format (on a CD/DVD or by secure electronic transfer), with the radiology reports',
  [PacketItemKind.PATHOLOGY_SLIDES]: 'Pathology slides (and tissue blocks if the reviewing pathologist needs them), for review by the second-opinion pathologist',
  [PacketItemKind.PATHOLOGY_REPORT]: 'Pathology reports',
  [PacketItemKind.LABS]: 'Laboratory test results',
  [PacketItemKind.CLINIC_NOTES]: 'Clinic and visit notes, including my diagnosis and the proposed treatment plan',
  [PacketItemKind.PROCEDURE_REPORT]: 'Surgical and procedure reports',
  // The patient writes their own timeline; no holder is asked for it.
  [PacketItemKind.OWN_TIMELINE]: '',
  [PacketItemKind.MEDICATIONS_ALLERGIES]: 'My current medication list and recorded allergies',
  [PacketItemKind.OTHER]: 'Other records',
};

/** Items that are physical objects and cannot be e-mailed or faxed. */
const PHYSICAL: readonly PacketItemKind[] = [PacketItemKind.PATHOLOGY_SLIDES, PacketItemKind.IMAGING_DISC];

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\r\n?/g, '\n').trim();
const oneLine = (s: string | null | undefined): string => clean(s).replace(/\s+/g, ' ');

function itemLine(item: { kind: PacketItemKind; title?: string | null }): string | null {
  const words = ITEM_WORDS[item.kind];
  if (!words) return null;
  const title = oneLine(item.title);
  if (item.kind === PacketItemKind.OTHER && title) return `\u2022 ${title}`;
  return title ? `\u2022 ${words} (${title})` : `\u2022 ${words}`;
}

function deliveryParagraph(input: RecordRequestLetterInput, physical: PacketItemKind[]): string {
  const to = oneLine(input.deliverTo);
  const email = to || oneLine(input.patientEmail);
  let text: string;
  switch (input.deliveryMethod) {
    case RecordDeliveryMethod.EMAIL:
      text = email
        ? `Please send electronic copies by email to ${email}. Regular (unencrypted) email is fine with me; I understand it carries a small risk, and I accept it for this request.`
        : 'Please send electronic copies by email; I will confirm the address when you contact me.';
      break;
    case RecordDeliveryMethod.PORTAL:
      text = 'Please make the copies available through my patient portal, and let me know when they are there.';
      break;
    case RecordDeliveryMethod.MAIL:
      text = to ? `Please mail the copies to:\n${clean(input.deliverTo)}` : 'Please mail the copies to the home address you have on file for me.';
      break;
    case RecordDeliveryMethod.FAX:
      text = to ? `Please fax the copies to ${to}.` : 'Please fax the copies to the number I give you when you contact me.';
      break;
    case RecordDeliveryMethod.PICKUP:
      text = 'Please let me know when the copies are ready, and I will collect them in person.';
      break;
  }
  const electronic = input.deliveryMethod === RecordDeliveryMethod.EMAIL || input.deliveryMethod === RecordDeliveryMethod.PORTAL || input.deliveryMethod === RecordDeliveryMethod.FAX;
  if (electronic && physical.length > 0) {
    const what = physical.includes(PacketItemKind.PATHOLOGY_SLIDES)
      ? physical.includes(PacketItemKind.IMAGING_DISC)
        ? 'the slides, and the images if they cannot be shared electronically'
        : 'the slides'
      : 'the images, if they cannot be shared electronically';
    text += ` For ${what}, please let me know when and where I can collect them, or how to arrange delivery.`;
  }
  return text;
}

/**
 * Drafts the right-of-access letter. Pure: the same input always gives the same letter,
 * so what the advocate previewed is what the PDF prints.
 */
export function draftRecordRequestLetter(input: RecordRequestLetterInput): RecordRequestLetter {
  const patientName = oneLine(input.patientName);
  const holderName = oneLine(input.holder.name);
  if (!patientName) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The letter needs the patient’s name.', { field: 'patientName' });
  if (!holderName) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The letter needs the name of the record holder.', { field: 'holder.name' });

  const kinds = input.items.map((i) => i.kind);
  const lines = input.items.map(itemLine).filter((l): l is string => l !== null);
  const physical = PHYSICAL.filter((k) => kinds.includes(k));

  const addressee = [holderName, oneLine(input.holder.department), clean(input.holder.address)].filter(Boolean).join('\n');
  const identity = [
    `Patient: ${patientName}`,
    // A printed letter is signed by hand: a blank the patient fills in beats a missing line
    // the records office would call back about.
    `Date of birth: ${input.patientDateOfBirth ? formatLetterDate(input.patientDateOfBirth) : '____________________'}`,
    ...(oneLine(input.patientEmail) ? [`Email: ${oneLine(input.patientEmail)}`] : []),
  ].join('\n');

  const helper = oneLine(input.advocateName)
    ? `${oneLine(input.advocateName)} at ${oneLine(input.organizationName)}, a patient advocacy organization, is helping me gather my records.`
    : `${oneLine(input.organizationName)}, a patient advocacy organization, is helping me gather my records.`;
  const contact = oneLine(input.patientEmail)
    ? `If anything about this request is unclear, please contact me at ${oneLine(input.patientEmail)}.`
    : 'If anything about this request is unclear, please contact me.';

  const paragraphs = [
    formatLetterDate(input.date),
    addressee,
    identity,
    'Dear records team,',
    'I am writing to ask for copies of my medical records, using my right of access under HIPAA. I am seeking a second opinion about my care, and the doctor reviewing it needs to see my records in full.',
    lines.length > 0
      ? `Please send me copies of the following:\n${lines.join('\n')}`
      : 'Please send me a complete copy of my medical records held by your office.',
    deliveryParagraph(input, physical),
    'I understand that you have up to 30 days to respond to this request. Because my next treatment decision depends on this second opinion, I would be very grateful for anything you can send sooner. If there is a fee, please tell me the amount before you go ahead; I understand it should be reasonable and based on the cost of making the copies.',
    `${helper} ${contact}`,
    'Thank you for your help.',
    'Sincerely,',
    `______________________________\n${patientName}`,
  ];
  return { subject: `Request for copies of my medical records: ${patientName}`, paragraphs };
}

/** The letter as one editable text: subject, then paragraphs, separated by blank lines. */
export function letterToText(letter: RecordRequestLetter): string {
  return [letter.subject, ...letter.paragraphs].join('\n\n');
}

/** Paragraphs of an edited letter text: split on blank lines, line breaks inside kept. */
export function letterParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\s+$/g, ''))
    .filter((p) => p.trim().length > 0);
}
