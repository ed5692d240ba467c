import { gql } from 'urql';

// The insurance check: plan, calls and what they found. Types: generated.ts (`npm run codegen`).

const CHECK = `
    id
    insuranceCheck {
      plan { id payer planType networkType memberId groupNumber phone updatedAt }
      calls { id calledOn representative referenceNumber covered networkRestrictions preAuthRequired preAuthNumber preAuthValidFrom preAuthValidTo referringDoctorMustRequest costShare outcome notes staffNotes createdAt }
      outcome
      nextSteps
      coverageHints
      preAuthorisation { number validFrom validTo referenceNumber }
    }`;

export const CaseInsuranceQuery = gql`
  query CaseInsurance($id: ID!) {
    case(id: $id) {
      ${CHECK}
    }
  }
`;

export const SaveInsurancePlanMutation = gql`
  mutation SaveInsurancePlan($input: SaveInsurancePlanInput!) {
    saveInsurancePlan(input: $input) {
      ${CHECK}
    }
  }
`;

export const LogInsuranceCallMutation = gql`
  mutation LogInsuranceCall($input: LogInsuranceCallInput!) {
    logInsuranceCall(input: $input) {
      ${CHECK}
    }
  }
`;
