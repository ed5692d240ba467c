import { CasesQuery, CasesQueryData, CaseFilter, CaseSort } from '@second-look/contracts/graphql';
import { CaseStage, containsPattern, SEARCH_SIMILARITY_THRESHOLD, Urgency } from '@second-look/domain';
import { print } from 'graphql';
import { Pool } from 'pg';
import { BaselineActor } from './board-baseline';

/** The staff case list exactly as the web client asks for it (libs/contracts), as a string for HTTP. */
export const CASES_QUERY = print(CasesQuery);
export type CaseListData = CasesQueryData['cases'];

/** What the list page sends: every filter key, null when unset (libs/web/cases/src/case-list-page.tsx). */
const NO_FILTER: CaseFilter = { stages: null, urgency: null, leadAdvocateId: null, scope: null, patientName: null };
const BY_UPDATED: CaseSort = { field: 'UPDATED_AT', direction: 'DESC' };

export interface CaseListView {
  name: string;
  filter: CaseFilter;
  sort: CaseSort;
}

/**
 * The list's views a coordinator uses: the page as it opens (last updated first), filtered by
 * one stage, by one lead advocate, by urgency, sorted by patient name, part of a name typed in
 * the name box (`name`) and sorted by next due date.
 */
export function caseListViews(advocateId: string, name: string): CaseListView[] {
  return [
    { name: 'as it opens (last updated first)', filter: NO_FILTER, sort: BY_UPDATED },
    { name: 'stage Appointment', filter: { ...NO_FILTER, stages: [CaseStage.APPOINTMENT] }, sort: BY_UPDATED },
    { name: 'one lead advocate', filter: { ...NO_FILTER, leadAdvocateId: advocateId }, sort: BY_UPDATED },
    { name: 'urgent only', filter: { ...NO_FILTER, urgency: Urgency.URGENT }, sort: BY_UPDATED },
    { name: 'sorted by patient name', filter: NO_FILTER, sort: { field: 'PATIENT_NAME', direction: 'ASC' } },
    { name: `name box "${name}"`, filter: { ...NO_FILTER, patientName: name }, sort: BY_UPDATED },
    { name: 'next due soonest first', filter: NO_FILTER, sort: { field: 'NEXT_DUE', direction: 'ASC' } },
  ];
}

export const caseListBody = (view: CaseListView, first: number) => JSON.stringify({ query: CASES_QUERY, variables: { filter: view.filter, sort: view.sort, first, after: null } });

// CaseService.list's sort columns (libs/server/cases/src/case/case-cursor.ts); nothing due sorts last.
const SORT: Record<CaseSort['field'], { column: string; prop: 'updated_at' | 'created_at' | 'patient_name' | 'urgency' | 'stage' | 'next_due' }> = {
  UPDATED_AT: { column: 'c.updated_at', prop: 'updated_at' },
  CREATED_AT: { column: 'c.created_at', prop: 'created_at' },
  PATIENT_NAME: { column: 'c.patient_name', prop: 'patient_name' },
  URGENCY: { column: 'c.urgency', prop: 'urgency' },
  STAGE: { column: 'c.stage', prop: 'stage' },
  NEXT_DUE: { column: `coalesce(c.next_due_on, 'infinity'::date)`, prop: 'next_due' },
};

/**
 * A view's filters for a staff member (scope: the organization), over the cases and over the
 * rollup rows that count them, with their parameters after $1 (the organization).
 */
function where(view: CaseListView): { sql: string; rollup: string; params: unknown[] } {
  const parts = ['c.organization_id = $1'];
  const rollup: string[] = [];
  const params: unknown[] = [];
  const add = (column: string, key: string, value: unknown) => {
    params.push(value);
    parts.push(`${column}$${params.length + 1}${key}`);
  };
  const f = view.filter;
  if (f.stages?.length) {
    add('c.stage = ANY(', '::case_stage[])', f.stages);
    rollup.push(`key = ANY($${params.length + 1}::varchar[])`);
  }
  if (f.urgency) {
    add('c.urgency = ', '::case_urgency', f.urgency);
    rollup.push(`urgency = $${params.length + 1}::case_urgency`);
  }
  if (f.leadAdvocateId) {
    add('c.lead_advocate_id = ', '', f.leadAdvocateId);
    rollup.push(`advocate_id = $${params.length + 1}`);
  }
  // As the owner, outside the row-level policies, the trigram index serves a plain WHERE.
  if (f.patientName) {
    params.push(f.patientName, containsPattern(f.patientName));
    parts.push(`(c.patient_name %> $${params.length} OR c.patient_name ILIKE $${params.length + 1})`);
  }
  return { sql: parts.join(' AND '), rollup: rollup.map((r) => ` AND ${r}`).join(''), params };
}

