import { CaseTrigger, isWeightyTrigger, SecondOpinionAdvice, secondOpinionAdvice, secondOpinionHint, Urgency } from './trigger';

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

describe('the rule of thumb with its reasons (guided start)', () => {
  it('names the weighty triggers when it says "worth it"', () => {
    expect(secondOpinionHint([CaseTrigger.PERSISTENT_DOUBT, CaseTrigger.RISKY_TREATMENT], Urgency.ROUTINE)).toEqual({
      advice: SecondOpinionAdvice.WORTH_IT,
      because: [CaseTrigger.RISKY_TREATMENT],
      actSoon: false,
    });
  });
  it('names every trigger when several together lean yes', () => {
    expect(secondOpinionHint([CaseTrigger.FEELS_UNHEARD, CaseTrigger.NO_IMPROVEMENT], Urgency.ROUTINE).because).toEqual([CaseTrigger.FEELS_UNHEARD, CaseTrigger.NO_IMPROVEMENT]);
  });
  it('gives no reasons for "talk it through", and says act soon only for an urgent case with a reason', () => {
    expect(secondOpinionHint([CaseTrigger.PERSISTENT_DOUBT], Urgency.URGENT)).toEqual({ advice: SecondOpinionAdvice.TALK_IT_THROUGH, because: [], actSoon: true });
    expect(secondOpinionHint([], Urgency.URGENT).actSoon).toBe(false);
    expect(isWeightyTrigger(CaseTrigger.MAJOR_DIAGNOSIS)).toBe(true);
    expect(isWeightyTrigger(CaseTrigger.FEELS_UNHEARD)).toBe(false);
  });
});
