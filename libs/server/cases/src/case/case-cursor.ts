import { DomainError, DomainErrorCode } from '@second-look/domain';
import { CaseSortField, SortDirection } from './case.model';

type SortProp = 'updatedAt' | 'createdAt' | 'patientName' | 'urgency' | 'stage' | 'nextDueOn';

/**
 * Column and SQL cast per sort field; the cast lets a cursor value compare in keyset SQL. A
 * column that may be empty (the next due date) sorts by a stand-in that puts empty last in
 * either direction (`empty`, per direction); the ascending one matches the index of migration
 * CaseListNameAndNextDue.
 */
export const SORT_COLUMNS: Record<CaseSortField, { column: string; cast: string; prop: SortProp; empty?: Record<SortDirection, string> }> = {
  [CaseSortField.UPDATED_AT]: { column: 'c.updated_at', cast: 'timestamptz', prop: 'updatedAt' },
  [CaseSortField.CREATED_AT]: { column: 'c.created_at', cast: 'timestamptz', prop: 'createdAt' },
  [CaseSortField.PATIENT_NAME]: { column: 'c.patient_name', cast: 'varchar', prop: 'patientName' },
  [CaseSortField.URGENCY]: { column: 'c.urgency', cast: 'case_urgency', prop: 'urgency' },
  [CaseSortField.STAGE]: { column: 'c.stage', cast: 'case_stage', prop: 'stage' },
  [CaseSortField.NEXT_DUE]: { column: 'c.next_due_on', cast: 'date', prop: 'nextDueOn', empty: { [SortDirection.ASC]: 'infinity', [SortDirection.DESC]: '-infinity' } },
};

/** The SQL a page is ordered by, and the value of a row in that order (for its cursor). */
export function sortKey(field: CaseSortField, direction: SortDirection) {
  const col = SORT_COLUMNS[field];
  const empty = col.empty?.[direction];
  return {
    sql: empty ? `coalesce(${col.column}, '${empty}'::${col.cast})` : col.column,
    cast: col.cast,
    valueOf: (row: Record<SortProp, Date | string | null>): Date | string => row[col.prop] ?? empty ?? '',
  };
}

/** An opaque cursor: the sort value and id of the last row seen. */
export function encodeCursor(field: CaseSortField, value: Date | string, id: string): string {
  const v = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([field, v, id])).toString('base64url');
}

export function decodeCursor(field: CaseSortField, cursor: string): { value: string; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 3 && parsed[0] === field && typeof parsed[1] === 'string' && typeof parsed[2] === 'string') {
      return { value: parsed[1], id: parsed[2] };
    }
  } catch {
    /* fall through */
  }
  throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The page cursor is not valid for this sort order. Start again from the first page.', { field: 'after' });
}
