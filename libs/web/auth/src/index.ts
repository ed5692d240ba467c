export { ViewerProvider, useViewer, useViewerState } from './viewer';
export { RequireViewer, safeNext } from './require-viewer';
export { useSignOut } from './use-sign-out';
export { SignInPage } from './sign-in-page';
export { SignUpPage, MIN_PASSWORD_LENGTH } from './sign-up-page';
export { AcceptInvitationPage } from './accept-invitation-page';
export { ForgotPasswordPage } from './forgot-password-page';
export { ResetPasswordPage } from './reset-password-page';
export { ConfirmSignUpPage } from './confirm-sign-up-page';
