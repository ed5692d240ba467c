import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, CaseStage, containsPattern, isStaffRole, normalizeSearchQuery, SEARCH_SIMILARITY_THRESHOLD, SearchHitKind, SearchMatch } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { DataSource } from 'typeorm';
import { SearchHitModel, SearchResultsModel } from './search.model';

/** How many record holders a query may match before their requests are listed. */
const HOLDERS_PER_QUERY = 5;

/*
 * The caller's scope on a case row, in SQL (the same rule as CaseAccessService.scoped): the
 * organization ($1) and, for a patient or caregiver ($4 user, $5 role), only cases they joined.
 */
const scope = (c: string) => `${c}.organization_id = $1 AND ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM case_participant sp WHERE sp.case_id = ${c}.id AND sp.user_id = $4 AND sp.role::text = $5))`;

/*
 * A name matches when it is alike by trigrams (`%>`: word similarity above the threshold set
 * for the transaction) or contains the query; both use the GIN trigram indexes. A name that
 * contains the query ranks above one that is only alike.
 */
const match = (col: string) => `(${col} %> $2 OR ${col} ILIKE $3)`;
const score = (col: string) => `(word_similarity($2, ${col}) + CASE WHEN ${col} ILIKE $3 THEN 0.5 ELSE 0 END)`;

/*
 * The patient names' branch takes its candidates from app_case_ids_by_patient_name (migration
 * CaseListNameAndNextDue): the same match as match() below, found through the trigram index,
 * which the row-level policies keep a plain WHERE from using (docs/dashboards.md, "The staff
 * case views at real size"). The function applies the organization itself.
 *
 * The patient names' branch keeps only its best $6 in the answer's own order: a common name
 * matches thousands of cases in a big organization, and joining and de-duplicating them all
 * cost more than finding them (bench/board-scale.bench.ts, "name search"). It changes no
 * answer: the branch has one row per case, so a case outside its best $6 has $6 other cases
 * ranked above it in the answer too.
 */
const SEARCH_SQL = `
WITH hits AS (
  (SELECT 'CASE' AS kind, c.id AS case_id, NULL::uuid AS request_id, 'PATIENT_NAME' AS match, c.patient_name AS text, ${score('c.patient_name')} AS score
  FROM patient_case c
  WHERE ${scope('c')} AND c.id = ANY(CAST((SELECT app_case_ids_by_patient_name($2, $7::real)) AS uuid[]))
  ORDER BY score DESC, c.updated_at DESC, c.id
  LIMIT $6)
  UNION ALL
  SELECT 'CASE', p.case_id, NULL::uuid, 'PROVIDER',
         CASE WHEN ${score('p.name')} >= ${score('p.institution')} THEN p.name ELSE p.institution END,
         GREATEST(${score('p.name')}, ${score('p.institution')})
  FROM provider_candidate p JOIN patient_case c ON c.id = p.case_id
  WHERE p.organization_id = $1 AND ${scope('c')} AND (${match('p.name')} OR ${match('p.institution')})
  UNION ALL
  SELECT 'RECORD_REQUEST', r.case_id, r.id, 'RECORD_HOLDER', h.name, h.score
  FROM (
    SELECT id, name, ${score('name')} AS score FROM record_holder
    WHERE organization_id = $1 AND ${match('name')} ORDER BY score DESC LIMIT ${HOLDERS_PER_QUERY}
  ) h
  CROSS JOIN LATERAL (
    SELECT r.id, r.case_id FROM record_request r JOIN patient_case c ON c.id = r.case_id
    WHERE r.holder_id = h.id AND r.organization_id = $1 AND ${scope('c')}
    ORDER BY r.sent_on DESC LIMIT $6
  ) r
), best AS (
  SELECT DISTINCT ON (kind, case_id, request_id) * FROM hits ORDER BY kind, case_id, request_id, score DESC
)
SELECT b.kind, b.case_id, b.request_id, b.match, b.text, c.patient_name, c.stage, r.sent_on::text AS sent_on, r.completed_on IS NULL AS open
FROM best b JOIN patient_case c ON c.id = b.case_id LEFT JOIN record_request r ON r.id = b.request_id
ORDER BY b.score DESC, c.updated_at DESC, b.case_id, b.request_id NULLS FIRST
LIMIT $6`;

interface Row {
  kind: SearchHitKind;
  case_id: string;
  request_id: string | null;
  match: SearchMatch;
  text: string;
  patient_name: string;
  stage: CaseStage;
  sent_on: string | null;
  open: boolean | null;
}

/**
 * One box that finds cases by patient, provider or record holder name, and record requests by
 * holder, within what the caller may see. Every hit is audited as a read of that case.
 */
@Injectable()
export class SearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async search(actor: Actor, raw: string, first: number): Promise<SearchResultsModel> {
    const query = normalizeSearchQuery(raw);
    if (!query) return { query: raw.trim(), hits: [] };
    const own = isStaffRole(actor.role) ? null : actor.userId;
    const rows = await this.dataSource.transaction(async (m) => {
      await m.query(`SELECT set_config('pg_trgm.word_similarity_threshold', $1, true)`, [String(SEARCH_SIMILARITY_THRESHOLD)]);
      return (await m.query(SEARCH_SQL, [actor.organizationId, query, containsPattern(query), own, own ? actor.role : null, first, SEARCH_SIMILARITY_THRESHOLD])) as Row[];
    });
    const hits: SearchHitModel[] = rows.map((r) => ({
      id: r.request_id ?? r.case_id,
      kind: r.kind,
      caseId: r.case_id,
      patientName: r.patient_name,
      stage: r.stage,
      match: r.match,
      matchedText: r.text,
      sentOn: r.sent_on,
      open: r.request_id ? r.open : null,
    }));
    await this.audit.record(
      actor,
      hits.map((h) => ({
        action: 'search.read',
        entityType: h.kind === SearchHitKind.CASE ? 'case' : 'record_request',
        entityId: h.id,
        caseId: h.caseId,
        detail: { match: h.match },
      })),
    );
    return { query, hits };
  }
}
