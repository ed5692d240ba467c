import { CaseTrigger } from '../cases/trigger';
import { OpinionComparisonOutcome as O } from '../opinions/comparison';
import { caseCoverageHints } from './case-coverage';
import { CoverageHint as H, InsurancePlanType as P } from './insurance-check';
import { effectivePlanType, InsuranceNetworkType as N, outOfNetworkUnlikely, referralUsuallyNeeded } from './network-type';

const SURGERY = [CaseTrigger.RISKY_TREATMENT];
const NONE: CaseTrigger[] = [];

describe('a case’s coverage hints', () => {
  it('a Medicare case hears of the third opinion once its opinions were compared as differing', () => {
    expect(caseCoverageHints({ planType: P.MEDICARE, triggers: NONE, comparisons: [] })).toEqual([H.PLAN_RULES_VARY]);
    expect(caseCoverageHints({ planType: P.MEDICARE, triggers: NONE, comparisons: [O.AGREE] })).toEqual([H.PLAN_RULES_VARY]);
    expect(caseCoverageHints({ planType: P.MEDICARE, triggers: NONE, comparisons: [O.DIFFER] })).toEqual([H.MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER]);
    expect(caseCoverageHints({ planType: P.MEDICARE, triggers: NONE, comparisons: [O.STRONGLY_CONFLICT] })).toEqual([H.MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER]);
    expect(caseCoverageHints({ planType: P.MEDICARE, triggers: SURGERY, comparisons: [] })).toEqual([H.MEDICARE_SECOND_OPINION_BEFORE_SURGERY]);
    expect(caseCoverageHints({ planType: P.MEDICARE, triggers: SURGERY, comparisons: [O.DIFFER] })).toEqual([H.MEDICARE_SECOND_OPINION_BEFORE_SURGERY, H.MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER]);
    // The first two differed, a third agreed with one of them: the third was still covered.
    expect(caseCoverageHints({ planType: P.MEDICARE, triggers: NONE, comparisons: [O.DIFFER, O.AGREE] })).toEqual([H.MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER]);
  });

  it('other plans keep their own hint whatever the opinions say; no plan, no hints', () => {
    for (const comparisons of [[], [O.AGREE], [O.DIFFER]]) {
      for (const triggers of [NONE, SURGERY]) {
        expect(caseCoverageHints({ planType: P.MEDICARE_ADVANTAGE, triggers, comparisons })).toEqual([H.MEDICARE_ADVANTAGE_NETWORK_OR_REFERRAL]);
        expect(caseCoverageHints({ planType: P.MEDICAID, triggers, comparisons })).toEqual([H.MEDICAID_GENERALLY_COVERS]);
        expect(caseCoverageHints({ planType: P.COMMERCIAL, triggers, comparisons })).toEqual([H.PLAN_RULES_VARY]);
        expect(caseCoverageHints({ planType: null, triggers, comparisons })).toEqual([]);
      }
    }
  });
});

describe('hints from the plan’s network type', () => {
  const facts = (networkType: N | null, planType: P | null = P.COMMERCIAL, triggers: CaseTrigger[] = NONE) => caseCoverageHints({ planType, networkType, triggers, comparisons: [] });

  it('HMO and POS plans usually need a referral; HMO and EPO rarely pay out of network', () => {
    expect(facts(N.HMO)).toEqual([H.PLAN_RULES_VARY, H.REFERRAL_USUALLY_NEEDED, H.OUT_OF_NETWORK_UNLIKELY]);
    expect(facts(N.POS)).toEqual([H.PLAN_RULES_VARY, H.REFERRAL_USUALLY_NEEDED]);
    expect(facts(N.EPO)).toEqual([H.PLAN_RULES_VARY, H.OUT_OF_NETWORK_UNLIKELY]);
    expect(facts(N.PPO)).toEqual([H.PLAN_RULES_VARY]);
    expect(facts(null)).toEqual([H.PLAN_RULES_VARY]);
    expect(referralUsuallyNeeded(N.PPO)).toBe(false);
    expect(outOfNetworkUnlikely(N.POS)).toBe(false);
  });

  it('a plan through work whose network is Original Medicare hears that Part B covers a second opinion before surgery', () => {
    expect(facts(N.MEDICARE, P.COMMERCIAL, SURGERY)).toEqual([H.MEDICARE_SECOND_OPINION_BEFORE_SURGERY]);
    expect(facts(N.MEDICARE, null, SURGERY)).toEqual([H.MEDICARE_SECOND_OPINION_BEFORE_SURGERY]);
    expect(facts(N.MEDICAID, P.OTHER)).toEqual([H.MEDICAID_GENERALLY_COVERS]);
    expect(facts(N.MEDICARE_ADVANTAGE, null)).toEqual([H.MEDICARE_ADVANTAGE_NETWORK_OR_REFERRAL]);
    // The plan's own kind wins when it already names a program.
    expect(facts(N.MEDICARE, P.MEDICAID)).toEqual([H.MEDICAID_GENERALLY_COVERS]);
    expect(effectivePlanType(P.MEDICAID, N.MEDICARE)).toBe(P.MEDICAID);
  });

  it('TRICARE and VA care asks the program for a referral or authorization first', () => {
    expect(facts(N.TRICARE)).toEqual([H.PLAN_RULES_VARY, H.PROGRAM_AUTHORIZATION_FIRST]);
    expect(facts(N.VA, P.OTHER)).toEqual([H.PLAN_RULES_VARY, H.PROGRAM_AUTHORIZATION_FIRST]);
    expect(facts(N.OTHER, null)).toEqual([]);
  });
});
