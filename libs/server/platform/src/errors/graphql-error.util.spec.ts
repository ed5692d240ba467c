import { BadRequestException, ForbiddenException, Logger } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@second-look/domain';
import { GraphQLError } from 'graphql';
import { formatGraphqlError } from './graphql-error.util';

/** As graphql-js and graphql-jit hand a resolver's error to the formatter: wrapped, with a path. */
const thrown = (original: Error) => {
  const error = new GraphQLError(original.message, { path: ['recordRequest'], originalError: original });
  return formatGraphqlError(error.toJSON(), error);
};

describe('formatGraphqlError', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));

  it('keeps a domain error’s code, message, status and details', () => {
    expect(thrown(new DomainError(DomainErrorCode.VALIDATION_FAILED, 'An extension ends at most 60 days after receipt.', { field: 'newDueDate' }))).toEqual({
      message: 'An extension ends at most 60 days after receipt.',
      path: ['recordRequest'],
      extensions: { code: 'VALIDATION_FAILED', status: 400, details: { field: 'newDueDate' } },
    });
  });

  it('turns a validation pipe’s refusal into VALIDATION_FAILED with the problems', () => {
    // What ValidationPipe throws: a 400 whose body lists every problem.
    expect(thrown(new BadRequestException(['note must be shorter than 2000 characters']))).toEqual({
      message: 'Some fields are not valid.',
      path: ['recordRequest'],
      extensions: { code: 'VALIDATION_FAILED', status: 400, details: { problems: ['note must be shorter than 2000 characters'] } },
    });
  });

  it('passes on one of Nest’s own 400s as BAD_REQUEST with its message, without the exception’s body', () => {
    expect(thrown(new BadRequestException('Validation failed (numeric string is expected)'))).toEqual({
      message: 'Validation failed (numeric string is expected)',
      path: ['recordRequest'],
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('says nothing of any other fault: no message, no stack', () => {
    for (const fault of [new Error('connection to 10.0.0.5 refused'), new ForbiddenException('Forbidden resource')]) {
      const formatted = thrown(fault);
      expect(formatted).toEqual({ message: 'Something went wrong on our side. Please try again.', path: ['recordRequest'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    }
  });

  it('keeps the codes GraphQL itself gives malformed requests', () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(formatGraphqlError(error.toJSON(), error)).toEqual({ message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });
});
