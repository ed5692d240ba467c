import { gql } from 'urql';
import type { CoverageHint, InsuranceNextStep, InsuranceOutcome, InsurancePlanType } from '@second-look/domain';

export type { CoverageHint, InsuranceNextStep, InsuranceOutcome, InsurancePlanType };

// The insurance check's shapes; they match schema.gql (InsuranceCheck, InsurancePlan, InsuranceCall) by hand.

export interface InsurancePlan {
  id: string;
  payer: string;
  planType: InsurancePlanType;
  memberId: string;
  groupNumber: string;
  phone: string;
  updatedAt: string;
}

export interface InsuranceCall {
  id: string;
  /** `YYYY-MM-DD` */
  calledOn: string;
  representative: string;
  referenceNumber: string;
  covered: boolean | null;
  networkRestrictions: string;
  preAuthRequired: boolean | null;
  preAuthNumber: string;
  preAuthValidFrom: string | null;
  preAuthValidTo: string | null;
  referringDoctorMustRequest: boolean | null;
  costShare: string;
  outcome: InsuranceOutcome;
  notes: string;
  /** Null for patients and caregivers. */
  staffNotes: string | null;
  createdAt: string;
}

export interface InsuranceCheck {
  plan: InsurancePlan | null;
  /** Newest first. */
  calls: InsuranceCall[];
  outcome: InsuranceOutcome | null;
  nextSteps: InsuranceNextStep[];
  coverageHints: CoverageHint[];
  /** The latest pre-authorisation from the calls, for checking an appointment date against it. */
  preAuthorisation: { number: string; validFrom: string | null; validTo: string | null; referenceNumber: string } | null;
}

export interface CaseInsurance {
  id: string;
  insuranceCheck: InsuranceCheck;
}

export interface LogInsuranceCallInput {
  caseId: string;
  calledOn: string;
  representative?: string | null;
  referenceNumber?: string | null;
  covered?: boolean | null;
  networkRestrictions?: string | null;
  preAuthRequired?: boolean | null;
  preAuthNumber?: string | null;
  preAuthValidFrom?: string | null;
  preAuthValidTo?: string | null;
  referringDoctorMustRequest?: boolean | null;
  costShare?: string | null;
  outcome: InsuranceOutcome;
  notes?: string | null;
  staffNotes?: string | null;
}

const CHECK = `
    id
    insuranceCheck {
      plan { id payer planType memberId groupNumber phone updatedAt }
      calls { id calledOn representative referenceNumber covered networkRestrictions preAuthRequired preAuthNumber preAuthValidFrom preAuthValidTo referringDoctorMustRequest costShare outcome notes staffNotes createdAt }
      outcome
      nextSteps
      coverageHints
      preAuthorisation { number validFrom validTo referenceNumber }
    }`;

export const CaseInsuranceQuery = gql<{ case: CaseInsurance }, { id: string }>`
  query CaseInsurance($id: ID!) {
    case(id: $id) {
      ${CHECK}
    }
  }
`;

export const SaveInsurancePlanMutation = gql<
  { saveInsurancePlan: CaseInsurance },
  { input: { caseId: string; payer: string; planType: InsurancePlanType; memberId?: string | null; groupNumber?: string | null; phone?: string | null } }
>`
  mutation SaveInsurancePlan($input: SaveInsurancePlanInput!) {
    saveInsurancePlan(input: $input) {
      ${CHECK}
    }
  }
`;

export const LogInsuranceCallMutation = gql<{ logInsuranceCall: CaseInsurance }, { input: LogInsuranceCallInput }>`
  mutation LogInsuranceCall($input: LogInsuranceCallInput!) {
    logInsuranceCall(input: $input) {
      ${CHECK}
    }
  }
`;
