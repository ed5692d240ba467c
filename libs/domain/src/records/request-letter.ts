import { CalendarDate, calendarDateParts, isBefore } from '../dates/calendar-date';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { PacketItemKind } from './packet';
import { ClockStatus, StoredRequestDates, storedRequestClock } from './record-request-clock';

/*
 * The letter a patient sends to a record holder to ask for copies of their records
 * (docs/domain.md, "Gather records" and "The clock"). It is written in the patient's own voice:
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
 * items most often sent wrong (docs/domain.md, "Gather records").
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

/** What both letters say the same way: who writes, to whom, who helps, how to reach the patient. */
function letterCommon(input: RecordRequestLetterInput) {
  const patientName = oneLine(input.patientName);
  const holderName = oneLine(input.holder.name);
  if (!patientName) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The letter needs the patient’s name.', { field: 'patientName' });
  if (!holderName) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The letter needs the name of the record holder.', { field: 'holder.name' });
  const email = oneLine(input.patientEmail);
  const organization = oneLine(input.organizationName);
  const advocate = oneLine(input.advocateName);
  const identity = (...extra: string[]): string =>
    [
      `Patient: ${patientName}`,
      // A printed letter is signed by hand: a blank the patient fills in beats a missing line
      // the records office would call back about.
      `Date of birth: ${input.patientDateOfBirth ? formatLetterDate(input.patientDateOfBirth) : '____________________'}`,
      ...(email ? [`Email: ${email}`] : []),
      ...extra,
    ].join('\n');
  const helper = advocate
    ? `${advocate} at ${organization}, a patient advocacy organization, is helping me gather my records.`
    : `${organization}, a patient advocacy organization, is helping me gather my records.`;
  const contact = email ? `If anything about this request is unclear, please contact me at ${email}.` : 'If anything about this request is unclear, please contact me.';
  return {
    patientName,
    organization,
    advocate,
    addressee: [holderName, oneLine(input.holder.department), clean(input.holder.address)].filter(Boolean).join('\n'),
    identity,
    helpAndContact: `${helper} ${contact}`,
    signature: `______________________________\n${patientName}`,
  };
}

/** The items as letter lines (the patient's own timeline is never asked for), and the physical ones among them. */
function itemsAsked(items: RecordRequestLetterInput['items']): { lines: string[]; physical: PacketItemKind[] } {
  const kinds = items.map((i) => i.kind);
  return { lines: items.map(itemLine).filter((l): l is string => l !== null), physical: PHYSICAL.filter((k) => kinds.includes(k)) };
}

/**
 * Drafts the right-of-access letter. Pure: the same input always gives the same letter,
 * so what the advocate previewed is what the PDF prints.
 */
export function draftRecordRequestLetter(input: RecordRequestLetterInput): RecordRequestLetter {
  const c = letterCommon(input);
  const { lines, physical } = itemsAsked(input.items);
  const paragraphs = [
    formatLetterDate(input.date),
    c.addressee,
    c.identity(),
    'Dear records team,',
    'I am writing to ask for copies of my medical records, using my right of access under HIPAA. I am seeking a second opinion about my care, and the doctor reviewing it needs to see my records in full.',
    lines.length > 0
      ? `Please send me copies of the following:\n${lines.join('\n')}`
      : 'Please send me a complete copy of my medical records held by your office.',
    deliveryParagraph(input, physical),
    'I understand that you have up to 30 days to respond to this request. Because my next treatment decision depends on this second opinion, I would be very grateful for anything you can send sooner. If there is a fee, please tell me the amount before you go ahead; I understand it should be reasonable and based on the cost of making the copies.',
    c.helpAndContact,
    'Thank you for your help.',
    'Sincerely,',
    c.signature,
  ];
  return { subject: `Request for copies of my medical records: ${c.patientName}`, paragraphs };
}

// ---------------------------------------------------------------- follow-up letter

export interface FollowUpLetterInput extends RecordRequestLetterInput {
  /**
   * The items of the original request. An item the holder has answered (received, or they said
   * they do not have it) is not asked for again; the letter thanks them for it instead.
   */
  readonly items: ReadonlyArray<{ readonly kind: PacketItemKind; readonly title?: string | null; readonly answered?: boolean }>;
  /** The day the original request was sent. */
  readonly sentOn: CalendarDate;
  /** When the holder got it, if known: the 30 days counted from here. */
  readonly holderReceivedOn?: CalendarDate | null;
  /** The legal response date in force (30 days, or the extended date), now passed. */
  readonly legalDueOn: CalendarDate;
  /** The holder's one written extension, if recorded: `legalDueOn` is then the extended date. */
  readonly extension?: { readonly originalDueOn: CalendarDate; readonly reason?: string | null } | null;
}

