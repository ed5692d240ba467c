/** Why a second opinion is sought (docs/domain.md, "Why a second opinion"). */
export enum CaseTrigger {
  MAJOR_DIAGNOSIS = 'MAJOR_DIAGNOSIS',
  RISKY_TREATMENT = 'RISKY_TREATMENT',
  UNCERTAIN_DIAGNOSIS = 'UNCERTAIN_DIAGNOSIS',
  NO_IMPROVEMENT = 'NO_IMPROVEMENT',
  RARE_CONDITION = 'RARE_CONDITION',
  FEELS_UNHEARD = 'FEELS_UNHEARD',
  CONFLICTING_INFORMATION = 'CONFLICTING_INFORMATION',
  PERSISTENT_DOUBT = 'PERSISTENT_DOUBT',
}

export enum Urgency {
  ROUTINE = 'ROUTINE',
  URGENT = 'URGENT',
}

/** Triggers that make the stakes high by themselves: the rule of thumb says "worth it". */
const WEIGHTY: readonly CaseTrigger[] = [CaseTrigger.MAJOR_DIAGNOSIS, CaseTrigger.RISKY_TREATMENT, CaseTrigger.RARE_CONDITION, CaseTrigger.CONFLICTING_INFORMATION];

export enum SecondOpinionAdvice {
  WORTH_IT = 'WORTH_IT',
  LIKELY_WORTH_IT = 'LIKELY_WORTH_IT',
  TALK_IT_THROUGH = 'TALK_IT_THROUGH',
}

/**
 * The rule of thumb: worth it when the decision is life-altering, risky or irreversible,
 * or the doubt stays after a clear explanation; not for every routine prescription.
 */
export function secondOpinionAdvice(triggers: readonly CaseTrigger[]): SecondOpinionAdvice {
  if (triggers.some((t) => WEIGHTY.includes(t))) return SecondOpinionAdvice.WORTH_IT;
  if (triggers.length >= 2 || triggers.includes(CaseTrigger.UNCERTAIN_DIAGNOSIS)) {
    return SecondOpinionAdvice.LIKELY_WORTH_IT;
  }
  return SecondOpinionAdvice.TALK_IT_THROUGH;
}

/** The triggers that, taken alone, lean the rule of thumb towards a second opinion. */
export const isWeightyTrigger = (t: CaseTrigger): boolean => WEIGHTY.includes(t);

export interface SecondOpinionHint {
  advice: SecondOpinionAdvice;
  /** The chosen triggers that weighed most, so the hint can say why. */
  because: CaseTrigger[];
  /** An urgent case should not wait on a slow path: look for a fast or remote program. */
  actSoon: boolean;
}

/** The rule of thumb with its reasons, for the guided start of a new case. */
export function secondOpinionHint(triggers: readonly CaseTrigger[], urgency: Urgency): SecondOpinionHint {
  const advice = secondOpinionAdvice(triggers);
  const weighty = triggers.filter(isWeightyTrigger);
  const because = advice === SecondOpinionAdvice.WORTH_IT ? weighty : advice === SecondOpinionAdvice.LIKELY_WORTH_IT ? [...triggers] : [];
  return { advice, because: [...new Set(because)], actSoon: urgency === Urgency.URGENT && triggers.length > 0 };
}
