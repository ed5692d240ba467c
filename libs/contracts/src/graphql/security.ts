import { gql } from 'urql';

// Second sign-in steps, signed-in devices, and the admin's security settings (issue 22, parts 6 and 8).
// Flat selections (no fragments): see cases.ts. Each document on one line: every document is in the
// first screens' bundle unless marked pure, as these are: then each goes with the chunk that uses it.

export const CompleteSignInMutation = /* @__PURE__ */ gql`
  mutation CompleteSignIn($input: CompleteSignInInput!) {
    completeSignIn(input: $input) {
      id
      displayName
      email
      role
      language
      mustAddSecondStep
      organization {
        id
        name
        timeZone
      }
    }
  }
`;

/** The options for navigator.credentials.get in the second step of a sign-in, as JSON. */
export const SecondStepPasskeyOptionsMutation = /* @__PURE__ */ gql`
  mutation SecondStepPasskeyOptions($challenge: String!) {
    secondStepPasskeyOptions(challenge: $challenge)
  }
`;

export const PasskeySignInOptionsMutation = /* @__PURE__ */ gql`
  mutation PasskeySignInOptions {
    passkeySignInOptions {
      token
      options
    }
  }
`;

export const SignInWithPasskeyMutation = /* @__PURE__ */ gql`
  mutation SignInWithPasskey($token: String!, $response: String!) {
    signInWithPasskey(token: $token, response: $response) {
      id
      displayName
      email
      role
      language
      mustAddSecondStep
      organization {
        id
        name
        timeZone
      }
    }
  }
`;

export const MySecurityQuery = /* @__PURE__ */ gql`
  query MySecurity {
    mySecurity {
      recoveryCodesLeft
      required
      factors {
        id
        kind
        label
        createdAt
        lastUsedAt
      }
    }
  }
`;

export const StartTotpEnrollmentMutation = /* @__PURE__ */ gql`
  mutation StartTotpEnrollment {
    startTotpEnrollment {
      factorId
      secret
      uri
    }
  }
`;

export const ConfirmTotpEnrollmentMutation = /* @__PURE__ */ gql`
  mutation ConfirmTotpEnrollment($input: ConfirmTotpInput!) {
    confirmTotpEnrollment(input: $input) {
      recoveryCodes
    }
  }
`;

export const StartPasskeyEnrollmentMutation = /* @__PURE__ */ gql`
  mutation StartPasskeyEnrollment {
    startPasskeyEnrollment
  }
`;

export const FinishPasskeyEnrollmentMutation = /* @__PURE__ */ gql`
  mutation FinishPasskeyEnrollment($input: FinishPasskeyInput!) {
    finishPasskeyEnrollment(input: $input) {
      recoveryCodes
    }
  }
`;

export const RemoveSignInFactorMutation = /* @__PURE__ */ gql`
  mutation RemoveSignInFactor($id: ID!) {
    removeSignInFactor(id: $id)
  }
`;

export const RegenerateRecoveryCodesMutation = /* @__PURE__ */ gql`
  mutation RegenerateRecoveryCodes {
    regenerateRecoveryCodes
  }
`;

export const MySessionsQuery = /* @__PURE__ */ gql`
  query MySessions {
    mySessions {
      id
      browser
      os
      mobile
      ip
      signedInAt
      lastSeenAt
      current
    }
  }
`;

export const SignOutSessionMutation = /* @__PURE__ */ gql`
  mutation SignOutSession($id: ID!) {
    signOutSession(id: $id)
  }
`;

export const SignOutOtherSessionsMutation = /* @__PURE__ */ gql`
  mutation SignOutOtherSessions {
    signOutOtherSessions
  }
`;

export const StaffSecurityQuery = /* @__PURE__ */ gql`
  query StaffSecurity {
    staffSecurity {
      requireStaffMfa
      membersWithSecondStep
    }
  }
`;

export const SetRequireStaffMfaMutation = /* @__PURE__ */ gql`
  mutation SetRequireStaffMfa($required: Boolean!) {
    setRequireStaffMfa(required: $required) {
      requireStaffMfa
      membersWithSecondStep
    }
  }
`;

export const ResetMemberSignInStepsMutation = /* @__PURE__ */ gql`
  mutation ResetMemberSignInSteps($userId: ID!) {
    resetMemberSignInSteps(userId: $userId)
  }
`;
