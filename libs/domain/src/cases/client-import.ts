import { CalendarDate, isCalendarDate } from '../dates/calendar-date';
import { Language } from '../i18n/language';
import { Urgency } from './trigger';

/**
 * Importing existing clients from a spreadsheet (docs/import.md): the columns a file may map,
 * how each cell is read, and what makes a row refused. A row is one patient and becomes one
 * case. The same person is never imported twice: a row is the same client as an existing case
 * when the patient's e-mail matches, or their name and date of birth do, so a row needs one of
 * the two.
 */
export const CLIENT_IMPORT_FIELDS = ['patientName', 'patientEmail', 'dateOfBirth', 'question', 'diagnosisInDoubt', 'urgency', 'preferredLanguage'] as const;
export type ClientImportField = (typeof CLIENT_IMPORT_FIELDS)[number];
export type ClientImportRow = Partial<Record<ClientImportField, string | null>>;

/** Rows one import may carry (larger files are split by the person importing; docs/import.md). */
export const CLIENT_IMPORT_MAX_ROWS = 5000;
/**
 * The rows of one import as the page sends them (JSON, UTF-8), under the API's 4 MB body limit
 * with room for the rest of the request: a file of long questions is refused before sending.
 */
export const CLIENT_IMPORT_MAX_BYTES = 3_800_000;

export enum ClientImportProblem {
  REQUIRED = 'REQUIRED',
  TOO_LONG = 'TOO_LONG',
  INVALID_EMAIL = 'INVALID_EMAIL',
  INVALID_DATE = 'INVALID_DATE',
  FUTURE_DATE = 'FUTURE_DATE',
  INVALID_URGENCY = 'INVALID_URGENCY',
  INVALID_LANGUAGE = 'INVALID_LANGUAGE',
  NO_IDENTITY = 'NO_IDENTITY',
  DUPLICATE_IN_FILE = 'DUPLICATE_IN_FILE',
}

export interface ClientImportRowError {
  /** 1-based, as a spreadsheet numbers data rows. */
  readonly row: number;
  readonly field: ClientImportField;
  readonly problem: ClientImportProblem;
}

export interface ClientImportCase {
  readonly row: number;
  readonly patientName: string;
  readonly patientEmail: string | null;
  readonly dateOfBirth: CalendarDate | null;
  readonly question: string;
  readonly diagnosisInDoubt: string;
  readonly urgency: Urgency;
  readonly preferredLanguage: Language | null;
  /** Who this is, for finding the same client again: the e-mail, else name + date of birth. */
  readonly identity: string;
}

const LIMITS: Record<ClientImportField, number> = { patientName: 200, patientEmail: 320, dateOfBirth: 40, question: 2000, diagnosisInDoubt: 2000, urgency: 40, preferredLanguage: 40 };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URGENCY: Record<string, Urgency> = { routine: Urgency.ROUTINE, normal: Urgency.ROUTINE, rutina: Urgency.ROUTINE, urgent: Urgency.URGENT, urgente: Urgency.URGENT };
const LANGUAGE: Record<string, Language> = { en: 'en', english: 'en', inglés: 'en', ingles: 'en', es: 'es', spanish: 'es', español: 'es', espanol: 'es' };

/** The identity key of a client: their e-mail, else their name and date of birth (null when neither). */
export function clientIdentity(name: string, email: string | null, dateOfBirth: CalendarDate | null): string | null {
  if (email) return `email:${email.toLowerCase()}`;
  if (dateOfBirth) return `name:${name.replace(/\s+/g, ' ').trim().toLowerCase()}|${dateOfBirth}`;
  return null;
}

/** A birth date as spreadsheets write it: 1961-04-23, 4/23/1961 (US order) or 04/23/61 is refused (two-digit year). */
export function readDateOfBirth(text: string): CalendarDate | null {
  const t = text.trim();
  if (isCalendarDate(t)) return t;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const [, month, day, year] = us ?? [];
  if (!month || !day || !year) return null;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(date) ? date : null;
}

