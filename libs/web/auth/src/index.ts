import { lazyNamed } from '@second-look/web-ui';

export { ViewerProvider, useChooseLanguage, useViewer, useViewerState } from './viewer';
export { RequireViewer, safeNext } from './require-viewer';
export { useSignOut } from './use-sign-out';
export { SignInPage } from './sign-in-page';
export const SignUpPage = lazyNamed(() => import('./sign-up-page'), 'SignUpPage');
export const AcceptInvitationPage = lazyNamed(() => import('./accept-invitation-page'), 'AcceptInvitationPage');
export const ForgotPasswordPage = lazyNamed(() => import('./forgot-password-page'), 'ForgotPasswordPage');
export const ResetPasswordPage = lazyNamed(() => import('./reset-password-page'), 'ResetPasswordPage');
export const ConfirmSignUpPage = lazyNamed(() => import('./confirm-sign-up-page'), 'ConfirmSignUpPage');
