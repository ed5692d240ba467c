import { Int } from '@nestjs/graphql';
import { PAGED_LISTS, type PagedList, type PagedListName } from '@second-look/contracts';
import { DomainError, DomainErrorCode } from '@second-look/domain';

export { PAGED_LISTS, type PagedList, type PagedListName };

/** The `first` argument of a paged list, with its default and its range in the schema. */
export const pageArg = (name: PagedListName) => {
  const list: PagedList = PAGED_LISTS[name];
  return { type: () => Int, defaultValue: list.default, description: `How many to return, from 1 to ${list.max}.` };
};

/**
 * The page size asked for, refused with a plain message when it is outside the range the schema
 * advertises (it used to be cut to the largest page without a word).
 */
export function pageSize(name: PagedListName, first: number): number {
  const { max }: PagedList = PAGED_LISTS[name];
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw new DomainError(DomainErrorCode.VALIDATION_FAILED, `Ask for 1 to ${max} at a time.`, { field: 'first' });
  }
  return first;
}
