import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';

/**
 * A resolver's error goes on as it is to the one GraphQL formatter (formatGraphqlError), which
 * answers with a code and logs only the unexpected ones, without patient data. Left to Nest, each
 * thrown error would first be logged whole at error level: every refused second-step code or
 * "not found" with its stack, and a database error as the driver wrote it. Other contexts (the
 * REST routes, with their own filters) keep Nest's handling.
 */
@Catch()
export class GraphqlErrorPassThrough extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType<GqlContextType>() === 'graphql') throw exception;
    super.catch(exception, host);
  }
}
