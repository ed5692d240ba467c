/**
 * Every failure the product reports to a user carries one of these codes. The API maps
 * them to GraphQL error codes in one exhaustive switch, so a new code cannot be forgotten.
 */
export enum DomainErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  CONFLICT = 'CONFLICT',
  STALE_VERSION = 'STALE_VERSION',
  INVALID_STAGE_MOVE = 'INVALID_STAGE_MOVE',
  INVITATION_INVALID = 'INVITATION_INVALID',
  /** A password-reset or sign-up link that expired, was used already, or never existed. */
  LINK_INVALID = 'LINK_INVALID',
  RATE_LIMITED = 'RATE_LIMITED',
  /** The change would leave the organization with no active admin. */
  LAST_ADMIN = 'LAST_ADMIN',
  /** An admin tried to deactivate their own account (another admin must do it). */
  CANNOT_DEACTIVATE_SELF = 'CANNOT_DEACTIVATE_SELF',
  /** The request carries more than the operation accepts (e.g. a shared-notes update). */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** A record request is not past its legal response date (or has nothing left to chase): no follow-up letter yet. */
  NOT_OVERDUE = 'NOT_OVERDUE',
  /** The password was right and the account has a second sign-in step: details carry the challenge. */
  SECOND_FACTOR_REQUIRED = 'SECOND_FACTOR_REQUIRED',
  /** The organization requires staff to have a second sign-in step, and this person has none yet. */
  FACTOR_ENROLLMENT_REQUIRED = 'FACTOR_ENROLLMENT_REQUIRED',
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Safe, non-clinical details a client may show (e.g. which field failed). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string): DomainError => new DomainError(DomainErrorCode.NOT_FOUND, `${what} not found`);
