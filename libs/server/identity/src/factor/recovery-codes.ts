import { randomInt } from 'node:crypto';
import { hashSecretToken } from '../auth/tokens';

export const RECOVERY_CODE_COUNT = 10;
/** No 0/O or 1/I/L: read off paper and typed on a phone without mistakes. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Ten codes like `7KQM-X2PD-9RTA` (about 70 bits each). */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

/** Spaces, dashes and case do not matter when typed. */
export const normaliseRecoveryCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Only this is stored. */
export const hashRecoveryCode = (code: string): string => hashSecretToken(`recovery:${normaliseRecoveryCode(code)}`);
