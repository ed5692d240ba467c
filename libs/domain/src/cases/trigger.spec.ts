import { CaseTrigger, SecondOpinionAdvice, secondOpinionAdvice } from './trigger';

describe('rule of thumb: is a second opinion worth it', () => {
  it('says yes for a life-altering, risky, rare or contested situation', () => {
    for (const t of [CaseTrigger.MAJOR_DIAGNOSIS, CaseTrigger.RISKY_TREATMENT, CaseTrigger.RARE_CONDITION, CaseTrigger.CONFLICTING_INFORMATION]) {
      expect(secondOpinionAdvice([t])).toBe(SecondOpinionAdvice.WORTH_IT);
    }
  });
  it('leans yes for an uncertain diagnosis or several reasons together', () => {
    expect(secondOpinionAdvice([CaseTrigger.UNCERTAIN_DIAGNOSIS])).toBe(SecondOpinionAdvice.LIKELY_WORTH_IT);
    expect(secondOpinionAdvice([CaseTrigger.FEELS_UNHEARD, CaseTrigger.PERSISTENT_DOUBT])).toBe(SecondOpinionAdvice.LIKELY_WORTH_IT);
  });
  it('suggests talking it through when doubt alone is the reason', () => {
    expect(secondOpinionAdvice([CaseTrigger.PERSISTENT_DOUBT])).toBe(SecondOpinionAdvice.TALK_IT_THROUGH);
    expect(secondOpinionAdvice([])).toBe(SecondOpinionAdvice.TALK_IT_THROUGH);
  });
});
