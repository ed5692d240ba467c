import { CaseTrigger } from '../cases/trigger';
import { CalendarDate, daysBetween } from '../dates/calendar-date';
import { DomainError, DomainErrorCode } from '../errors/domain-error';

/*
 * Verifying insurance before the appointment (docs/domain.md, journey step 5): does the plan
 * cover a second opinion for this condition or procedure, are there network restrictions,
 * is prior authorization needed, must the referring doctor request it, and what will the
 * patient pay. Every call to the plan is logged; the latest call gives the outcome.
 */

export enum InsurancePlanType {
  MEDICARE = 'MEDICARE',
  MEDICARE_ADVANTAGE = 'MEDICARE_ADVANTAGE',
  MEDICAID = 'MEDICAID',
  COMMERCIAL = 'COMMERCIAL',
  OTHER = 'OTHER',
}

export enum InsuranceOutcome {
  VERIFIED = 'VERIFIED',
  NEEDS_PRE_AUTHORISATION = 'NEEDS_PRE_AUTHORISATION',
  NEEDS_REFERRAL = 'NEEDS_REFERRAL',
  NOT_COVERED = 'NOT_COVERED',
}

/** A refused field, with the reason code the client words in the reader's language (validation.reason in the web locales). */
const invalid = (field: string, message: string, reason: string): DomainError => new DomainError(DomainErrorCode.VALIDATION_FAILED, message, { field, reason });

/** The questions asked on a call; null means "not asked" or "they did not know". */
export interface InsuranceAnswers {
  readonly covered: boolean | null;
  readonly networkRestrictions: string;
  readonly preAuthRequired: boolean | null;
  readonly preAuthNumber: string;
  readonly preAuthValidFrom: CalendarDate | null;
  readonly preAuthValidTo: CalendarDate | null;
  readonly referringDoctorMustRequest: boolean | null;
  readonly costShare: string;
}

/** A prior authorization window whose end comes before its start is refused. */
export function assertPreAuthorisationWindow(from: CalendarDate | null, to: CalendarDate | null): void {
  if (from && to && to < from) throw invalid('preAuthValidTo', 'The prior authorization cannot end before it starts.', 'ENDS_BEFORE_START');
}

/** What the answers point to; staff or patient still pick the outcome, this is the suggestion. */
export function suggestedOutcome(a: InsuranceAnswers): InsuranceOutcome {
  if (a.covered === false) return InsuranceOutcome.NOT_COVERED;
  if (a.referringDoctorMustRequest === true && a.preAuthRequired === true && !a.preAuthNumber.trim()) return InsuranceOutcome.NEEDS_REFERRAL;
  if (a.preAuthRequired === true && !a.preAuthNumber.trim()) return InsuranceOutcome.NEEDS_PRE_AUTHORISATION;
  return InsuranceOutcome.VERIFIED;
}

/**
 * The outcome a call is saved with must agree with its own answers: "verified" is refused
 * when the plan said it does not cover it, or when a prior authorization is needed but there is
 * no number yet; "not covered" needs the plan to have said so.
 */
export function assertOutcomeFits(outcome: InsuranceOutcome, a: InsuranceAnswers): void {
  assertPreAuthorisationWindow(a.preAuthValidFrom, a.preAuthValidTo);
  if (outcome === InsuranceOutcome.VERIFIED) {
    if (a.covered === false) throw invalid('outcome', 'The plan said it does not cover this, so it cannot be marked verified.', 'NOT_COVERED_NOT_VERIFIED');
    if (a.preAuthRequired === true && !a.preAuthNumber.trim()) {
      throw invalid('preAuthNumber', 'A prior authorization is needed: add its number before marking the check verified.', 'PRE_AUTH_NUMBER_NEEDED');
    }
  }
  if (outcome === InsuranceOutcome.NOT_COVERED && a.covered === true) {
    throw invalid('outcome', 'The plan said this is covered, so it cannot be marked not covered.', 'COVERED_NOT_NOT_COVERED');
  }
}

export enum InsuranceNextStep {
  /** Nothing to chase: keep the reference number handy for the visit. */
  KEEP_REFERENCE = 'KEEP_REFERENCE',
  ASK_DOCTOR_FOR_PRE_AUTHORISATION = 'ASK_DOCTOR_FOR_PRE_AUTHORISATION',
  REQUEST_PRE_AUTHORISATION = 'REQUEST_PRE_AUTHORISATION',
  ASK_DOCTOR_FOR_REFERRAL = 'ASK_DOCTOR_FOR_REFERRAL',
  CHECK_IN_NETWORK_PROVIDER = 'CHECK_IN_NETWORK_PROVIDER',
  ASK_FOR_WRITTEN_DENIAL = 'ASK_FOR_WRITTEN_DENIAL',
  CONSIDER_APPEAL = 'CONSIDER_APPEAL',
  ASK_SELF_PAY_PRICE = 'ASK_SELF_PAY_PRICE',
  BOOK_WITHIN_PRE_AUTHORISATION = 'BOOK_WITHIN_PRE_AUTHORISATION',
}

