import { Injectable, PipeTransform } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@second-look/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids are UUIDs. A malformed id answers exactly like an id that does not exist, so the
 * shape of the answer never hints at what exists.
 */
@Injectable()
export class IdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value !== 'string' || !UUID.test(value)) throw new DomainError(DomainErrorCode.NOT_FOUND, 'Not found');
    return value.toLowerCase();
  }
}

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
