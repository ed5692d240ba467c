import { CaseTrigger } from '../cases/trigger';
import { OpinionComparisonOutcome, opinionsDiffer } from '../opinions/comparison';
import { CoverageHint, coverageHints, InsurancePlanType, surgeryProposed } from './insurance-check';

/** What a case's coverage hints are read from: its plan, its triggers and every comparison of its opinions. */
export interface CaseCoverageFacts {
  readonly planType: InsurancePlanType | null;
  readonly triggers: readonly CaseTrigger[];
  /** The outcome of each comparison made on the case (one per round). */
  readonly comparisons: readonly OpinionComparisonOutcome[];
}

/**
 * The one place a case's coverage hints come from: the insurance check shows them, and the
 * opinion advice shows those about a further opinion (`opinionAdvice`). No plan, no hints.
 */
export function caseCoverageHints(facts: CaseCoverageFacts): CoverageHint[] {
  if (!facts.planType) return [];
  return coverageHints(facts.planType, { surgeryProposed: surgeryProposed(facts.triggers), opinionsDiffer: opinionsDiffer(facts.comparisons) });
}
