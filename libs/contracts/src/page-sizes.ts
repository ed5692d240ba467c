/** A list that answers one page at a time: how many rows by default, at most, and where the rows are. */
export interface PagedList {
  readonly default: number;
  readonly max: number;
  /** The path from the paged field to its list of rows: what `first` multiplies in the API's cost limit. */
  readonly rows: readonly string[];
}

/**
 * Every `first` argument of the schema, keyed by `Type.field`, shared by both sides: the API takes
 * each list's default and largest page from here, advertises the range in the schema and counts a
 * page at its size in the cost limit (libs/server/platform/src/graphql/query-cost.ts); the web
 * client never asks for more than the largest page. apps/api/src/query-cost.spec.ts fails when a
 * `first` has no entry here, or when a client document at its largest page does not pass the
 * cost limit.
 */
export const PAGED_LISTS = {
  'Query.cases': { default: 20, max: 100, rows: ['nodes'] },
  // 100 rows of the web board's document cost about 4,400 of the 5,000 (a row carries about 44 values).
  'Query.recordBoard': { default: 50, max: 100, rows: ['requests', 'nodes'] },
  'Query.auditEvents': { default: 50, max: 200, rows: ['nodes'] },
  'Query.notifications': { default: 20, max: 100, rows: ['nodes'] },
  'Case.activity': { default: 30, max: 100, rows: ['nodes'] },
  'Query.search': { default: 12, max: 30, rows: ['hits'] },
} as const satisfies Record<string, PagedList>;

export type PagedListName = keyof typeof PAGED_LISTS;
