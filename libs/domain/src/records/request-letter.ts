import { CalendarDate, calendarDateParts, isBefore } from '../dates/calendar-date';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { DEFAULT_LANGUAGE, Language } from '../i18n/language';
import { PacketItemKind } from './packet';
import { ClockStatus, StoredRequestDates, storedRequestClock } from './record-request-clock';
import { LETTER_WORDS, LetterWords } from './request-letter-words';

/*
 * The letter a patient sends to a record holder to ask for copies of their records
 * (docs/domain.md, "Gather records" and "The clock"). It is written in the patient's own voice:
 * the HIPAA right of access belongs to the patient, and a short, polite letter from them
 * gets answered faster than a wall of legal citations. The text is US English by default
 * because the letter goes to a US provider, or Spanish when staff choose it for the request
 * (words in request-letter-words.ts); it is a draft the advocate and patient may edit before
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
  /** The day the letter is dated: a calendar date in the organization's time zone. */
  readonly date: CalendarDate;
  readonly organizationName: string;
  readonly advocateName?: string | null;
  /** The language staff chose for this request's letters (default English: the holder is a US office). */
  readonly language?: Language;
}

export interface RecordRequestLetter {
  readonly subject: string;
  /** In reading order. A paragraph may hold line breaks (an address block, a list). */
  readonly paragraphs: string[];
}

/** "November 22, 2026" / "22 de noviembre de 2026": how a date reads on a US letter. */
export function formatLetterDate(date: CalendarDate, language: Language = DEFAULT_LANGUAGE): string {
  const { year, month, day } = calendarDateParts(date);
  const w = LETTER_WORDS[language];
  const monthName = w.months[month - 1];
  if (monthName === undefined) throw new RangeError(`not a month: ${month}`);
  return w.date(day, monthName, year);
}

/** Items that are physical objects and cannot be e-mailed or faxed. */
const PHYSICAL: readonly PacketItemKind[] = [PacketItemKind.PATHOLOGY_SLIDES, PacketItemKind.IMAGING_DISC];

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\r\n?/g, '\n').trim();
const oneLine = (s: string | null | undefined): string => clean(s).replace(/\s+/g, ' ');

/**
 * Imaging asks for the images, not only the reports, and slides say why they are wanted: both
 * are the items most often sent wrong (docs/domain.md, "Gather records").
 */
function itemLine(item: { kind: PacketItemKind; title?: string | null }, w: LetterWords): string | null {
  const words = w.items[item.kind];
  // The patient writes their own timeline; no holder is asked for it.
  if (!words) return null;
  const title = oneLine(item.title);
  if (item.kind === PacketItemKind.OTHER && title) return `\u2022 ${title}`;
  return title ? `\u2022 ${words} (${title})` : `\u2022 ${words}`;
}

function deliveryParagraph(input: RecordRequestLetterInput, physical: PacketItemKind[], w: LetterWords): string {
  const to = oneLine(input.deliverTo);
  const email = to || oneLine(input.patientEmail);
  const d = w.delivery;
  let text: string;
  switch (input.deliveryMethod) {
    case RecordDeliveryMethod.EMAIL:
      text = email ? d.emailTo(email) : d.emailAsk;
      break;
    case RecordDeliveryMethod.PORTAL:
      text = d.portal;
      break;
    case RecordDeliveryMethod.MAIL:
      text = to ? d.mailTo(clean(input.deliverTo)) : d.mailHome;
      break;
    case RecordDeliveryMethod.FAX:
      text = to ? d.faxTo(to) : d.faxAsk;
      break;
    case RecordDeliveryMethod.PICKUP:
      text = d.pickup;
      break;
  }
  const electronic = input.deliveryMethod === RecordDeliveryMethod.EMAIL || input.deliveryMethod === RecordDeliveryMethod.PORTAL || input.deliveryMethod === RecordDeliveryMethod.FAX;
  if (electronic && physical.length > 0) {
    const what = physical.includes(PacketItemKind.PATHOLOGY_SLIDES) ? (physical.includes(PacketItemKind.IMAGING_DISC) ? d.slidesAndImages : d.slides) : d.images;
    text += d.collect(what);
  }
  return text;
}