// CaseService.list's total for staff: the dashboards' cases-by-stage counts.
const TOTAL = `SELECT coalesce(sum(n), 0)::int AS n FROM dashboard_rollup WHERE organization_id = $1 AND metric = 'STAGE_NOW' AND day = DATE '2000-01-01'$filters`;

const AUDIT = `INSERT INTO audit_event (organization_id, actor_user_id, action, entity_type, entity_id, case_id, ip, user_agent)
    SELECT $1, $2, 'case.list', 'case', x.id, x.id::uuid, $3, $4
    FROM unnest($5::varchar[]) AS x(id)`;

/**
 * Hand-written SQL over `pg` that produces exactly the data of CASES_QUERY for a staff member:
 * the baseline the GraphQL list is measured against. One statement per piece, no ORM, no
 * HTTP, on one pooled connection: the count (from the same rollup rows as CaseService.list),
 * the page, its lead advocates (the API's loader sends that statement too) and the same audit
 * rows. The bench checks this returns exactly what the API returns.
 */
export async function baselineCaseList(pool: Pool, actor: BaselineActor, view: CaseListView, first: number): Promise<CaseListData> {
  const db = await pool.connect();
  try {
    const w = where(view);
    const params = [actor.organizationId, ...w.params];
    // A name has no kept count: its matches are counted, as CaseService.list does.
    if (view.filter.patientName) await db.query(`SELECT set_config('pg_trgm.word_similarity_threshold', $1, false)`, [String(SEARCH_SIMILARITY_THRESHOLD)]);
    const totalCount = view.filter.patientName
      ? (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM patient_case c WHERE ${w.sql}`, params)).rows[0].n
      : (await db.query<{ n: number }>(TOTAL.replace('$filters', w.rollup), params)).rows[0].n;
    const sort = SORT[view.sort.field];
    const dir = view.sort.direction === 'ASC' ? 'ASC' : 'DESC';
    const rows = (
      await db.query(
        `SELECT c.id, c.patient_name, c.question, c.urgency, c.stage, c.preferred_language, c.created_at, c.updated_at, c.next_due_on::text, c.lead_advocate_id,
                coalesce(c.next_due_on, 'infinity'::date)::text AS next_due
         FROM patient_case c
         WHERE ${w.sql}
         ORDER BY ${sort.column} ${dir}, c.id ${dir}
         LIMIT $${params.length + 1}`,
        [...params, first + 1],
      )
    ).rows;
    const page = rows.slice(0, first);
    const leads = [...new Set(page.map((r) => r.lead_advocate_id).filter(Boolean))];
    const users = new Map(
      leads.length
        ? (await db.query(`SELECT id, display_name, email, role FROM app_user WHERE id = ANY($1::uuid[]) AND organization_id = $2`, [leads, actor.organizationId])).rows.map((u) => [u.id, u])
        : [],
    );
    if (page.length) await db.query(AUDIT, [actor.organizationId, actor.userId, '127.0.0.1', 'bench', page.map((r) => r.id)]);
    const last = page[page.length - 1];
    const value = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
    return {
      nodes: page.map((r) => ({
        id: r.id,
        patientName: r.patient_name,
        question: r.question,
        urgency: r.urgency,
        stage: r.stage,
        preferredLanguage: r.preferred_language,
        createdAt: r.created_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
        nextDueOn: r.next_due_on,
        leadAdvocate: users.has(r.lead_advocate_id)
          ? { id: r.lead_advocate_id, displayName: users.get(r.lead_advocate_id).display_name, email: users.get(r.lead_advocate_id).email, role: users.get(r.lead_advocate_id).role }
          : null,
      })),
      pageInfo: {
        endCursor: last ? Buffer.from(JSON.stringify([view.sort.field, value(last[sort.prop]), last.id])).toString('base64url') : null,
        hasNextPage: rows.length > first,
      },
      totalCount,
    } as CaseListData;
  } finally {
    db.release();
  }
}
