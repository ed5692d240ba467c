import { DomainError, DomainErrorCode } from '../errors/domain-error';

/*
 * Choosing the second-opinion provider (docs/domain.md, journey step 4). A case collects a few
 * candidates, each described by what makes it a good fresh look: specialty and
 * sub-specialty, an academic center, another health system, in-network or not, a remote
 * program or a visit in person, and how long the wait is. One is chosen, with a reason.
 */

export enum ProviderNetworkStatus {
  IN_NETWORK = 'IN_NETWORK',
  OUT_OF_NETWORK = 'OUT_OF_NETWORK',
  UNKNOWN = 'UNKNOWN',
}

/** In person, or a formal remote / telehealth second-opinion program (written report and/or video). */
export enum ProviderVisitMode {
  IN_PERSON = 'IN_PERSON',
  REMOTE_PROGRAMME = 'REMOTE_PROGRAMME',
}

/** A wait longer than a year is almost certainly a typing slip (weeks entered as days...). */
export const MAX_EXPECTED_WAIT_DAYS = 365;

/** A refused field, with the reason code the client words in the reader's language (validation.reason in the web locales). */
const invalid = (field: string, message: string, reason: string): DomainError => new DomainError(DomainErrorCode.VALIDATION_FAILED, message, { field, reason });

/** Specialty names as people type them: "Medical  Oncology", "medical oncology " are one specialty. */
export function normalizeSpecialty(value: string | null | undefined): string {
  return (value ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface CandidateFields {
  readonly name: string;
  readonly specialty: string;
  readonly expectedWaitDays?: number | null;
}

/** What every candidate needs: a name and a specialty, and a wait that makes sense. */
export function assertCandidateFields(c: CandidateFields): void {
  if (!c.name.trim()) throw invalid('name', 'Give the provider a name.', 'REQUIRED');
  if (!c.specialty.trim()) throw invalid('specialty', 'Say which specialty this provider practices.', 'REQUIRED');
  const wait = c.expectedWaitDays;
  if (wait !== null && wait !== undefined && (!Number.isInteger(wait) || wait < 0 || wait > MAX_EXPECTED_WAIT_DAYS)) {
    throw invalid('expectedWaitDays', `The expected wait is a number of days from 0 to ${MAX_EXPECTED_WAIT_DAYS}.`, 'WAIT_DAYS_RANGE');
  }
}

/** Choosing a provider is a decision the patient may want to revisit: the reason is kept. */
export function assertChoiceReason(reason: string): string {
  const r = reason.trim();
  if (!r) throw invalid('reason', 'Say in a few words why this provider was chosen.', 'REQUIRED');
  return r;
}

export enum ProviderHint {
  /** Every candidate practices the current doctor's specialty and sub-specialty. */
  SAME_SPECIALTY_AND_SUB_SPECIALTY = 'SAME_SPECIALTY_AND_SUB_SPECIALTY',
  /** Every candidate practices the current doctor's specialty, though sub-specialties differ. */
  SAME_SPECIALTY = 'SAME_SPECIALTY',
  /** Nobody said what the current doctor's specialty is, so the lens cannot be compared. */
  CURRENT_SPECIALTY_UNKNOWN = 'CURRENT_SPECIALTY_UNKNOWN',
}

export interface SpecialtyOf {
  readonly specialty: string;
  readonly subSpecialty?: string | null;
}

/**
 * A second look from the same kind of doctor tends to see the same things. When every
 * candidate shares the current doctor's specialty, suggest a different sub-specialty (a
 * surgeon's plan seen by a medical or radiation oncologist). Null when there is nothing to say.
 */
export function providerSpecialtyHint(current: SpecialtyOf | null, candidates: readonly SpecialtyOf[]): ProviderHint | null {
  if (!candidates.length) return null;
  const specialty = normalizeSpecialty(current?.specialty);
  if (!specialty) return ProviderHint.CURRENT_SPECIALTY_UNKNOWN;
  if (!candidates.every((c) => normalizeSpecialty(c.specialty) === specialty)) return null;
  const sub = normalizeSpecialty(current?.subSpecialty);
  const allSameSub = candidates.every((c) => normalizeSpecialty(c.subSpecialty) === sub);
  return allSameSub ? ProviderHint.SAME_SPECIALTY_AND_SUB_SPECIALTY : ProviderHint.SAME_SPECIALTY;
}

export interface ComparableCandidate extends SpecialtyOf {
  readonly academicCentre: boolean;
  readonly otherHealthSystem: boolean;
  readonly network: ProviderNetworkStatus;
  readonly visitMode: ProviderVisitMode;
  readonly expectedWaitDays: number | null;
}

/** What speaks for a candidate, as plain facts the side-by-side view can show as badges. */
export enum CandidateStrength {
  ACADEMIC_CENTRE = 'ACADEMIC_CENTRE',
  OTHER_HEALTH_SYSTEM = 'OTHER_HEALTH_SYSTEM',
  IN_NETWORK = 'IN_NETWORK',
  DIFFERENT_LENS = 'DIFFERENT_LENS',
  SHORTEST_WAIT = 'SHORTEST_WAIT',
}

/** The strengths of each candidate, compared with the others and with the current doctor. */
export function candidateStrengths(current: SpecialtyOf | null, candidates: readonly ComparableCandidate[]): CandidateStrength[][] {
  const waits = candidates.map((c) => c.expectedWaitDays).filter((w): w is number => w !== null);
  const shortest = waits.length > 1 ? Math.min(...waits) : null;
  const cur = normalizeSpecialty(current?.specialty);
  const curSub = normalizeSpecialty(current?.subSpecialty);
  return candidates.map((c) => {
    const s: CandidateStrength[] = [];
    if (c.academicCentre) s.push(CandidateStrength.ACADEMIC_CENTRE);
    if (c.otherHealthSystem) s.push(CandidateStrength.OTHER_HEALTH_SYSTEM);
    if (c.network === ProviderNetworkStatus.IN_NETWORK) s.push(CandidateStrength.IN_NETWORK);
    if (cur && (normalizeSpecialty(c.specialty) !== cur || normalizeSpecialty(c.subSpecialty) !== curSub)) s.push(CandidateStrength.DIFFERENT_LENS);
    if (shortest !== null && c.expectedWaitDays === shortest) s.push(CandidateStrength.SHORTEST_WAIT);
    return s;
  });
}
