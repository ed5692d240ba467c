import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  assertStageMove,
  CaseEventKind,
  CaseStage,
  DomainError,
  DomainErrorCode,
  isStaffRole,
  normalizeSearchQuery,
  notFound,
  Role,
  SEARCH_SIMILARITY_THRESHOLD,
  STAFF_ROLES,
} from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { CaseEventsPublisher } from '@second-look/server-collaboration';
import { InvitationHooks, InvitationService, UserAccount } from '@second-look/server-identity';
import { DomainEvents, domainEvent, isUuid, PAGED_LISTS } from '@second-look/server-platform';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { CaseParticipant } from '../participant/case-participant.entity';
import { CaseStageChange } from '../stage/case-stage-change.entity';
import { CaseAccessService } from './case-access.service';
import { decodeCursor, encodeCursor, sortKey } from './case-cursor';
import { CaseFilter, CaseListScope, CaseSort, CaseSortField, CreateCaseInput, SortDirection, UpdateCaseInput } from './case.model';
import { PatientCase } from './patient-case.entity';

/**
 * The ids of the caller's cases whose patient name matches, from the function of migration
 * CaseListNameAndNextDue, which finds them through the trigram index and applies the
 * organization and a patient's own cases itself. In a scalar sub-select, so it runs once per
 * statement; the cast keeps `= ANY(...)` from reading it as a sub-query of rows.
 */
export const CASE_IDS_BY_NAME_SQL = (query: string, threshold: string) => `CAST((SELECT app_case_ids_by_patient_name(CAST(${query} AS text), CAST(${threshold} AS real))) AS uuid[])`;

const EDITABLE_FIELDS = ['summary', 'question', 'diagnosisInDoubt', 'triggers', 'triggerNotes', 'urgency', 'currentDoctorSpecialty', 'currentDoctorSubSpecialty', 'preferredLanguage'] as const;

/**
 * Cases were created (one opened by hand, or a client import's batch); its handlers run inside the
 * creating transaction (e.g. the records library adds the default packet) and write for every
 * case of the batch at once.
 */
export const CasesCreatedEvent = domainEvent<{ actor: Actor; cases: readonly PatientCase[] }>('cases.created');

/** What opening a case takes: the form's fields, the lead advocate decided. */
export type NewCase = Omit<CreateCaseInput, 'leadAdvocateId'> & { leadAdvocateId: string | null; patientDateOfBirth?: string | null };

/** A case's stage moved; its handlers run inside that transaction (e.g. closing it cancels its reminders). */
export const CaseStageMovedEvent = domainEvent<{ kase: PatientCase; from: CaseStage; to: CaseStage }>('case.stage-moved');

