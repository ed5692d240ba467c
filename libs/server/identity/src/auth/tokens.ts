import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets sent by e-mail or kept in a cookie (invitation, password-reset and sign-up links,
 * device cookies): 256 random bits, and only their SHA-256 is stored, so a database leak does
 * not hand out working links.
 */
export const newSecretToken = (): string => randomBytes(32).toString('base64url');
export const hashSecretToken = (token: string): string => createHash('sha256').update(token).digest('hex');
