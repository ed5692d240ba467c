/**
 * The addresses a signed-out visitor opens; every other one is drawn inside the signed-in shell,
 * and sends a visitor without a session to sign in. The build reads it too (apps/web/vite.config.ts).
 */
export const PUBLIC_PATHS = /^\/(sign-in|sign-up|forgot-password|reset-password|invite)(\/|$)/;