/** What both letters say the same way: who writes, to whom, who helps, how to reach the patient. */
function letterCommon(input: RecordRequestLetterInput) {
  const language = input.language ?? DEFAULT_LANGUAGE;
  const w = LETTER_WORDS[language];
  const patientName = oneLine(input.patientName);
  const holderName = oneLine(input.holder.name);
  if (!patientName) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The letter needs the patient’s name.', { field: 'patientName' });
  if (!holderName) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The letter needs the name of the record holder.', { field: 'holder.name' });
  const email = oneLine(input.patientEmail);
  const organization = oneLine(input.organizationName);
  const advocate = oneLine(input.advocateName);
  const identity = (...extra: string[]): string =>
    [
      w.identity.patient(patientName),
      // A printed letter is signed by hand: a blank the patient fills in beats a missing line
      // the records office would call back about.
      w.identity.dateOfBirth(input.patientDateOfBirth ? formatLetterDate(input.patientDateOfBirth, language) : '____________________'),
      ...(email ? [w.identity.email(email)] : []),
      ...extra,
    ].join('\n');
  return {
    language,
    w,
    date: (d: CalendarDate) => formatLetterDate(d, language),
    patientName,
    organization,
    advocate,
    addressee: [holderName, oneLine(input.holder.department), clean(input.holder.address)].filter(Boolean).join('\n'),
    identity,
    helpAndContact: `${w.helper(advocate || null, organization)} ${w.contact(email || null)}`,
    signature: `______________________________\n${patientName}`,
  };
}

/** The items as letter lines (the patient's own timeline is never asked for), and the physical ones among them. */
function itemsAsked(items: RecordRequestLetterInput['items'], w: LetterWords): { lines: string[]; physical: PacketItemKind[] } {
  const kinds = items.map((i) => i.kind);
  return { lines: items.map((i) => itemLine(i, w)).filter((l): l is string => l !== null), physical: PHYSICAL.filter((k) => kinds.includes(k)) };
}

/**
 * Drafts the right-of-access letter, in the language chosen for the request. Pure: the same
 * input always gives the same letter, so what the advocate previewed is what the PDF prints.
 */
export function draftRecordRequestLetter(input: RecordRequestLetterInput): RecordRequestLetter {
  const c = letterCommon(input);
  const w = c.w;
  const { lines, physical } = itemsAsked(input.items, w);
  const paragraphs = [
    c.date(input.date),
    c.addressee,
    c.identity(),
    w.dear,
    w.request.opening,
    lines.length > 0 ? w.request.items(lines.join('\n')) : w.request.allRecords,
    deliveryParagraph(input, physical, w),
    w.request.timing,
    c.helpAndContact,
    w.request.thanks,
    w.sincerely,
    c.signature,
  ];
  return { subject: w.request.subject(c.patientName), paragraphs };
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

function deadlineParagraph(input: FollowUpLetterInput, partlyAnswered: boolean, c: ReturnType<typeof letterCommon>): string {
  const f = c.w.followUp;
  const received = input.holderReceivedOn && input.holderReceivedOn !== input.sentOn ? f.received(c.date(input.holderReceivedOn)) : '';
  const due = c.date(input.legalDueOn);
  const law = input.extension ? f.lawExtended(c.date(input.extension.originalDueOn), due, f.quoted(oneLine(input.extension.reason) || null)) : f.law(due);
  return `${f.asked(c.date(input.sentOn))}${received} ${law}, ${partlyAnswered ? f.partlyAnswered : f.nothingReceived}`;
}

/**
 * Drafts the follow-up for a request past its legal response date: the same patient, holder,
 * items, delivery and language as the first letter, in plain, firm words. Still the patient's
 * letter (the right of access is theirs), countersigned by the advocate or the organization that
 * chases it. Pure, like the first letter.
 */
export function draftFollowUpLetter(input: FollowUpLetterInput): RecordRequestLetter {
  const c = letterCommon(input);
  const w = c.w;
  if (isBefore(input.legalDueOn, input.sentOn)) {
    throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The legal response date cannot be before the request was sent.', { field: 'legalDueOn' });
  }
  if (!isBefore(input.legalDueOn, input.date)) {
    throw new DomainError(DomainErrorCode.NOT_OVERDUE, `The legal response date (${formatLetterDate(input.legalDueOn)}) has not passed yet.`, { legalDueOn: input.legalDueOn });
  }
  const asked = input.items.filter((i) => w.items[i.kind]);
  const open = asked.filter((i) => !i.answered);
  if (asked.length > 0 && open.length === 0) {
    throw new DomainError(DomainErrorCode.NOT_OVERDUE, 'Every item of this request has been answered, so there is nothing to follow up.');
  }
  const { lines, physical } = itemsAsked(open, w);
  const partlyAnswered = open.length < asked.length;
  const sent = c.date(input.sentOn);
  const countersignature = `______________________________\n${c.advocate ? w.followUp.countersignAdvocate(c.advocate, c.organization) : w.followUp.countersignOrganization(c.organization)}`;

  const paragraphs = [
    c.date(input.date),
    c.addressee,
    c.identity(w.identity.firstSent(sent)),
    w.dear,
    deadlineParagraph(input, partlyAnswered, c),
    lines.length > 0 ? w.followUp.itemsAgain(partlyAnswered, lines.join('\n')) : w.followUp.allAgain,
    w.followUp.denial,
    deliveryParagraph(input, physical, w),
    w.followUp.regulator,
    c.helpAndContact,
    w.followUp.thanks,
    w.sincerely,
    c.signature,
    countersignature,
  ];
  return { subject: w.followUp.subject(sent, c.patientName), paragraphs };
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
