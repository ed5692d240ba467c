import { CaseTrigger } from '../cases/trigger';
import { OpinionComparisonOutcome, opinionsDiffer } from '../opinions/comparison';
import { CoverageHint, coverageHints, InsurancePlanType, surgeryProposed } from './insurance-check';
import { effectivePlanType, InsuranceNetworkType, networkHints } from './network-type';

/** What a case's coverage hints are read from: its plan, its triggers and every comparison of its opinions. */
export interface CaseCoverageFacts {
  readonly planType: InsurancePlanType | null;
  /** How the plan's network works (HMO, PPO…), when known. */
  readonly networkType?: InsuranceNetworkType | null;
  readonly triggers: readonly CaseTrigger[];
  /** The outcome of each comparison made on the case (one per round). */
  readonly comparisons: readonly OpinionComparisonOutcome[];
}

/**
 * The one place a case's coverage hints come from: the insurance check shows them, and the
 * opinion advice shows those about a further opinion (`opinionAdvice`). No plan, no hints.
 * The network type adds its own (a referral first, staying in network), and a network type
 * that names a public program (Medicare, Medicaid) brings that program's rules.
 */
export function caseCoverageHints(facts: CaseCoverageFacts): CoverageHint[] {
  const networkType = facts.networkType ?? null;
  const planType = effectivePlanType(facts.planType, networkType);
  if (!planType) return [];
  const hints = coverageHints(planType, { surgeryProposed: surgeryProposed(facts.triggers), opinionsDiffer: opinionsDiffer(facts.comparisons) });
  return [...hints, ...networkHints(networkType)];
}
