import { HttpException, Logger } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@second-look/domain';
import { GraphQLFormattedError } from 'graphql';
import { safeError } from '../logging/safe-error';

const logger = new Logger('GraphQLError');

/** HTTP status per code, for GraphQL error extensions and REST answers alike. */
export function statusFor(code: DomainErrorCode): number {
  switch (code) {
    case DomainErrorCode.UNAUTHENTICATED:
    case DomainErrorCode.SECOND_FACTOR_REQUIRED:
      return 401;
    case DomainErrorCode.FORBIDDEN:
    case DomainErrorCode.FACTOR_ENROLLMENT_REQUIRED:
      return 403;
    case DomainErrorCode.NOT_FOUND:
      return 404;
    case DomainErrorCode.VALIDATION_FAILED:
    case DomainErrorCode.INVALID_STAGE_MOVE:
    case DomainErrorCode.INVITATION_INVALID:
    case DomainErrorCode.LINK_INVALID:
      return 400;
    case DomainErrorCode.CONFLICT:
    case DomainErrorCode.STALE_VERSION:
    case DomainErrorCode.LAST_ADMIN:
    case DomainErrorCode.CANNOT_DEACTIVATE_SELF:
    case DomainErrorCode.NOT_OVERDUE:
      return 409;
    case DomainErrorCode.PAYLOAD_TOO_LARGE:
      return 413;
    case DomainErrorCode.RATE_LIMITED:
      return 429;
  }
}

/** Codes Apollo and graphql-js produce themselves for malformed requests; safe to pass on. */
const CLIENT_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * The single exit for errors: domain errors keep their code and message, request errors
 * from GraphQL itself keep theirs, anything else becomes a generic internal error. No
 * stack trace or internal message ever leaves the server.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  if (original instanceof DomainError) {
    return {
      message: original.message,
      path: formatted.path,
      extensions: { code: original.code, status: statusFor(original.code), ...(original.details ? { details: original.details } : {}) },
    };
  }
  if (isValidationPipeError(original)) {
    // Each field with its reason code when the pipe named them (the client words those), first one also as `field`.
    const fields = original.response.fields;
    const first = fields ? Object.entries(fields)[0] : undefined;
    return {
      message: 'Some fields are not valid.',
      path: formatted.path,
      extensions: {
        code: DomainErrorCode.VALIDATION_FAILED,
        status: 400,
        details: { problems: original.response.message, ...(first ? { field: first[0], reason: first[1], fields } : {}) },
      },
    };
  }
  // Nest's own 400s (a built-in pipe refusing an argument) keep their plain message. This
  // formatter is the only one (autoTransformHttpErrors is off): errors read the same whether
  // graphql-js, graphql-jit or the live socket ran the operation.
  if (original instanceof HttpException && original.getStatus() === 400) {
    return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: { code: 'BAD_REQUEST' } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  // The error's kind, codes and (for our code's errors) message and stack; a database error's
  // parameters, detail and message are patient data and never logged (safeError).
  logger.error({ msg: `Unexpected error at ${formatted.path?.join('.') ?? '(no path)'}`, err: safeError(original) });
  return { message: 'Something went wrong on our side. Please try again.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

interface ValidationPipeError {
  response: { message: string[]; fields?: Record<string, string> };
}

function isValidationPipeError(e: unknown): e is ValidationPipeError {
  const r = (e as { response?: { message?: unknown } })?.response;
  return !!r && Array.isArray(r.message) && (e as { status?: number }).status === 400;
}
