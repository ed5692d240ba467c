import {
  CaseActivityQuery,
  CaseAppointmentsQuery,
  CaseDoctorScriptQuery,
  CaseInsuranceQuery,
  CaseOpinionsQuery,
  CaseProvidersQuery,
  CaseQuery,
  CaseRecordsQuery,
  CaseTasksQuery,
  CaseTimelineQuery,
  DoctorScriptLibraryQuery,
  DoctorScriptsQuery,
  MembersQuery,
  SearchQuery,
} from '@second-look/contracts/graphql';
import { DocumentNode, print } from 'graphql';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { captureStatements, Statement } from './measure';

export interface Request {
  name: string;
  body: string;
}

const request = (doc: DocumentNode, variables: Record<string, unknown>): Request => {
  const op = doc.definitions.find((d) => d.kind === 'OperationDefinition');
  return { name: op && 'name' in op && op.name ? op.name.value : 'query', body: JSON.stringify({ query: print(doc), variables }) };
};

/**
 * What the web client asks for when a staff member opens a case (libs/web/cases/src/case-page.tsx
 * and the panels it draws), as waves: CaseQuery first; once it answers the page draws the
 * timeline, the section index and every part, whose queries go out together (urql sends one
 * request per query and variables, so a query two panels share goes once). Not here: the
 * notes (a Yjs document over the live socket) and the live subscription itself; the forms'
 * own queries (holders, the provider directory) go out only when a form opens.
 */
export function casePageWaves(caseId: string, language = 'en'): Request[][] {
  const id = { id: caseId };
  return [
    [request(CaseQuery, id)],
    [
      request(CaseTimelineQuery, id),
      request(CaseRecordsQuery, id),
      request(CaseAppointmentsQuery, id),
      request(MembersQuery, {}),
      request(CaseTasksQuery, id),
      request(CaseDoctorScriptQuery, id),
      request(DoctorScriptsQuery, {}),
      request(DoctorScriptLibraryQuery, { language }),
      request(CaseProvidersQuery, id),
      request(CaseInsuranceQuery, id),
      request(CaseOpinionsQuery, id),
      // libs/web/collaboration/src/activity-panel.tsx: every group and person, its first page.
      request(CaseActivityQuery, { id: caseId, groups: null, actorId: null, first: 20 }),
    ],
  ];
}

/** The header search as the web client sends it (libs/web/search/src/search-dialog.tsx): a name, no page size. */
export const searchWaves = (query: string): Request[][] => [[request(SearchQuery, { query })]];

/** POSTs one request and fails on any GraphQL error. */
export async function post(url: string, cookie: string, body: string): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
  const json = (await res.json()) as { data?: unknown; errors?: unknown };
  if (res.status !== 200 || json.errors || !json.data) throw new Error(`GraphQL failed (${res.status}): ${JSON.stringify(json.errors ?? json).slice(0, 500)}`);
  return json.data;
}

/** The waves from this thread (fetch), each wave's requests at once. */
export async function sendWaves(url: string, cookie: string, waves: Request[][]): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for (const wave of waves) out.push(await Promise.all(wave.map((r) => post(url, cookie, r.body))));
  return out;
}

/** The statements the API sent for each request of the waves, each request sent alone. */
export async function captureWaves(ds: DataSource, url: string, cookie: string, waves: Request[][]): Promise<Statement[][][]> {
  const out: Statement[][][] = [];
  for (const wave of waves) {
    const per: Statement[][] = [];
    for (const r of wave) per.push(await captureStatements(ds, () => post(url, cookie, r.body)));
    out.push(per);
  }
  return out;
}

/**
 * The raw-SQL side of a replayed view: exactly the statements the API sent for each request
 * (caught by captureWaves: its session lookup, reads, audit inserts, transactions), run over
 * `pg` with no HTTP, GraphQL or ORM; each request's statements in order on one pooled
 * connection, a wave's requests at once. A lower bound of what the requests cost in the
 * database, not a hand-written alternative: nothing assembles an answer from the rows, and the
 * bench checks only that each read returns as many rows as the API's did (replayDifferences).
 */
/**
 * Where a replay's reads return another number of rows than the API's did (empty when none):
 * the check that the replayed statements read what the API read.
 */
export async function replayDifferences(pool: Pool, captured: Statement[][][]): Promise<string[]> {
  const out: string[] = [];
  for (const st of captured.flat(2)) {
    if (!/^\s*(SELECT|WITH)\b/i.test(st.sql) || st.rows === undefined) continue;
    const { rows } = await pool.query(st.sql, st.params as unknown[]);
    if (rows.length !== st.rows) out.push(`${rows.length} rows, the API read ${st.rows}: ${st.sql.replace(/\s+/g, ' ').slice(0, 120)}`);
  }
  return out;
}

export function replay(pool: Pool, captured: Statement[][][]): () => Promise<void> {
  return async () => {
    for (const wave of captured) {
      await Promise.all(
        wave.map(async (statements) => {
          const db = await pool.connect();
          try {
            for (const st of statements) await db.query(st.sql, st.params as unknown[]);
          } finally {
            db.release();
          }
        }),
      );
    }
  };
}
