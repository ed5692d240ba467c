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
  | 'PAYLOAD_TOO_LARGE'
  | 'NOT_OVERDUE';

export function errorCode(error: CombinedError | undefined | null): ApiErrorCode | undefined {
  const code = error?.graphQLErrors?.[0]?.extensions?.['code'];
  return typeof code === 'string' ? (code as ApiErrorCode) : undefined;
}

export const isNetworkError = (error: CombinedError | undefined | null): boolean =>
  !!error?.networkError && !error.graphQLErrors?.length;

/**
 * Which inputs a VALIDATION_FAILED error points at, each with the form's own keyed message for
 * that field (`messages`) or the reader's words for "check this" (the server's text is English only). The API may name fields in
 * `extensions.details` as `{ field: message }`, `{ fields: { field: message } }` or
 * `{ field: 'name' }`; we accept all three so the form can point at the right input.
 */
export function fieldErrors(error: CombinedError | undefined | null, messages: Record<string, string> = {}): Record<string, string> {
  const first = error?.graphQLErrors?.[0];
  if (!first || first.extensions?.['code'] !== 'VALIDATION_FAILED') return {};
  const details = first.extensions?.['details'];
  if (!details || typeof details !== 'object') return {};
  const d = details as Record<string, unknown>;
  const out: Record<string, string> = {};
  const check = reasonText(error) ?? i18n.t('validation.checkField');
  if (typeof d['field'] === 'string') out[d['field']] = messages[d['field']] ?? check;
  const source = d['fields'] && typeof d['fields'] === 'object' ? (d['fields'] as Record<string, unknown>) : d;
  for (const [key, value] of Object.entries(source)) {
    if (key === 'field') continue;
    if (typeof value === 'string' || (Array.isArray(value) && typeof value[0] === 'string')) out[key] = messages[key] ?? check;
  }
  return out;
}

/** Reasons the API gives in `details.reason` for refusals any field can meet, each with its own words. */
const REASONS = ['UNSAVABLE_TEXT', 'NOT_HTTPS_LINK', 'NOT_WEB_LINK'] as const;

/** The reader's words for a VALIDATION_FAILED that names a known reason (a NUL pasted in, a non-web link). */
export function reasonText(error: CombinedError | undefined | null): string | undefined {
  const details = error?.graphQLErrors?.[0]?.extensions?.['details'];
  const reason = details && typeof details === 'object' ? (details as Record<string, unknown>)['reason'] : undefined;
  return typeof reason === 'string' && (REASONS as readonly string[]).includes(reason) ? i18n.t(`validation.reason.${reason}`) : undefined;
}
