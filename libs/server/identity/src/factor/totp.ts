import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 as every authenticator app does it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
/**
 * A code from the step before or after the current one is still taken (a phone's clock a little
 * off, a code typed as it turns over); older or newer ones are not.
 */
export const TOTP_TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

export const newTotpSecret = (): string => generateSecret({ length: 20 });

/** The link an authenticator app reads (from the QR code or typed in). */
export const totpUri = (secret: string, account: string): string => generateURI({ issuer: 'Second Look', label: account, secret });

/**
 * The time step the code belongs to when it is right, within the tolerance and after
 * `afterTimeStep` (a code already used is refused, RFC 6238 section 5.2); otherwise null.
 */
export async function checkTotp(secret: string, code: string, opts: { afterTimeStep?: number | null; at?: Date } = {}): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret,
    token,
    epochTolerance: TOTP_TOLERANCE_SECONDS,
    ...(opts.afterTimeStep != null ? { afterTimeStep: opts.afterTimeStep } : {}),
    ...(opts.at ? { epoch: Math.floor(opts.at.getTime() / 1000) } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/**
 * Factor secrets at rest: AES-256-GCM under the configured key, a fresh IV each time.
 * Format `v1.<iv>.<tag>.<ciphertext>` (base64url), so the scheme can change later.
 */
export function encryptSecret(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function decryptSecret(key: Buffer, stored: string): string {
  const [version, iv, tag, data] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('Unknown secret format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
