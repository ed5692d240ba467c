import { CaseTrigger } from '../cases/trigger';
import { CalendarDate, parseCalendarDate } from '../dates/calendar-date';
import { DomainError } from '../errors/domain-error';
import {
  assertOutcomeFits,
  assertPreAuthorisationWindow,
  CoverageHint,
  coverageHints,
  InsuranceAnswers,
  InsuranceNextStep,
  insuranceNextSteps,
  InsuranceOutcome,
  InsurancePlanType,
  PreAuthorisationFit,
  preAuthorisationFit,
  suggestedOutcome,
  surgeryProposed,
} from './insurance-check';

const d = (s: string): CalendarDate => parseCalendarDate(s);
const blank: InsuranceAnswers = {
  covered: null,
  networkRestrictions: '',
  preAuthRequired: null,
  preAuthNumber: '',
  preAuthValidFrom: null,
  preAuthValidTo: null,
  referringDoctorMustRequest: null,
  costShare: '',
};
const fieldOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? [e.code, e.details?.field] : e;
  }
  return 'no error';
};

describe('insurance check', () => {
  describe('prior authorization window', () => {
    it('refuses an end before the start, accepts one day or open ends', () => {
      expect(fieldOf(() => assertPreAuthorisationWindow(d('2026-03-10'), d('2026-03-09')))).toEqual(['VALIDATION_FAILED', 'preAuthValidTo']);
      expect(fieldOf(() => assertPreAuthorisationWindow(d('2026-03-10'), d('2026-03-10')))).toBe('no error');
      expect(fieldOf(() => assertPreAuthorisationWindow(null, d('2026-03-10')))).toBe('no error');
      expect(fieldOf(() => assertPreAuthorisationWindow(d('2026-03-10'), null))).toBe('no error');
    });

    it('tells whether an appointment falls inside it, both ends included, and the days left', () => {
      const w = { validFrom: d('2026-03-01'), validTo: d('2026-03-31') };
      expect(preAuthorisationFit(w, d('2026-03-01'))).toEqual({ fit: PreAuthorisationFit.WITHIN, daysLeft: null });
      expect(preAuthorisationFit(w, d('2026-03-31'), d('2026-03-21'))).toEqual({ fit: PreAuthorisationFit.WITHIN, daysLeft: 10 });
      expect(preAuthorisationFit(w, d('2026-02-28')).fit).toBe(PreAuthorisationFit.BEFORE_START);
      expect(preAuthorisationFit(w, d('2026-04-01'), d('2026-04-02'))).toEqual({ fit: PreAuthorisationFit.AFTER_END, daysLeft: -2 });
      expect(preAuthorisationFit({ validFrom: null, validTo: null }, d('2026-04-01')).fit).toBe(PreAuthorisationFit.NO_WINDOW);
      expect(preAuthorisationFit({ validFrom: null, validTo: d('2026-03-31') }, d('2026-01-01')).fit).toBe(PreAuthorisationFit.WITHIN);
      expect(preAuthorisationFit({ validFrom: d('2026-03-01'), validTo: null }, d('2027-01-01')).fit).toBe(PreAuthorisationFit.WITHIN);
    });
  });

  describe('suggested outcome', () => {
    it('follows the answers', () => {
      expect(suggestedOutcome(blank)).toBe(InsuranceOutcome.VERIFIED);
      expect(suggestedOutcome({ ...blank, covered: false, preAuthRequired: true })).toBe(InsuranceOutcome.NOT_COVERED);
      expect(suggestedOutcome({ ...blank, covered: true, preAuthRequired: true })).toBe(InsuranceOutcome.NEEDS_PRE_AUTHORISATION);
      expect(suggestedOutcome({ ...blank, covered: true, preAuthRequired: true, referringDoctorMustRequest: true })).toBe(InsuranceOutcome.NEEDS_REFERRAL);
      expect(suggestedOutcome({ ...blank, covered: true, preAuthRequired: true, preAuthNumber: 'PA-1' })).toBe(InsuranceOutcome.VERIFIED);
    });
  });

  describe('outcome must fit the answers', () => {
    it('refuses "verified" when not covered or the prior authorization number is missing', () => {
      expect(fieldOf(() => assertOutcomeFits(InsuranceOutcome.VERIFIED, { ...blank, covered: false }))).toEqual(['VALIDATION_FAILED', 'outcome']);
      expect(fieldOf(() => assertOutcomeFits(InsuranceOutcome.VERIFIED, { ...blank, preAuthRequired: true, preAuthNumber: ' ' }))).toEqual(['VALIDATION_FAILED', 'preAuthNumber']);
      expect(fieldOf(() => assertOutcomeFits(InsuranceOutcome.VERIFIED, { ...blank, covered: true, preAuthRequired: true, preAuthNumber: 'PA-1' }))).toBe('no error');
    });
    it('refuses "not covered" when the plan said it is covered', () => {
      expect(fieldOf(() => assertOutcomeFits(InsuranceOutcome.NOT_COVERED, { ...blank, covered: true }))).toEqual(['VALIDATION_FAILED', 'outcome']);
      expect(fieldOf(() => assertOutcomeFits(InsuranceOutcome.NOT_COVERED, { ...blank, covered: false }))).toBe('no error');
    });
    it('checks the window whatever the outcome', () => {
      const backwards = { ...blank, preAuthValidFrom: d('2026-05-02'), preAuthValidTo: d('2026-05-01') };
      for (const o of Object.values(InsuranceOutcome)) expect(fieldOf(() => assertOutcomeFits(o, backwards))).toEqual(['VALIDATION_FAILED', 'preAuthValidTo']);
    });
    it('lets the pending outcomes through with open answers', () => {
      expect(fieldOf(() => assertOutcomeFits(InsuranceOutcome.NEEDS_PRE_AUTHORISATION, { ...blank, preAuthRequired: true }))).toBe('no error');
      expect(fieldOf(() => assertOutcomeFits(InsuranceOutcome.NEEDS_REFERRAL, blank))).toBe('no error');
    });
  });

  describe('next steps', () => {
    it('after a verified check: network first, then book inside the window, keep the reference', () => {
      expect(insuranceNextSteps(InsuranceOutcome.VERIFIED, blank)).toEqual([InsuranceNextStep.KEEP_REFERENCE]);
      expect(insuranceNextSteps(InsuranceOutcome.VERIFIED, { ...blank, networkRestrictions: 'In network only', preAuthValidTo: d('2026-05-01') })).toEqual([
        InsuranceNextStep.CHECK_IN_NETWORK_PROVIDER,
        InsuranceNextStep.BOOK_WITHIN_PRE_AUTHORISATION,
        InsuranceNextStep.KEEP_REFERENCE,
      ]);
    });
    it('a prior authorization is asked for by the doctor when the plan says so, else by us', () => {
      expect(insuranceNextSteps(InsuranceOutcome.NEEDS_PRE_AUTHORISATION, { ...blank, referringDoctorMustRequest: true })).toEqual([InsuranceNextStep.ASK_DOCTOR_FOR_PRE_AUTHORISATION]);
      expect(insuranceNextSteps(InsuranceOutcome.NEEDS_PRE_AUTHORISATION, { ...blank, networkRestrictions: 'HMO' })).toEqual([
        InsuranceNextStep.REQUEST_PRE_AUTHORISATION,
        InsuranceNextStep.CHECK_IN_NETWORK_PROVIDER,
      ]);
    });
    it('a referral is asked of the current doctor; a denial is put in writing, appealed, or priced', () => {
      expect(insuranceNextSteps(InsuranceOutcome.NEEDS_REFERRAL, blank)).toEqual([InsuranceNextStep.ASK_DOCTOR_FOR_REFERRAL]);
      expect(insuranceNextSteps(InsuranceOutcome.NOT_COVERED, { ...blank, networkRestrictions: 'x' })).toEqual([
        InsuranceNextStep.ASK_FOR_WRITTEN_DENIAL,
        InsuranceNextStep.CONSIDER_APPEAL,
        InsuranceNextStep.ASK_SELF_PAY_PRICE,
      ]);
    });
  });

  describe('coverage hints', () => {
    it('Medicare: a second opinion before surgery, a third when the first two differ', () => {
      expect(coverageHints(InsurancePlanType.MEDICARE, { surgeryProposed: true, opinionsDiffer: false })).toEqual([CoverageHint.MEDICARE_SECOND_OPINION_BEFORE_SURGERY]);
      expect(coverageHints(InsurancePlanType.MEDICARE, { surgeryProposed: true, opinionsDiffer: true })).toEqual([
        CoverageHint.MEDICARE_SECOND_OPINION_BEFORE_SURGERY,
        CoverageHint.MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER,
      ]);
      expect(coverageHints(InsurancePlanType.MEDICARE, { surgeryProposed: false, opinionsDiffer: true })).toEqual([CoverageHint.MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER]);
      expect(coverageHints(InsurancePlanType.MEDICARE, { surgeryProposed: false, opinionsDiffer: false })).toEqual([CoverageHint.PLAN_RULES_VARY]);
    });
    it('Medicare Advantage may need the network or a referral; Medicaid generally covers; others vary', () => {
      expect(coverageHints(InsurancePlanType.MEDICARE_ADVANTAGE, { surgeryProposed: true, opinionsDiffer: false })).toEqual([CoverageHint.MEDICARE_ADVANTAGE_NETWORK_OR_REFERRAL]);
      expect(coverageHints(InsurancePlanType.MEDICAID, { surgeryProposed: false, opinionsDiffer: false })).toEqual([CoverageHint.MEDICAID_GENERALLY_COVERS]);
      expect(coverageHints(InsurancePlanType.COMMERCIAL, { surgeryProposed: true, opinionsDiffer: false })).toEqual([CoverageHint.PLAN_RULES_VARY]);
      expect(coverageHints(InsurancePlanType.OTHER, { surgeryProposed: false, opinionsDiffer: false })).toEqual([CoverageHint.PLAN_RULES_VARY]);
    });
    it('reads "surgery proposed" from the case triggers', () => {
      expect(surgeryProposed([CaseTrigger.RISKY_TREATMENT, CaseTrigger.PERSISTENT_DOUBT])).toBe(true);
      expect(surgeryProposed([CaseTrigger.MAJOR_DIAGNOSIS])).toBe(false);
    });
  });
});
