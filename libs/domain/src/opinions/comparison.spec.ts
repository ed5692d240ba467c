import { DomainErrorCode } from '../errors/domain-error';
import { assertCanCompare, assertCanStartNextRound, OpinionComparisonOutcome as O, opinionAdvice, OpinionNextStep as S, opinionsDiffer } from './comparison';
import { CoverageHint as H } from '../insurance/insurance-check';

const MEDICARE = [H.MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER];

describe('comparing opinions', () => {
  it('suggests nothing before there are two opinions and a comparison', () => {
    expect(opinionAdvice(null, 2, MEDICARE)).toEqual({ nextSteps: [], thirdOpinionSuggested: false, coverageHints: [] });
    expect(opinionAdvice(O.STRONGLY_CONFLICT, 1, MEDICARE)).toEqual({ nextSteps: [], thirdOpinionSuggested: false, coverageHints: [] });
  });

  it('agreeing opinions: proceed with confidence, no third opinion', () => {
    expect(opinionAdvice(O.AGREE, 2, MEDICARE)).toEqual({ nextSteps: [S.PROCEED_WITH_CONFIDENCE, S.SHARE_WITH_CURRENT_DOCTOR], thirdOpinionSuggested: false, coverageHints: [] });
  });

  it('differing opinions: ask why and weigh; a third opinion while only two are in', () => {
    expect(opinionAdvice(O.DIFFER, 2, MEDICARE)).toEqual({
      nextSteps: [S.ASK_EACH_DOCTOR_WHY, S.WEIGH_OPTIONS, S.THIRD_OPINION_ACADEMIC_CENTRE],
      thirdOpinionSuggested: true,
      coverageHints: [H.MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER],
    });
    expect(opinionAdvice(O.DIFFER, 3, MEDICARE)).toEqual({ nextSteps: [S.ASK_EACH_DOCTOR_WHY, S.WEIGH_OPTIONS], thirdOpinionSuggested: false, coverageHints: [] });
  });

  it('strongly conflicting opinions: third opinion at an academic center, tumor board, ask why, lean on the advocate', () => {
    const a = opinionAdvice(O.STRONGLY_CONFLICT, 2, []);
    expect(a.nextSteps).toEqual([S.THIRD_OPINION_ACADEMIC_CENTRE, S.TUMOUR_BOARD, S.ASK_EACH_DOCTOR_WHY, S.LEAN_ON_ADVOCATE]);
    expect(a.thirdOpinionSuggested).toBe(true);
    expect(a.coverageHints).toEqual([]);
    expect(opinionAdvice(O.STRONGLY_CONFLICT, 3, [H.MEDICAID_GENERALLY_COVERS]).thirdOpinionSuggested).toBe(true);
  });

  it('shows the case’s coverage hints beside a suggested further opinion, less the one about a second opinion before surgery', () => {
    expect(opinionAdvice(O.DIFFER, 2, [H.MEDICARE_SECOND_OPINION_BEFORE_SURGERY, H.MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER]).coverageHints).toEqual([
      H.MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER,
    ]);
    expect(opinionAdvice(O.STRONGLY_CONFLICT, 2, MEDICARE).coverageHints).toEqual([H.MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER]);
    expect(opinionAdvice(O.STRONGLY_CONFLICT, 2, [H.MEDICARE_ADVANTAGE_NETWORK_OR_REFERRAL]).coverageHints).toEqual([H.MEDICARE_ADVANTAGE_NETWORK_OR_REFERRAL]);
    expect(opinionAdvice(O.STRONGLY_CONFLICT, 2, [H.MEDICAID_GENERALLY_COVERS]).coverageHints).toEqual([H.MEDICAID_GENERALLY_COVERS]);
    expect(opinionAdvice(O.STRONGLY_CONFLICT, 2, [H.PLAN_RULES_VARY]).coverageHints).toEqual([H.PLAN_RULES_VARY]);
    expect(opinionAdvice(O.AGREE, 2, MEDICARE).coverageHints).toEqual([]);
  });

  it('the opinions differ once any comparison found them differing or conflicting', () => {
    expect(opinionsDiffer([])).toBe(false);
    expect(opinionsDiffer([O.AGREE])).toBe(false);
    expect(opinionsDiffer([O.DIFFER])).toBe(true);
    expect(opinionsDiffer([O.STRONGLY_CONFLICT, O.AGREE])).toBe(true);
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
