import type { GqlClient } from './test-stack';

/** The staff case list with a node selection of the caller's (`nodes`), paged by cursor. */
export const caseListQuery = (nodes: string) =>
  `query($f: CaseFilter, $s: CaseSort, $first: Int, $after: String) { cases(filter: $f, sort: $s, first: $first, after: $after) { totalCount nodes { ${nodes} } pageInfo { endCursor hasNextPage } } }`;

type Page<N> = { cases: { totalCount: number; nodes: N[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } };

/** Every page of the list for these variables, `first` at a time, and the total the last page gave. */
export async function pageThroughCases<N>(c: GqlClient, query: string, vars: Record<string, unknown>, first: number): Promise<{ seen: N[]; total: number }> {
  const seen: N[] = [];
  let after: string | null = null;
  let total = 0;
  for (;;) {
    const p: Page<N> = await c.ok<Page<N>>(query, { ...vars, first, after });
    total = p.cases.totalCount;
    seen.push(...p.cases.nodes);
    if (!p.cases.pageInfo.hasNextPage) break;
    after = p.cases.pageInfo.endCursor;
  }
  return { seen, total };
}
