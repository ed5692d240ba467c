import type { CombinedError } from 'urql';
import { i18n } from '@second-look/web-i18n';

/** The error codes the API puts in `extensions.code` (mirrors DomainErrorCode). */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'CONFLICT'
  | 'STALE_VERSION'
  | 'INVALID_STAGE_MOVE'
  | 'INVITATION_INVALID'
  | 'LINK_INVALID'
  | 'RATE_LIMITED'
  | 'LAST_ADMIN'
  | 'CANNOT_DEACTIVATE_SELF'
  | 'PAYLOAD_TOO_LARGE'
  | 'NOT_OVERDUE'
  | 'SECOND_FACTOR_REQUIRED'
  | 'FACTOR_ENROLLMENT_REQUIRED';

export function errorCode(error: CombinedError | undefined | null): ApiErrorCode | undefined {
  const code = error?.graphQLErrors?.[0]?.extensions?.['code'];
  return typeof code === 'string' ? (code as ApiErrorCode) : undefined;
}

export const isNetworkError = (error: CombinedError | undefined | null): boolean => !!error?.networkError && !error.graphQLErrors?.length;

/**
 * Which inputs a VALIDATION_FAILED error points at, each with the form's own keyed message for
 * that field (`messages`), else the reader's words for the reason the API gives for it (see
 * `validation.reason` in the locales), else "check this" (the server's text is English only).
 * The API names fields in `extensions.details` as `{ field, reason }` (a rule of ours),
 * `{ fields: { field: reason } }` (an input's declared rules, each field with its reason code),
 * or `{ field: message }`; we accept all of them so the form can point at the right input.
 */
export function fieldErrors(error: CombinedError | undefined | null, messages: Record<string, string> = {}): Record<string, string> {
  const first = error?.graphQLErrors?.[0];
  if (!first || first.extensions?.['code'] !== 'VALIDATION_FAILED') return {};
  const details = first.extensions?.['details'];
  if (!details || typeof details !== 'object') return {};
  const d = details as Record<string, unknown>;
  const out: Record<string, string> = {};
  const words = (field: string, reason: unknown) => messages[field] ?? reasonWords(reason) ?? i18n.t('validation.checkField');
  if (typeof d['field'] === 'string') out[d['field']] = words(d['field'], d['reason']);
  const fields = d['fields'] && typeof d['fields'] === 'object' ? (d['fields'] as Record<string, unknown>) : null;
  for (const [key, value] of Object.entries(fields ?? d)) {
    if (!fields && (key === 'field' || key === 'reason' || key === 'problems')) continue;
    if (typeof value === 'string' || (Array.isArray(value) && typeof value[0] === 'string')) out[key] = words(key, fields ? value : d['reason']);
  }
  return out;
}

/** The reader's words for a reason code the API gives, when the locales have them. */
function reasonWords(reason: unknown): string | undefined {
  return typeof reason === 'string' && /^[A-Z_]+$/.test(reason) && i18n.exists(`validation.reason.${reason}`) ? i18n.t(`validation.reason.${reason}`) : undefined;
}

/** The reader's words for a VALIDATION_FAILED that names a known reason (a NUL pasted in, a non-web link, a field too long…). */
export function reasonText(error: CombinedError | undefined | null): string | undefined {
  const details = error?.graphQLErrors?.[0]?.extensions?.['details'];
  return details && typeof details === 'object' ? reasonWords((details as Record<string, unknown>)['reason']) : undefined;
}
