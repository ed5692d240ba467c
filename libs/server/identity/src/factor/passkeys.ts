import { DomainError, DomainErrorCode } from '@second-look/domain';
import type { AppConfig } from '@second-look/server-platform';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';

export const PASSKEY_RESPONSE_MAX_CHARS = 16_384;

/**
 * Who the passkeys belong to (the relying party): the host people open, from PUBLIC_URL.
 * Browsers refuse an IP address as a passkey's host, so a loopback PUBLIC_URL (development,
 * tests) uses `localhost` on the same port instead; production never does.
 */
export function relyingParty(config: Pick<AppConfig, 'publicUrl' | 'isProduction'>): { rpID: string; origins: string[]; rpName: string } {
  const url = new URL(config.publicUrl);
  const loopbackIp = url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (loopbackIp && !config.isProduction) {
    const local = new URL(config.publicUrl);
    local.hostname = 'localhost';
    return { rpID: 'localhost', origins: [local.origin, url.origin], rpName: 'Second Look' };
  }
  return { rpID: url.hostname, origins: [url.origin], rpName: 'Second Look' };
}

/** The browser's answer, sent as JSON text: parsed, or refused with a validation code. */
export function parsePasskeyResponse<T extends RegistrationResponseJSON | AuthenticationResponseJSON>(json: string): T {
  try {
    const value = JSON.parse(json) as T;
    if (value && typeof value === 'object' && typeof value.id === 'string' && typeof value.response === 'object') return value;
  } catch {
    // fall through
  }
  throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The passkey answer could not be read.', { field: 'response' });
}
