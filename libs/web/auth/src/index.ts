import { lazyNamed } from '@second-look/web-ui';

export { ViewerProvider, useChooseLanguage, useViewer, useViewerState } from './viewer';
export { RequireViewer, safeNext } from './require-viewer';
export { useSignOut } from './use-sign-out';
// Lazy like the other pages: a signed-in screen never needs the sign-in form's code.
export const SignInPage = lazyNamed(() => import('./sign-in-page'), 'SignInPage');
export const SignUpPage = lazyNamed(() => import('./sign-up-page'), 'SignUpPage');
export const AcceptInvitationPage = lazyNamed(() => import('./accept-invitation-page'), 'AcceptInvitationPage');
export const ForgotPasswordPage = lazyNamed(() => import('./forgot-password-page'), 'ForgotPasswordPage');
export const ResetPasswordPage = lazyNamed(() => import('./reset-password-page'), 'ResetPasswordPage');
export const AccountSecurityPage = lazyNamed(() => import('./security/account-security-page'), 'AccountSecurityPage');
/** For the admin's pages that show sign-in security: registers its words when they load. */
export { addSecurityAccountStrings } from './security/strings';
export const ConfirmSignUpPage = lazyNamed(() => import('./confirm-sign-up-page'), 'ConfirmSignUpPage');
