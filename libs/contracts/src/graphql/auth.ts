import { gql } from 'urql';
import type { InvitationPreview, Language, Viewer } from './types';

// Flat selections (no fragments): see cases.ts.
const VIEWER = 'id displayName email role language organization { id name timeZone }';

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
  language?: Language | null;
}

export const SignUpMutation = gql<{ signUp: Viewer }, { input: SignUpInput }>`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      ${VIEWER}
    }
  }
`;

export const SignInMutation = gql<{ signIn: Viewer }, { input: { email: string; password: string; language?: Language | null } }>`
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
  { input: { token: string; displayName: string; password: string; language?: Language | null } }
>`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      ${VIEWER}
    }
  }
`;

/** Stores the language the caller reads Second Look and their e-mails in (audited). */
export const SetMyLanguageMutation = gql<{ setMyLanguage: Viewer }, { language: Language }>`
  mutation SetMyLanguage($language: Language!) {
    setMyLanguage(language: $language) {
      ${VIEWER}
    }
  }
`;