/**
 * A follow-up letter is due once the legal response date has passed and something is still
 * outstanding: what the LEGAL_OVERDUE reminder announces. Refused otherwise with NOT_OVERDUE,
 * so a letter never claims a deadline passed that has not.
 */
export function assertFollowUpLetterDue(dates: StoredRequestDates, today: CalendarDate): void {
  const legal = storedRequestClock(dates, today).legal;
  if (legal.status === ClockStatus.OVERDUE) return;
  const message =
    legal.status === ClockStatus.DONE
      ? 'Every item of this request has been answered, so there is nothing to follow up.'
      : `The legal response date (${formatLetterDate(dates.legalDueOn)}) has not passed yet. A follow-up letter can be made from the day after it.`;
  throw new DomainError(DomainErrorCode.NOT_OVERDUE, message, { legalDueOn: dates.legalDueOn, status: legal.status });
}

function deadlineParagraph(input: FollowUpLetterInput, partlyAnswered: boolean): string {
  const sent = formatLetterDate(input.sentOn);
  const received = input.holderReceivedOn && input.holderReceivedOn !== input.sentOn ? ` Your office received it on ${formatLetterDate(input.holderReceivedOn)}.` : '';
  const due = formatLetterDate(input.legalDueOn);
  const reason = oneLine(input.extension?.reason);
  // US style: the sentence's full stop goes inside the closing quote, and only once.
  const quoted = reason ? `, giving this reason: “${/[.!?]$/.test(reason) ? reason : `${reason}.`}”` : '.';
  const law = input.extension
    ? `The law gives you 30 days to respond, and you extended that once, from ${formatLetterDate(input.extension.originalDueOn)} to ${due}${quoted} That extended date has now passed`
    : `The law gives you 30 days to respond. That date, ${due}, has now passed`;
  const state = partlyAnswered
    ? 'and part of my request is still unanswered. Thank you for what you have already sent.'
    : 'and I have not received my records or a written response from you.';
  return `On ${sent}, I asked your office for copies of my medical records, using my right of access under HIPAA.${received} ${law}, ${state}`;
}

/**
 * Drafts the follow-up for a request past its legal response date: the same patient, holder,
 * items and delivery as the first letter, in plain, firm words. Still the patient's letter
 * (the right of access is theirs), countersigned by the advocate or the organisation that
 * chases it. Pure, like the first letter.
 */
export function draftFollowUpLetter(input: FollowUpLetterInput): RecordRequestLetter {
  const c = letterCommon(input);
  if (isBefore(input.legalDueOn, input.sentOn)) {
    throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The legal response date cannot be before the request was sent.', { field: 'legalDueOn' });
  }
  if (!isBefore(input.legalDueOn, input.date)) {
    throw new DomainError(DomainErrorCode.NOT_OVERDUE, `The legal response date (${formatLetterDate(input.legalDueOn)}) has not passed yet.`, { legalDueOn: input.legalDueOn });
  }
  const asked = input.items.filter((i) => ITEM_WORDS[i.kind]);
  const open = asked.filter((i) => !i.answered);
  if (asked.length > 0 && open.length === 0) {
    throw new DomainError(DomainErrorCode.NOT_OVERDUE, 'Every item of this request has been answered, so there is nothing to follow up.');
  }
  const { lines, physical } = itemsAsked(open);
  const partlyAnswered = open.length < asked.length;
  const sent = formatLetterDate(input.sentOn);
  const countersignature = c.advocate
    ? `______________________________\n${c.advocate}\nPatient advocate, ${c.organization}`
    : `______________________________\nFor ${c.organization}`;

  const paragraphs = [
    formatLetterDate(input.date),
    c.addressee,
    c.identity(`First request sent: ${sent}`),
    'Dear records team,',
    deadlineParagraph(input, partlyAnswered),
    lines.length > 0
      ? `Please send ${partlyAnswered ? 'the records that are still outstanding' : 'copies of the following'} without further delay:\n${lines.join('\n')}`
      : 'Please send a complete copy of my medical records held by your office without further delay.',
    'If you are denying any part of my request, or do not have some of these records, please tell me so in writing, with the reason.',
    deliveryParagraph(input, physical),
    'I would rather settle this with your office directly, but if I do not hear from you soon, I may ask the Office for Civil Rights at the U.S. Department of Health and Human Services, which enforces the right of access, for help.',
    c.helpAndContact,
    'Thank you for your prompt attention.',
    'Sincerely,',
    c.signature,
    countersignature,
  ];
  return { subject: `Follow-up to my request of ${sent} for copies of my medical records: ${c.patientName}`, paragraphs };
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