/** What to do next after a call, in the order to do it. */
export function insuranceNextSteps(outcome: InsuranceOutcome, a: InsuranceAnswers): InsuranceNextStep[] {
  const steps: InsuranceNextStep[] = [];
  const network = a.networkRestrictions.trim() ? [InsuranceNextStep.CHECK_IN_NETWORK_PROVIDER] : [];
  switch (outcome) {
    case InsuranceOutcome.VERIFIED:
      steps.push(...network);
      if (a.preAuthValidTo) steps.push(InsuranceNextStep.BOOK_WITHIN_PRE_AUTHORISATION);
      steps.push(InsuranceNextStep.KEEP_REFERENCE);
      break;
    case InsuranceOutcome.NEEDS_PRE_AUTHORISATION:
      steps.push(a.referringDoctorMustRequest === true ? InsuranceNextStep.ASK_DOCTOR_FOR_PRE_AUTHORISATION : InsuranceNextStep.REQUEST_PRE_AUTHORISATION, ...network);
      break;
    case InsuranceOutcome.NEEDS_REFERRAL:
      steps.push(InsuranceNextStep.ASK_DOCTOR_FOR_REFERRAL, ...network);
      break;
    case InsuranceOutcome.NOT_COVERED:
      steps.push(InsuranceNextStep.ASK_FOR_WRITTEN_DENIAL, InsuranceNextStep.CONSIDER_APPEAL, InsuranceNextStep.ASK_SELF_PAY_PRICE);
      break;
  }
  return steps;
}

export enum CoverageHint {
  /** Medicare generally covers a second opinion before medically necessary surgery. */
  MEDICARE_SECOND_OPINION_BEFORE_SURGERY = 'MEDICARE_SECOND_OPINION_BEFORE_SURGERY',
  /** Medicare Part B covers a third opinion when the first two differ. */
  MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER = 'MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER',
  /** Medicare Advantage plans may limit you to their network or ask for a referral. */
  MEDICARE_ADVANTAGE_NETWORK_OR_REFERRAL = 'MEDICARE_ADVANTAGE_NETWORK_OR_REFERRAL',
  MEDICAID_GENERALLY_COVERS = 'MEDICAID_GENERALLY_COVERS',
  /** Commercial and other plans differ: ask the questions, and ask whether the referring doctor must request it. */
  PLAN_RULES_VARY = 'PLAN_RULES_VARY',
  /** HMO and POS plans usually need a referral from the primary doctor first. */
  REFERRAL_USUALLY_NEEDED = 'REFERRAL_USUALLY_NEEDED',
  /** HMO and EPO plans rarely pay for a provider outside their network. */
  OUT_OF_NETWORK_UNLIKELY = 'OUT_OF_NETWORK_UNLIKELY',
  /** TRICARE and VA care usually needs a referral or an authorization from the program first. */
  PROGRAM_AUTHORIZATION_FIRST = 'PROGRAM_AUTHORIZATION_FIRST',
}

export interface CoverageContext {
  /** Surgery or another invasive treatment is proposed (the RISKY_TREATMENT trigger). */
  readonly surgeryProposed: boolean;
  /**
   * The opinions on the case were judged to differ (see `opinionsDiffer`). Required, so no caller
   * can leave it out: use `caseCoverageHints`, which fills both from the case.
   */
  readonly opinionsDiffer: boolean;
}

/** The case's triggers say whether surgery or another invasive treatment is on the table. */
export const surgeryProposed = (triggers: readonly CaseTrigger[]): boolean => triggers.includes(CaseTrigger.RISKY_TREATMENT);

/** General rules of the public plans (docs/domain.md, journey step 5), shown as hints; the call to the plan decides. */
export function coverageHints(planType: InsurancePlanType, ctx: CoverageContext): CoverageHint[] {
  const hints: CoverageHint[] = [];
  switch (planType) {
    case InsurancePlanType.MEDICARE:
      if (ctx.surgeryProposed) hints.push(CoverageHint.MEDICARE_SECOND_OPINION_BEFORE_SURGERY);
      if (ctx.opinionsDiffer) hints.push(CoverageHint.MEDICARE_THIRD_OPINION_WHEN_OPINIONS_DIFFER);
      if (!hints.length) hints.push(CoverageHint.PLAN_RULES_VARY);
      break;
    case InsurancePlanType.MEDICARE_ADVANTAGE:
      hints.push(CoverageHint.MEDICARE_ADVANTAGE_NETWORK_OR_REFERRAL);
      break;
    case InsurancePlanType.MEDICAID:
      hints.push(CoverageHint.MEDICAID_GENERALLY_COVERS);
      break;
    case InsurancePlanType.COMMERCIAL:
    case InsurancePlanType.OTHER:
      hints.push(CoverageHint.PLAN_RULES_VARY);
      break;
  }
  return hints;
}

export enum PreAuthorisationFit {
  /** No prior authorization dates to compare with. */
  NO_WINDOW = 'NO_WINDOW',
  WITHIN = 'WITHIN',
  BEFORE_START = 'BEFORE_START',
  AFTER_END = 'AFTER_END',
}

export interface PreAuthorisationWindow {
  readonly validFrom: CalendarDate | null;
  readonly validTo: CalendarDate | null;
}

/**
 * Whether an appointment date falls inside the prior authorization (both ends included), and
 * how many days are left from `today` until it runs out: what a reminder job needs to warn
 * before an appointment lands outside it.
 */
export function preAuthorisationFit(window: PreAuthorisationWindow, appointmentOn: CalendarDate, today?: CalendarDate): { fit: PreAuthorisationFit; daysLeft: number | null } {
  const daysLeft = today && window.validTo ? daysBetween(today, window.validTo) : null;
  if (!window.validFrom && !window.validTo) return { fit: PreAuthorisationFit.NO_WINDOW, daysLeft };
  if (window.validFrom && appointmentOn < window.validFrom) return { fit: PreAuthorisationFit.BEFORE_START, daysLeft };
  if (window.validTo && appointmentOn > window.validTo) return { fit: PreAuthorisationFit.AFTER_END, daysLeft };
  return { fit: PreAuthorisationFit.WITHIN, daysLeft };
}
