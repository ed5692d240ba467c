import { gql } from 'urql';
import type { InvitationPreview, Viewer } from './types';

// Flat selections (no fragments): see cases.ts.
const VIEWER = 'id displayName email role organization { id name timeZone }';

export const MeQuery = gql<{ me: Viewer | null }, Record<string, never>>`
  query Me {
    me {
      ${VIEWER}
    }
  }
`;

export interface SignUpInput {
  organizationName: string;
  timeZone: string;
  displayName: string;
  email: string;
  password: string;
}

/** Always answers true: the link that finishes the sign-up comes by e-mail. */
export const SignUpMutation = gql<{ signUp: boolean }, { input: SignUpInput }>`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input)
  }
`;

export const ConfirmSignUpMutation = gql<{ confirmSignUp: Viewer }, { token: string }>`
  mutation ConfirmSignUp($token: String!) {
    confirmSignUp(token: $token) {
      ${VIEWER}
    }
  }
`;

/** Always answers true, whether or not the address has an account. */
export const RequestPasswordResetMutation = gql<{ requestPasswordReset: boolean }, { input: { email: string } }>`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input)
  }
`;

export const ResetPasswordMutation = gql<{ resetPassword: boolean }, { input: { token: string; password: string } }>`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`;

export const SignInMutation = gql<{ signIn: Viewer }, { input: { email: string; password: string } }>`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      ${VIEWER}
    }
  }
`;

export const SignOutMutation = gql<{ signOut: boolean }, Record<string, never>>`
  mutation SignOut {
    signOut
  }
`;

export const SignOutEverywhereMutation = gql<{ signOutEverywhere: boolean }, Record<string, never>>`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`;

export const InvitationPreviewQuery = gql<{ invitationPreview: InvitationPreview | null }, { token: string }>`
  query InvitationPreview($token: String!) {
    invitationPreview(token: $token) {
      organizationName
      role
      email
      patientName
    }
  }
`;

export const AcceptInvitationMutation = gql<
  { acceptInvitation: Viewer },
  { input: { token: string; displayName: string; password: string } }
>`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      ${VIEWER}
    }
  }
`;
