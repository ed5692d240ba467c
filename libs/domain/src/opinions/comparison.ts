import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { CoverageHint } from '../insurance/insurance-check';

/** How the opinions on a case relate (docs/domain.md, "Compare and decide"). */
export enum OpinionComparisonOutcome {
  /** The opinions confirm each other: proceed with confidence. */
  AGREE = 'AGREE',
  /** They differ: weigh the options, ask each doctor why. */
  DIFFER = 'DIFFER',
  /** They strongly conflict: seek a third opinion, a tumor board, lean on the advocate. */
  STRONGLY_CONFLICT = 'STRONGLY_CONFLICT',
}

/** What the product suggests doing next; the client words each step. */
export enum OpinionNextStep {
  PROCEED_WITH_CONFIDENCE = 'PROCEED_WITH_CONFIDENCE',
  WEIGH_OPTIONS = 'WEIGH_OPTIONS',
  ASK_EACH_DOCTOR_WHY = 'ASK_EACH_DOCTOR_WHY',
  THIRD_OPINION_ACADEMIC_CENTRE = 'THIRD_OPINION_ACADEMIC_CENTRE',
  TUMOUR_BOARD = 'TUMOUR_BOARD',
  LEAN_ON_ADVOCATE = 'LEAN_ON_ADVOCATE',
  SHARE_WITH_CURRENT_DOCTOR = 'SHARE_WITH_CURRENT_DOCTOR',
}

export interface OpinionAdvice {
  readonly nextSteps: OpinionNextStep[];
  readonly thirdOpinionSuggested: boolean;
  /** What the plan's general rules say about paying for a further opinion (the insurance check's rules). */
  readonly coverageHints: CoverageHint[];
}

/**
 * Whether the opinions on a case were judged to differ, from every comparison made on it (one per
 * round). Once the first two were found to differ, that stays true when a third agrees with one of
 * them: Medicare Part B's third opinion was covered for exactly that reason.
 */
export const opinionsDiffer = (outcomes: readonly OpinionComparisonOutcome[]): boolean => outcomes.some((o) => o !== OpinionComparisonOutcome.AGREE);

/**
 * The next steps for a comparison. A third opinion is suggested when the opinions strongly
 * conflict, or differ while only two have been given (with three on the table, differing views
 * are weighed rather than sent to a fourth doctor). Beside a suggested further opinion come the
 * case's coverage hints (`caseCoverageHints`, the same the insurance check shows), less the one
 * about a second opinion before surgery: by now the question is the next opinion.
 */
export function opinionAdvice(outcome: OpinionComparisonOutcome | null, opinionCount: number, caseHints: readonly CoverageHint[]): OpinionAdvice {
  if (!outcome || opinionCount < 2) return { nextSteps: [], thirdOpinionSuggested: false, coverageHints: [] };
  const thirdOpinionSuggested = outcome === OpinionComparisonOutcome.STRONGLY_CONFLICT || (outcome === OpinionComparisonOutcome.DIFFER && opinionCount < 3);
  let nextSteps: OpinionNextStep[];
  switch (outcome) {
    case OpinionComparisonOutcome.AGREE:
      nextSteps = [OpinionNextStep.PROCEED_WITH_CONFIDENCE, OpinionNextStep.SHARE_WITH_CURRENT_DOCTOR];
      break;
    case OpinionComparisonOutcome.DIFFER:
      nextSteps = [OpinionNextStep.ASK_EACH_DOCTOR_WHY, OpinionNextStep.WEIGH_OPTIONS, ...(thirdOpinionSuggested ? [OpinionNextStep.THIRD_OPINION_ACADEMIC_CENTRE] : [])];
      break;
    case OpinionComparisonOutcome.STRONGLY_CONFLICT:
      nextSteps = [OpinionNextStep.THIRD_OPINION_ACADEMIC_CENTRE, OpinionNextStep.TUMOUR_BOARD, OpinionNextStep.ASK_EACH_DOCTOR_WHY, OpinionNextStep.LEAN_ON_ADVOCATE];
      break;
  }
  const hints = thirdOpinionSuggested ? caseHints.filter((h) => h !== CoverageHint.MEDICARE_SECOND_OPINION_BEFORE_SURGERY) : [];
  return { nextSteps, thirdOpinionSuggested, coverageHints: hints };
}

/** Comparing needs something to compare: at least two opinions. */
export function assertCanCompare(opinionCount: number): void {
  if (opinionCount < 2) {
    throw new DomainError(DomainErrorCode.CONFLICT, 'Add at least two opinions before comparing them.', { field: 'outcome' });
  }
}

/**
 * Starting another round keeps every opinion given so far and sends the case back to
 * choosing a provider. It makes sense only once the latest comparison says the opinions
 * do not agree.
 */
export function assertCanStartNextRound(outcome: OpinionComparisonOutcome | null): void {
  if (outcome !== OpinionComparisonOutcome.DIFFER && outcome !== OpinionComparisonOutcome.STRONGLY_CONFLICT) {
    throw new DomainError(DomainErrorCode.CONFLICT, 'Another opinion is started when the opinions so far differ. Compare them first.', { field: 'outcome' });
  }
}
