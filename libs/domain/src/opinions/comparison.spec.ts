import { DomainErrorCode } from '../errors/domain-error';
import {
  assertCanCompare,
  assertCanStartNextRound,
  OpinionComparisonOutcome as O,
  opinionAdvice,
  OpinionNextStep as S,
  PlanFamily,
  thirdOpinionCoverageHint,
  ThirdOpinionCoverageHint as H,
} from './comparison';

describe('comparing opinions', () => {
  it('suggests nothing before there are two opinions and a comparison', () => {
    expect(opinionAdvice(null, 2, PlanFamily.MEDICARE)).toEqual({ nextSteps: [], thirdOpinionSuggested: false, coverageHint: null });
    expect(opinionAdvice(O.STRONGLY_CONFLICT, 1, PlanFamily.MEDICARE)).toEqual({ nextSteps: [], thirdOpinionSuggested: false, coverageHint: null });
  });

  it('agreeing opinions: proceed with confidence, no third opinion', () => {
    expect(opinionAdvice(O.AGREE, 2, PlanFamily.MEDICARE)).toEqual({ nextSteps: [S.PROCEED_WITH_CONFIDENCE, S.SHARE_WITH_CURRENT_DOCTOR], thirdOpinionSuggested: false, coverageHint: null });
  });

  it('differing opinions: ask why and weigh; a third opinion while only two are in', () => {
    expect(opinionAdvice(O.DIFFER, 2, PlanFamily.MEDICARE)).toEqual({
      nextSteps: [S.ASK_EACH_DOCTOR_WHY, S.WEIGH_OPTIONS, S.THIRD_OPINION_ACADEMIC_CENTRE],
      thirdOpinionSuggested: true,
      coverageHint: H.MEDICARE_COVERS_THIRD,
    });
    expect(opinionAdvice(O.DIFFER, 3, PlanFamily.MEDICARE)).toEqual({ nextSteps: [S.ASK_EACH_DOCTOR_WHY, S.WEIGH_OPTIONS], thirdOpinionSuggested: false, coverageHint: null });
  });

  it('strongly conflicting opinions: third opinion at an academic centre, tumour board, ask why, lean on the advocate', () => {
    const a = opinionAdvice(O.STRONGLY_CONFLICT, 2, null);
    expect(a.nextSteps).toEqual([S.THIRD_OPINION_ACADEMIC_CENTRE, S.TUMOUR_BOARD, S.ASK_EACH_DOCTOR_WHY, S.LEAN_ON_ADVOCATE]);
    expect(a.thirdOpinionSuggested).toBe(true);
    expect(a.coverageHint).toBeNull();
    expect(opinionAdvice(O.STRONGLY_CONFLICT, 3, PlanFamily.MEDICAID).thirdOpinionSuggested).toBe(true);
  });

  it('gives one coverage hint per plan family', () => {
    expect(thirdOpinionCoverageHint(PlanFamily.MEDICARE)).toBe(H.MEDICARE_COVERS_THIRD);
    expect(thirdOpinionCoverageHint(PlanFamily.MEDICARE_ADVANTAGE)).toBe(H.MEDICARE_ADVANTAGE_CHECK_NETWORK);
    expect(thirdOpinionCoverageHint(PlanFamily.MEDICAID)).toBe(H.MEDICAID_USUALLY_COVERS);
    expect(thirdOpinionCoverageHint(PlanFamily.COMMERCIAL)).toBe(H.CHECK_WITH_PLAN);
    expect(thirdOpinionCoverageHint(PlanFamily.OTHER)).toBe(H.CHECK_WITH_PLAN);
    expect(thirdOpinionCoverageHint(null)).toBeNull();
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
