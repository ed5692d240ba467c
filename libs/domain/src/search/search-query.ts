/**
 * What a search box sends, made ready for the database: the rules shared by the API (which
 * refuses what does not fit) and the client (which does not ask until a query fits).
 */
export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LENGTH = 100;
export const SEARCH_DEFAULT_LIMIT = 12;
export const SEARCH_MAX_LIMIT = 30;

/**
 * How alike a name must be to a query to count as a match (pg_trgm word similarity, 0–1).
 * Lower than PostgreSQL's 0.6 so one or two slips still find the person ("Whitfeld" for
 * "Grace Whitfield" scores 0.58), high enough that unrelated names stay out.
 */
export const SEARCH_SIMILARITY_THRESHOLD = 0.45;

/** Spaces collapsed and trimmed; null when too short to search (the box shows nothing yet). */
export function normalizeSearchQuery(raw: string): string | null {
  const q = raw.replace(/\s+/g, ' ').trim();
  if (q.length < SEARCH_MIN_LENGTH) return null;
  return q.slice(0, SEARCH_MAX_LENGTH);
}

/** A LIKE pattern matching the text anywhere, with the query's own % _ and \ taken literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** What a hit was found by. */
export enum SearchMatch {
  PATIENT_NAME = 'PATIENT_NAME',
  PROVIDER = 'PROVIDER',
  RECORD_HOLDER = 'RECORD_HOLDER',
}

/** A case, or one record request of a case. */
export enum SearchHitKind {
  CASE = 'CASE',
  RECORD_REQUEST = 'RECORD_REQUEST',
}