@Injectable()
export class CaseService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly invitations: InvitationService,
    private readonly hooks: InvitationHooks,
    private readonly events: CaseEventsPublisher,
    private readonly domainEvents: DomainEvents,
  ) {}

  onModuleInit(): void {
    // A patient or caregiver joins their case in the same transaction that accepts the invitation.
    this.hooks.accepted.push(async (m, invitation, user) => {
      if (!invitation.caseId) return;
      await m.insert(CaseParticipant, { caseId: invitation.caseId, userId: user.id, role: invitation.role, access: invitation.access });
    });
    this.hooks.preview = async (invitation) => {
      if (!invitation.caseId) return { patientName: null };
      const kase = await this.dataSource.getRepository(PatientCase).findOneBy({ id: invitation.caseId, organizationId: invitation.organizationId });
      return { patientName: kase?.patientName ?? null };
    };
    this.hooks.canManageCase = async (actor, caseId) => {
      const { can } = await this.access.load(actor, caseId).catch((e: unknown) => {
        if (e instanceof DomainError && e.code === DomainErrorCode.NOT_FOUND) return { can: null };
        throw e;
      });
      return !!can && (can.invitePatient || can.inviteCaregiver);
    };
  }

  async list(actor: Actor, filter: CaseFilter = {}, sort?: CaseSort | null, first = 20, after?: string | null) {
    const take = Math.min(Math.max(first, 1), PAGED_LISTS['Query.cases'].max);
    const order = sort ?? { field: CaseSortField.UPDATED_AT, direction: SortDirection.DESC };
    const key = sortKey(order.field, order.direction);
    const q = this.access.scoped(actor);
    // Advocates start with their own cases; coordinators and admins with the whole organization.
    const scope = filter.scope ?? (actor.role === Role.ADVOCATE ? CaseListScope.MINE : CaseListScope.ORGANIZATION);
    const mine = isStaffRole(actor.role) && scope === CaseListScope.MINE;
    if (mine) q.andWhere('c.lead_advocate_id = :me', { me: actor.userId });
    if (filter.stages?.length) q.andWhere('c.stage IN (:...stages)', { stages: filter.stages });
    if (filter.urgency) q.andWhere('c.urgency = :urgency', { urgency: filter.urgency });
    if (filter.leadAdvocateId) q.andWhere('c.lead_advocate_id = :lead', { lead: filter.leadAdvocateId });
    const name = filter.patientName ? normalizeSearchQuery(filter.patientName) : null;
    // The matching names' case ids come from the trigram index through a function that applies
    // the organization itself (migration CaseListNameAndNextDue): under the row-level policies
    // the index cannot serve pg_trgm's operators (docs/dashboards.md, "The staff case views at
    // real size"). The policies still hold this query to the caller's cases.
    // The kept totals have no names: a name's matches are counted. That count also returns the
    // ids it counted, and the page reads only those, so the function runs once per request.
    let totalCount: number;
    if (name) {
      const counted = await q
        .clone()
        .andWhere(`c.id = ANY(${CASE_IDS_BY_NAME_SQL(':name', ':threshold')})`, { name, threshold: SEARCH_SIMILARITY_THRESHOLD })
        .select('count(*)::int', 'n')
        .addSelect(`coalesce(array_agg(c.id), '{}')`, 'ids')
        .getRawOne<{ n: number; ids: string[] }>();
      totalCount = counted?.n ?? 0;
      q.andWhere('c.id = ANY(CAST(:nameIds AS uuid[]))', { nameIds: counted?.ids ?? [] });
    } else {
      totalCount = isStaffRole(actor.role) ? await this.staffTotal(actor, filter, mine) : await q.clone().getCount();
    }

    if (after) {
      const cur = decodeCursor(order.field, after);
      if (!isUuid(cur.id)) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The page cursor is not valid.', { field: 'after' });
      const op = order.direction === SortDirection.ASC ? '>' : '<';
      q.andWhere(`(${key.sql}, c.id) ${op} (CAST(:curValue AS ${key.cast}), CAST(:curId AS uuid))`, { curValue: cur.value, curId: cur.id });
    }
    q.orderBy(key.sql, order.direction)
      .addOrderBy('c.id', order.direction)
      .take(take + 1);
    const rows = await q.getMany();
    const nodes = rows.slice(0, take);
    const last = nodes[nodes.length - 1];
    await this.audit.record(
      actor,
      nodes.map((c) => ({ action: 'case.list', entityType: 'case', entityId: c.id, caseId: c.id })),
    );
    return {
      nodes,
      totalCount,
      pageInfo: { hasNextPage: rows.length > take, endCursor: last ? encodeCursor(order.field, key.valueOf(last), last.id) : null },
    };
  }

  /**
   * How many cases a staff member's list holds, from the cases-by-stage counts the dashboards
   * keep in the same transaction as every case write (dashboard_rollup's STAGE_NOW rows, one
   * per stage, urgency and lead advocate: migration DashboardRollup). Counting the cases
   * themselves reads every one of the organization's that matches, on every page.
   */
  private async staffTotal(actor: Actor, filter: CaseFilter, mine: boolean): Promise<number> {
    const where = [`organization_id = $1`, `metric = 'STAGE_NOW'`, `day = DATE '2000-01-01'`];
    const params: unknown[] = [actor.organizationId];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.stages?.length) add((p) => `key = ANY(${p}::varchar[])`, filter.stages);
    if (filter.urgency) add((p) => `urgency = ${p}`, filter.urgency);
    // Cases without a lead advocate are kept under the zero uuid, which no filter names.
    if (mine) add((p) => `advocate_id = ${p}`, actor.userId);
    if (filter.leadAdvocateId) add((p) => `advocate_id = ${p}`, filter.leadAdvocateId);
    const rows = (await this.dataSource.query(`SELECT coalesce(sum(n), 0)::int AS n FROM dashboard_rollup WHERE ${where.join(' AND ')}`, params)) as { n: number }[];
    return rows[0]?.n ?? 0; // an aggregate: always one row
  }

  async get(actor: Actor, id: string): Promise<PatientCase> {
    const { kase } = await this.access.load(actor, id);
    await this.audit.record(actor, { action: 'case.read', entityType: 'case', entityId: kase.id, caseId: kase.id });
    return kase;
  }

  /** Opens a case; with the patient's e-mail, the patient is invited in the same transaction. */
  async create(actor: Actor, input: CreateCaseInput): Promise<PatientCase> {
    const leadAdvocateId = input.leadAdvocateId ?? (actor.role === Role.ADVOCATE ? actor.userId : null);
    return this.dataSource.transaction(async (m) => {
      if (leadAdvocateId) await this.assertStaffMember(actor, leadAdvocateId);
      return this.createIn(m, actor, { ...input, leadAdvocateId }, { invite: true });
    });
  }

  /**
   * Opens a case inside the caller's transaction: the audit line, the first stage, the area
   * hooks, the live event and, when asked and the patient's e-mail is known, the invitation.
   */
  async createIn(m: EntityManager, actor: Actor, input: NewCase, opts: { invite: boolean }): Promise<PatientCase> {
    const [kase] = await this.createManyIn(m, actor, [input], opts);
    return kase!;
  }

  /**
   * createIn for many cases at once (a client import, docs/import.md): each case gets exactly what
   * one opened by hand gets, written with one statement per table for the whole batch. The
   * caller keeps a batch within PostgreSQL's 65,535 parameters per statement (a few hundred cases).
   */
  async createManyIn(m: EntityManager, actor: Actor, inputs: readonly NewCase[], opts: { invite: boolean }): Promise<PatientCase[]> {
    if (!inputs.length) return [];
    const cases = inputs.map((input) =>
      m.create(PatientCase, {
        organizationId: actor.organizationId,
        patientName: input.patientName.trim(),
        patientEmail: input.patientEmail?.trim().toLowerCase() || null,
        patientDateOfBirth: input.patientDateOfBirth ?? null,
        question: input.question.trim(),
        diagnosisInDoubt: input.diagnosisInDoubt.trim(),
        triggers: [...new Set(input.triggers)],
        triggerNotes: input.triggerNotes?.trim() ?? '',
        urgency: input.urgency,
        currentDoctorSpecialty: input.currentDoctorSpecialty?.trim() ?? '',
        currentDoctorSubSpecialty: input.currentDoctorSubSpecialty?.trim() ?? '',
        ...(input.preferredLanguage ? { preferredLanguage: input.preferredLanguage } : {}),
        stage: CaseStage.DECIDE,
        leadAdvocateId: input.leadAdvocateId,
        createdById: actor.userId,
      }),
    );
    // save, as for one case: one INSERT for the batch (TypeORM on PostgreSQL), each row's id,
    // version and defaults read back into its entity as the subscribers expect them.
    await m.save(cases);
    await this.audit.record(
      actor,
      cases.map((kase) => ({ action: 'case.create', entityType: 'case', entityId: kase.id, caseId: kase.id })),
      m,
    );
    await m.query(
      `INSERT INTO case_stage_change (organization_id, case_id, from_stage, to_stage, by_user_id)
       SELECT x.organization_id, x.case_id, NULL, x.to_stage, $1 FROM unnest($2::uuid[], $3::uuid[], $4::case_stage[]) AS x(organization_id, case_id, to_stage)`,
      [actor.userId, cases.map((kase) => kase.organizationId), cases.map((kase) => kase.id), cases.map((kase) => kase.stage)],
    );
    await this.domainEvents.emit(m, CasesCreatedEvent, { actor, cases });
    await this.events.publishMany(
      m,
      actor,
      cases.map((kase) => ({ kase, event: { kind: CaseEventKind.CASE_CREATED, entityId: kase.id } })),
    );
    if (opts.invite) {
      await this.invitations.inviteToCases(
        actor,
        cases.flatMap((kase) => (kase.patientEmail ? [{ caseId: kase.id, email: kase.patientEmail, role: Role.PATIENT as const, access: null }] : [])),
        m,
      );
    }
    return cases;
  }

  /**
   * Applies the given fields only if nobody changed the case since `expectedVersion`.
   * A stale save is refused with the current values, so the user can keep theirs or take the other's.
   */
  async update(actor: Actor, input: UpdateCaseInput): Promise<PatientCase> {
    const changes: Partial<PatientCase> = {};
    for (const f of EDITABLE_FIELDS) if (input[f] !== undefined && input[f] !== null) (changes as Record<string, unknown>)[f] = input[f];
    if (changes.triggers) changes.triggers = [...new Set(changes.triggers)];
    return this.dataSource.transaction(async (m) => {
      const { kase } = await this.access.require(actor, input.id, 'edit', m, true);
      if (kase.version !== input.expectedVersion) {
        const current = Object.fromEntries(Object.keys(changes).map((k) => [k, kase[k as keyof PatientCase]]));
        throw new DomainError(DomainErrorCode.STALE_VERSION, 'Someone else changed this case while you were editing. Compare their version with yours and choose which to keep.', {
          currentVersion: kase.version,
          current,
        });
      }
      if (Object.keys(changes).length === 0) return kase;
      Object.assign(kase, changes);
      const saved = await m.save(kase);
      await this.audit.record(actor, { action: 'case.update', entityType: 'case', entityId: kase.id, caseId: kase.id, detail: { fields: Object.keys(changes) } }, m);
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.CASE_UPDATED, entityId: kase.id, detail: { fields: Object.keys(changes) } });
      return saved;
    });
  }

  async moveStage(actor: Actor, caseId: string, to: CaseStage): Promise<PatientCase> {
    return this.dataSource.transaction(async (m) => {
      const { kase } = await this.access.require(actor, caseId, 'moveStage', m, true);
      const from = kase.stage;
      assertStageMove(from, to);
      kase.stage = to;
      kase.closedAt = to === CaseStage.CLOSED ? new Date() : null;
      const saved = await m.save(kase);
      await m.insert(CaseStageChange, { organizationId: kase.organizationId, caseId: kase.id, fromStage: from, toStage: to, byUserId: actor.userId });
      await this.domainEvents.emit(m, CaseStageMovedEvent, { kase: saved, from, to });
      await this.audit.record(actor, { action: 'case.move_stage', entityType: 'case', entityId: kase.id, caseId: kase.id, detail: { from, to } }, m);
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.STAGE_MOVED, entityId: kase.id, detail: { from, to } });
      return saved;
    });
  }

  async assignLead(actor: Actor, caseId: string, advocateId: string): Promise<PatientCase> {
    return this.dataSource.transaction(async (m) => {
      const { kase } = await this.access.require(actor, caseId, 'assignAdvocate', m, true);
      await this.assertStaffMember(actor, advocateId);
      kase.leadAdvocateId = advocateId;
      const saved = await m.save(kase);
      await this.audit.record(actor, { action: 'case.assign_lead', entityType: 'case', entityId: kase.id, caseId: kase.id }, m);
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.LEAD_ADVOCATE_CHANGED, entityId: kase.id });
      return saved;
    });
  }

  async invitePatient(actor: Actor, caseId: string, email: string) {
    return this.dataSource.transaction(async (m) => {
      const { kase } = await this.access.require(actor, caseId, 'invitePatient', m, true);
      const hasPatient = await m.existsBy(CaseParticipant, { caseId: kase.id, role: Role.PATIENT });
      if (hasPatient) throw new DomainError(DomainErrorCode.CONFLICT, 'This case already has a patient.');
      if (!kase.patientEmail) await m.update(PatientCase, { id: kase.id }, { patientEmail: email.trim().toLowerCase() });
      return this.invitations.inviteToCase(actor, { caseId: kase.id, email, role: Role.PATIENT, access: null }, m);
    });
  }

  async inviteCaregiver(actor: Actor, caseId: string, email: string, access: CaseParticipant['access']) {
    return this.dataSource.transaction(async (m) => {
      const { kase } = await this.access.require(actor, caseId, 'inviteCaregiver', m);
      return this.invitations.inviteToCase(actor, { caseId: kase.id, email, role: Role.CAREGIVER, access }, m);
    });
  }

  private async assertStaffMember(actor: Actor, userId: string): Promise<void> {
    if (!isUuid(userId)) throw notFound('Advocate');
    const user = await this.dataSource.getRepository(UserAccount).findOneBy({ id: userId, organizationId: actor.organizationId, role: In([...STAFF_ROLES]), deactivatedAt: IsNull() });
    if (!user) throw notFound('Advocate');
  }
}