/** Reads every row; the cases when all are valid, else every problem (the import writes nothing then). */
export function readClientRows(rows: readonly ClientImportRow[], today: CalendarDate): { cases: ClientImportCase[]; errors: ClientImportRowError[] } {
  const cases: ClientImportCase[] = [];
  const errors: ClientImportRowError[] = [];
  const seen = new Set<string>();
  rows.forEach((raw, i) => {
    const row = i + 1;
    const problems: ClientImportRowError[] = [];
    const cell = (field: ClientImportField): string => {
      const v = (raw[field] ?? '').replace(/\s+/g, ' ').trim();
      if (v.length > LIMITS[field]) problems.push({ row, field, problem: ClientImportProblem.TOO_LONG });
      return v;
    };
    const patientName = cell('patientName');
    if (!patientName) problems.push({ row, field: 'patientName', problem: ClientImportProblem.REQUIRED });
    const emailText = cell('patientEmail').toLowerCase();
    if (emailText && !EMAIL.test(emailText)) problems.push({ row, field: 'patientEmail', problem: ClientImportProblem.INVALID_EMAIL });
    const dobText = cell('dateOfBirth');
    const dateOfBirth = dobText ? readDateOfBirth(dobText) : null;
    if (dobText && !dateOfBirth) problems.push({ row, field: 'dateOfBirth', problem: ClientImportProblem.INVALID_DATE });
    else if (dateOfBirth && dateOfBirth > today) problems.push({ row, field: 'dateOfBirth', problem: ClientImportProblem.FUTURE_DATE });
    const urgencyText = cell('urgency').toLowerCase();
    const urgency = urgencyText ? URGENCY[urgencyText] : Urgency.ROUTINE;
    if (!urgency) problems.push({ row, field: 'urgency', problem: ClientImportProblem.INVALID_URGENCY });
    const languageText = cell('preferredLanguage').toLowerCase();
    const preferredLanguage = languageText ? (LANGUAGE[languageText] ?? null) : null;
    if (languageText && !preferredLanguage) problems.push({ row, field: 'preferredLanguage', problem: ClientImportProblem.INVALID_LANGUAGE });
    const question = cell('question');
    const diagnosisInDoubt = cell('diagnosisInDoubt');
    const email = emailText && EMAIL.test(emailText) ? emailText : null;
    const identity = clientIdentity(patientName, email, dateOfBirth);
    if (patientName && !identity && !problems.some((p) => p.field === 'patientEmail' || p.field === 'dateOfBirth')) {
      problems.push({ row, field: 'patientEmail', problem: ClientImportProblem.NO_IDENTITY });
    }
    if (identity && seen.has(identity)) problems.push({ row, field: email ? 'patientEmail' : 'dateOfBirth', problem: ClientImportProblem.DUPLICATE_IN_FILE });
    if (identity) seen.add(identity);
    // A row without an urgency or an identity always has a problem above; the test says so to the compiler.
    if (problems.length || !urgency || !identity) errors.push(...problems);
    else cases.push({ row, patientName, patientEmail: email, dateOfBirth, question, diagnosisInDoubt, urgency, preferredLanguage, identity });
  });
  return { cases, errors };
}

/** A column heading's best guess of the field it holds ("E-mail", "DOB", "Correo"...), or null. */
export function guessImportField(heading: string): ClientImportField | null {
  const h = heading.toLowerCase().replace(/[^a-zñáéíóú]/g, '');
  if (/^(name|patient|patientname|client|clientname|fullname|nombre|paciente)$/.test(h)) return 'patientName';
  if (/(email|mail|correo)/.test(h)) return 'patientEmail';
  if (/(dob|birth|nacimiento|born)/.test(h)) return 'dateOfBirth';
  if (/(question|pregunta)/.test(h)) return 'question';
  if (/(diagnos)/.test(h)) return 'diagnosisInDoubt';
  if (/(urgen|priority|prioridad)/.test(h)) return 'urgency';
  if (/(language|idioma|lengua)/.test(h)) return 'preferredLanguage';
  return null;
}
