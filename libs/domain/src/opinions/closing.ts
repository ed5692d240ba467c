import { CaseStage } from '../cases/case-stage';
import { DomainError, DomainErrorCode } from '../errors/domain-error';

/** How the case ended, for the organization's statistics (docs/domain.md, "Close the loop"). */
export enum CaseOutcome {
  CONFIRMED = 'CONFIRMED',
  CHANGED_DIAGNOSIS = 'CHANGED_DIAGNOSIS',
  CHANGED_TREATMENT = 'CHANGED_TREATMENT',
  NO_CHANGE = 'NO_CHANGE',
}

/** Sending the records on when care moves to the new provider. */
export enum RecordsReleaseState {
  NOT_NEEDED = 'NOT_NEEDED',
  TO_SEND = 'TO_SEND',
  SENT = 'SENT',
}

/** The patient decides once the opinions are in, and may revisit it while closing the loop. */
export const DECISION_STAGES: readonly CaseStage[] = [CaseStage.COMPARE_AND_DECIDE, CaseStage.CLOSE_THE_LOOP];

export function assertCanRecordDecision(stage: CaseStage): void {
  if (!DECISION_STAGES.includes(stage)) {
    throw new DomainError(DomainErrorCode.CONFLICT, 'A decision is written down once the opinions are being compared.', { field: 'stage', stage });
  }
}

/** When care moves, the records must follow; when it stays, there is nothing to release. */
export function releaseStateFor(careMoves: boolean, current: RecordsReleaseState): RecordsReleaseState {
  if (!careMoves) return RecordsReleaseState.NOT_NEEDED;
  return current === RecordsReleaseState.NOT_NEEDED ? RecordsReleaseState.TO_SEND : current;
}

export enum CloseProblem {
  NOT_CLOSING_THE_LOOP = 'NOT_CLOSING_THE_LOOP',
  NO_DECISION = 'NO_DECISION',
  NO_FOLLOW_UP = 'NO_FOLLOW_UP',
  RECORDS_NOT_RELEASED = 'RECORDS_NOT_RELEASED',
}

export interface ClosingFacts {
  readonly stage: CaseStage;
  readonly decision: string | null;
  readonly followUpOn: string | null;
  readonly careMoves: boolean;
  readonly recordsRelease: RecordsReleaseState;
}

/**
 * What still stands between the case and closing with an outcome: the case is closing the
 * loop, the decision is written down, the follow-up with the current doctor has a date, and
 * if care moves the records have gone to the new provider. (A case withdrawn early is
 * closed with a plain stage move, without an outcome.)
 */
export function closingProblems(f: ClosingFacts): CloseProblem[] {
  const problems: CloseProblem[] = [];
  if (f.stage !== CaseStage.CLOSE_THE_LOOP) problems.push(CloseProblem.NOT_CLOSING_THE_LOOP);
  if (!f.decision?.trim()) problems.push(CloseProblem.NO_DECISION);
  if (!f.followUpOn) problems.push(CloseProblem.NO_FOLLOW_UP);
  if (f.careMoves && f.recordsRelease !== RecordsReleaseState.SENT) problems.push(CloseProblem.RECORDS_NOT_RELEASED);
  return problems;
}

export function assertCanClose(f: ClosingFacts): void {
  const problems = closingProblems(f);
  if (problems.length) {
    throw new DomainError(DomainErrorCode.CONFLICT, 'The case is not ready to close yet.', { problems });
  }
}
