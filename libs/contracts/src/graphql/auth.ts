import { gql } from 'urql';

// Flat selections (no fragments): see cases.ts.
const VIEWER = 'id displayName email role language mustAddSecondStep organization { id name timeZone }';

export const MeQuery = gql`
  query Me {
    me {
      ${VIEWER}
    }
  }
`;

/** Always answers true: the link that finishes the sign-up comes by e-mail. */
export const SignUpMutation = gql`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input)
  }
`;

export const ConfirmSignUpMutation = gql`
  mutation ConfirmSignUp($token: String!) {
    confirmSignUp(token: $token) {
      ${VIEWER}
    }
  }
`;

/** Always answers true, whether or not the address has an account. */
export const RequestPasswordResetMutation = gql`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input)
  }
`;

export const ResetPasswordMutation = gql`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`;

export const SignInMutation = gql`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      ${VIEWER}
    }
  }
`;

export const SignOutMutation = gql`
  mutation SignOut {
    signOut
  }
`;

export const SignOutEverywhereMutation = gql`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`;

export const InvitationPreviewQuery = gql`
  query InvitationPreview($token: String!) {
    invitationPreview(token: $token) {
      organizationName
      role
      email
      patientName
    }
  }
`;

export const AcceptInvitationMutation = gql`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      ${VIEWER}
    }
  }
`;

/** Stores the language the caller reads Second Look and their e-mails in (audited). */
export const SetMyLanguageMutation = gql`
  mutation SetMyLanguage($language: Language!) {
    setMyLanguage(language: $language) {
      ${VIEWER}
    }
  }
`;
