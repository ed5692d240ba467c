import { ArgumentMetadata, Type, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { Args } from '@nestjs/graphql';
import { inputRefusal } from '../errors/input-problems';

/** The options of the API's global ValidationPipe (apps/api/src/bootstrap.ts); a refusal names each field and its reason. */
export const VALIDATION_OPTIONS: ValidationPipeOptions = { whitelist: true, transform: true, forbidUnknownValues: false, exceptionFactory: inputRefusal };

/** Validates a value when there is one: an omitted optional argument stays null. */
class WhenGivenValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    return value === null || value === undefined ? Promise.resolve(value) : super.transform(value, metadata);
  }
}

/**
 * An optional input-object argument, validated by its class. Declared as `X | null`, such a
 * parameter reaches the global ValidationPipe as a plain Object (TypeScript records a union
 * as Object), so its rules never ran: a filter's malformed id went on to PostgreSQL and came
 * back as an internal error. This names the class for the pipe.
 */
export function NullableInputArg(name: string, type: Type<unknown>): ParameterDecorator {
  return Args(name, { type: () => type, nullable: true }, new WhenGivenValidationPipe({ ...VALIDATION_OPTIONS, expectedType: type }));
}
