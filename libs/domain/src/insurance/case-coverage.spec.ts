import { CaseTrigger } from '../cases/trigger';
import { OpinionComparisonOutcome as O } from '../opinions/comparison';
import { caseCoverageHints } from './case-coverage';
import { CoverageHint as H, InsurancePlanType as P } from './insurance-check';

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
