import { DomainError, DomainErrorCode } from '../errors/domain-error';

/*
 * Talking to the current doctor (docs/domain.md, journey step 2). Patients fear offending their
 * doctor; short, tactful words help. Each script serves one purpose in one situation. The
 * built-in library is listed here by key; its words, in English and Spanish, are in
 * i18n/patient-library.ts (DOCTOR_SCRIPT_TEXT), served by the API in the reader's language or
 * the one they pick for their doctor. An organization adds its own scripts.
 */

export enum DoctorScriptPurpose {
  SECOND_OPINION = 'SECOND_OPINION',
  REFERRAL = 'REFERRAL',
  RECORDS = 'RECORDS',
}

export enum DoctorScriptSituation {
  GOOD_RELATIONSHIP = 'GOOD_RELATIONSHIP',
  RUSHED_DOCTOR = 'RUSHED_DOCTOR',
  INSURANCE_NEEDS_REFERRAL = 'INSURANCE_NEEDS_REFERRAL',
  DOCTOR_REACTED_BADLY = 'DOCTOR_REACTED_BADLY',
}

export interface BuiltInDoctorScript {
  readonly key: string;
  readonly purpose: DoctorScriptPurpose;
  readonly situation: DoctorScriptSituation;
}

const S = DoctorScriptSituation;
const P = DoctorScriptPurpose;

/** The built-in library: keys are stable, so a saved choice still names its source later. */
export const BUILT_IN_DOCTOR_SCRIPTS: readonly BuiltInDoctorScript[] = [
  { key: 'good-relationship-second-opinion', purpose: P.SECOND_OPINION, situation: S.GOOD_RELATIONSHIP },
  { key: 'good-relationship-records', purpose: P.RECORDS, situation: S.GOOD_RELATIONSHIP },
  { key: 'rushed-second-opinion', purpose: P.SECOND_OPINION, situation: S.RUSHED_DOCTOR },
  { key: 'rushed-records', purpose: P.RECORDS, situation: S.RUSHED_DOCTOR },
  { key: 'insurance-referral', purpose: P.REFERRAL, situation: S.INSURANCE_NEEDS_REFERRAL },
  { key: 'insurance-pre-authorization', purpose: P.REFERRAL, situation: S.INSURANCE_NEEDS_REFERRAL },
  { key: 'reacted-badly-second-opinion', purpose: P.SECOND_OPINION, situation: S.DOCTOR_REACTED_BADLY },
  { key: 'reacted-badly-records', purpose: P.RECORDS, situation: S.DOCTOR_REACTED_BADLY },
];

/** Scripts are short on purpose: a few sentences the patient can say or send. */
export const MAX_DOCTOR_SCRIPT_LENGTH = 4000;

/** A refused field, with the reason code the client words in the reader's language (validation.reason in the web locales). */
const invalid = (field: string, message: string, reason: string): DomainError => new DomainError(DomainErrorCode.VALIDATION_FAILED, message, { field, reason });

/** The source of a saved script: a built-in key, an organization script, or written from scratch. */
export type DoctorScriptSource = { kind: 'BUILT_IN'; key: string } | { kind: 'ORGANIZATION'; id: string } | { kind: 'OWN' };

export function parseDoctorScriptSource(value: string | null | undefined): DoctorScriptSource {
  if (!value) return { kind: 'OWN' };
  if (value.startsWith('org:')) return { kind: 'ORGANIZATION', id: value.slice(4) };
  if (BUILT_IN_DOCTOR_SCRIPTS.some((s) => s.key === value)) return { kind: 'BUILT_IN', key: value };
  throw invalid('sourceKey', 'That script is not in the library.', 'NOT_IN_LIBRARY');
}

export function assertDoctorScriptBody(body: string, field = 'body'): string {
  const b = body.trim();
  if (!b) throw invalid(field, 'The script is empty. Write a few words, or pick one from the library.', 'REQUIRED');
  if (b.length > MAX_DOCTOR_SCRIPT_LENGTH) throw invalid(field, `Keep the script under ${MAX_DOCTOR_SCRIPT_LENGTH} characters.`, 'TOO_LONG');
  return b;
}

/** Scripts worth showing first: the case's own situation, then the rest of the library. */
export function scriptsFor(situation: DoctorScriptSituation | null): BuiltInDoctorScript[] {
  if (!situation) return [...BUILT_IN_DOCTOR_SCRIPTS];
  return [...BUILT_IN_DOCTOR_SCRIPTS.filter((s) => s.situation === situation), ...BUILT_IN_DOCTOR_SCRIPTS.filter((s) => s.situation !== situation)];
}
