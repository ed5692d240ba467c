import { DomainError, DomainErrorCode } from '../errors/domain-error';

export type WebLinkScheme = 'https:' | 'http:';

/**
 * A web address people may be sent to from the app, an e-mail or a letter: an absolute URL on
 * one of the allowed schemes with a host, nothing else (no `javascript:`, `data:`, `file:` …),
 * and no user name or password inside it.
 */
export function isWebLink(value: string, schemes: readonly WebLinkScheme[]): boolean {
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return false;
  try {
    const url = new URL(value);
    return (schemes as readonly string[]).includes(url.protocol) && !!url.hostname && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** Refuses a non-empty value that is not a web link on the given schemes (an empty one means "none"). */
export function assertWebLink(value: string, field: string, schemes: readonly WebLinkScheme[], message: string): void {
  if (value && !isWebLink(value, schemes)) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, message, { field, reason: schemes.includes('http:') ? 'NOT_WEB_LINK' : 'NOT_HTTPS_LINK' });
}
