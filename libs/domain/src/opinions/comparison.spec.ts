import { DomainErrorCode } from '../errors/domain-error';
import {
  assertCanCompare,
  assertCanStartNextRound,
  OpinionComparisonOutcome as O,
  opinionAdvice,
  OpinionNextStep as S,
} from './comparison';
import { CoverageHint as H, InsurancePlanType as PlanFamily } from '../insurance/insurance-check';

describe('comparing opinions', () => {
  it('suggests nothing before there are two opinions and a comparison', () => {
    expect(opinionAdvice(null, 2, PlanFamily.MEDICARE)).toEqual({ nextSteps: [], thirdOpinionSuggested: false, coverageHints: [] });
    expect(opinionAdvice(O.STRONGLY_CONFLICT, 1, PlanFamily.MEDICARE)).toEqual({ nextSteps: [], thirdOpinionSuggested: false, coverageHints: [] });
  });

  it('agreeing opinions: proceed with confidence, no third opinion', () => {
    expect(opinionAdvice(O.AGREE, 2, PlanFamily.MEDICARE)).toEqual({ nextSteps: [S.PROCEED_WITH_CONFIDENCE, S.SHARE_WITH_CURRENT_DOCTOR], thirdOpinionSuggested: false, coverageHints: [] });
  });

  it('differing opinions: ask why and weigh; a third opinion while only two are in', () => {
    expect(opinionAdvice(O.DIFFER, 2, PlanFamily.MEDICARE)).toEqual({
      nextSteps: [S.ASK_EACH_DOCTOR_WHY, S.WEIGH_OPTIONS, S.THIRD_OPINION_ACADEMIC_CENTRE],
      thirdOpinionSuggested: true,
      coverageHints: [H.MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER],
    });
    expect(opinionAdvice(O.DIFFER, 3, PlanFamily.MEDICARE)).toEqual({ nextSteps: [S.ASK_EACH_DOCTOR_WHY, S.WEIGH_OPTIONS], thirdOpinionSuggested: false, coverageHints: [] });
  });

  it('strongly conflicting opinions: third opinion at an academic centre, tumour board, ask why, lean on the advocate', () => {
    const a = opinionAdvice(O.STRONGLY_CONFLICT, 2, null);
    expect(a.nextSteps).toEqual([S.THIRD_OPINION_ACADEMIC_CENTRE, S.TUMOUR_BOARD, S.ASK_EACH_DOCTOR_WHY, S.LEAN_ON_ADVOCATE]);
    expect(a.thirdOpinionSuggested).toBe(true);
    expect(a.coverageHints).toEqual([]);
    expect(opinionAdvice(O.STRONGLY_CONFLICT, 3, PlanFamily.MEDICAID).thirdOpinionSuggested).toBe(true);
  });

  it('shows the plan’s hint beside a suggested third opinion, using the insurance rules', () => {
    expect(opinionAdvice(O.STRONGLY_CONFLICT, 2, PlanFamily.MEDICARE).coverageHints).toEqual([H.MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER]);
    expect(opinionAdvice(O.STRONGLY_CONFLICT, 2, PlanFamily.MEDICARE_ADVANTAGE).coverageHints).toEqual([H.MEDICARE_ADVANTAGE_NETWORK_OR_REFERRAL]);
    expect(opinionAdvice(O.STRONGLY_CONFLICT, 2, PlanFamily.MEDICAID).coverageHints).toEqual([H.MEDICAID_GENERALLY_COVERS]);
    expect(opinionAdvice(O.STRONGLY_CONFLICT, 2, PlanFamily.COMMERCIAL).coverageHints).toEqual([H.PLAN_RULES_VARY]);
    expect(opinionAdvice(O.AGREE, 2, PlanFamily.MEDICARE).coverageHints).toEqual([]);
  });

  it('compares only two or more opinions', () => {
    expect(() => assertCanCompare(1)).toThrow(expect.objectContaining({ code: DomainErrorCode.CONFLICT }));
    expect(() => assertCanCompare(2)).not.toThrow();
  });

  it('starts another round only when the opinions do not agree', () => {
    expect(() => assertCanStartNextRound(null)).toThrow(expect.objectContaining({ code: DomainErrorCode.CONFLICT }));
    expect(() => assertCanStartNextRound(O.AGREE)).toThrow(expect.objectContaining({ code: DomainErrorCode.CONFLICT }));
    expect(() => assertCanStartNextRound(O.DIFFER)).not.toThrow();
    expect(() => assertCanStartNextRound(O.STRONGLY_CONFLICT)).not.toThrow();
  });
});
