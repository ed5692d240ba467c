import { DomainError, DomainErrorCode } from '../errors/domain-error';

/** The journey of a second opinion, in order (docs/domain.md, "The journey"). */
export enum CaseStage {
  DECIDE = 'DECIDE',
  TALK_TO_DOCTOR = 'TALK_TO_DOCTOR',
  GATHER_RECORDS = 'GATHER_RECORDS',
  CHOOSE_PROVIDER = 'CHOOSE_PROVIDER',
  VERIFY_INSURANCE = 'VERIFY_INSURANCE',
  PREPARE = 'PREPARE',
  APPOINTMENT = 'APPOINTMENT',
  COMPARE_AND_DECIDE = 'COMPARE_AND_DECIDE',
  CLOSE_THE_LOOP = 'CLOSE_THE_LOOP',
  CLOSED = 'CLOSED',
}

export const CASE_STAGE_ORDER: readonly CaseStage[] = [
  CaseStage.DECIDE,
  CaseStage.TALK_TO_DOCTOR,
  CaseStage.GATHER_RECORDS,
  CaseStage.CHOOSE_PROVIDER,
  CaseStage.VERIFY_INSURANCE,
  CaseStage.PREPARE,
  CaseStage.APPOINTMENT,
  CaseStage.COMPARE_AND_DECIDE,
  CaseStage.CLOSE_THE_LOOP,
  CaseStage.CLOSED,
];

const indexOf = (stage: CaseStage): number => CASE_STAGE_ORDER.indexOf(stage);

/**
 * The moves a case may make from a stage:
 * - on to the next stage;
 * - back to any earlier open stage (records turn out incomplete, a third opinion is
 *   needed after comparing: the case returns to choosing a provider);
 * - gathering records, choosing the provider and verifying insurance often run side by
 *   side, so any of them may move straight to another of them;
 * - closed from any open stage (the patient withdraws, or the loop is closed);
 * - a closed case may be reopened to the stage where the loop is closed.
 */
export function allowedStageMoves(from: CaseStage): CaseStage[] {
  if (from === CaseStage.CLOSED) return [CaseStage.CLOSE_THE_LOOP];
  const i = indexOf(from);
  const moves = new Set<CaseStage>(CASE_STAGE_ORDER.slice(0, i));
  const next = CASE_STAGE_ORDER[i + 1]; // every open stage has one: CLOSED comes last
  if (next) moves.add(next);
  const parallel = [CaseStage.GATHER_RECORDS, CaseStage.CHOOSE_PROVIDER, CaseStage.VERIFY_INSURANCE];
  if (parallel.includes(from)) parallel.forEach((s) => moves.add(s));
  moves.add(CaseStage.CLOSED);
  moves.delete(from);
  return CASE_STAGE_ORDER.filter((s) => moves.has(s));
}

export function canMoveStage(from: CaseStage, to: CaseStage): boolean {
  return allowedStageMoves(from).includes(to);
}

export function assertStageMove(from: CaseStage, to: CaseStage): void {
  if (!canMoveStage(from, to)) {
    throw new DomainError(DomainErrorCode.INVALID_STAGE_MOVE, `A case cannot move from ${from} to ${to}`, {
      from,
      to,
      allowed: allowedStageMoves(from),
    });
  }
}

export const isOpenStage = (stage: CaseStage): boolean => stage !== CaseStage.CLOSED;
