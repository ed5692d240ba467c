import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, jobIds, QueueName } from '@second-look/contracts';
import { Actor, CalendarDate, ClientImportCase, ClientImportRow, clientIdentity, DomainError, DomainErrorCode, readClientRows, Role, todayInZone } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { Organization } from '@second-look/server-identity';
import { OutboxService } from '@second-look/server-jobs';
import { Clock } from '@second-look/server-platform';
import { DataSource, EntityManager } from 'typeorm';
import { CaseService } from '../case/case.service';
import { ClientImportResultModel, ClientImportRunModel, ClientImportStatus, ImportClientsInput } from './client-import.model';

/** Both ways a row can be the same client as an existing case: by e-mail, and by name and birth date. */
const keysOf = (c: Pick<ClientImportCase, 'patientName' | 'patientEmail' | 'dateOfBirth'>): string[] =>
  [c.patientEmail ? clientIdentity(c.patientName, c.patientEmail, null) : null, c.dateOfBirth ? clientIdentity(c.patientName, null, c.dateOfBirth) : null].filter((k): k is string => k !== null);

/**
 * New clients written per batch (one statement per table each): the starter questions of 200
 * cases stay far below PostgreSQL's 65,535 parameters per statement. docs/import.md has the figures.
 */
export const CLIENT_IMPORT_BATCH = 200;
/** How often a running import writes its progress (rows), and at most how often (ms). */
const PROGRESS_EVERY_ROWS = 50;
const PROGRESS_EVERY_MS = 500;

const RUN_COLUMNS = `i.id, i.status, i.total_rows AS "totalRows", i.rows_done AS "rowsDone", i.invite_patients AS "invitePatients", u.display_name AS "startedByName",
  i.new_clients AS "newClients", i.existing_clients AS "existingClients", i.invited, i.problems, i.created_at AS "createdAt", i.finished_at AS "finishedAt"`;
const RUN_FROM = `client_import i JOIN app_user u ON u.id = i.started_by_id`;

/** What a check or a run learns from the rows: the cases to write, the problems, and who is already a client. */
interface Reading {
  cases: ClientImportCase[];
  fresh: ClientImportCase[];
  errors: ClientImportResultModel['errors'];
}

/**
 * Importing existing clients from a spreadsheet (docs/import.md). The request checks the rows
 * (problems by row, new and existing clients) and, when asked to import a file without problems,
 * keeps the rows in a client_import row and queues the import (RUN_CLIENT_IMPORT, through the
 * outbox in the same transaction). The worker then runs it in one transaction: every new client
 * becomes a case (with an invitation when asked) or nothing is written; its progress is written
 * beside it, from another connection, for the page to follow. Rows that are already clients are
 * left alone, so importing the same file again creates nothing. Imports of one organization run
 * one at a time (a transaction-level advisory lock).
 */
@Injectable()
export class ClientImportService {
  /** New clients per batch; the import bench sets 1 to measure the former one-by-one writes beside it. */
  batchSize = CLIENT_IMPORT_BATCH;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /** Checks the rows, and unless it is a check only and the rows have no problem, queues the import. */
  async importClients(actor: Actor, input: ImportClientsInput): Promise<ClientImportResultModel> {
    const importId = await this.dataSource.transaction(async (m) => {
      const { cases, fresh, errors } = await this.read(m, actor.organizationId, input.rows);
      const start = errors.length === 0 && !input.dryRun;
      const counts = { rows: input.rows.length, newClients: fresh.length, existingClients: cases.length - fresh.length, problems: errors.length };
      let id: string | null = null;
      if (start) {
        [{ id }] = (await m.query(`INSERT INTO client_import (organization_id, started_by_id, invite_patients, total_rows, rows) VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING id`, [
          actor.organizationId,
          actor.userId,
          input.invitePatients,
          input.rows.length,
          JSON.stringify(input.rows),
        ])) as [{ id: string }];
        await this.outbox.add(m, { queue: QueueName.IMPORTS, jobName: JobName.RUN_CLIENT_IMPORT, jobId: jobIds.clientImport(id!), payload: { importId: id } });
      }
      await this.audit.record(
        actor,
        { action: start ? 'client_import.start' : 'client_import.check', entityType: 'organization', entityId: actor.organizationId, detail: { ...counts, ...(id ? { importId: id } : {}) } },
        m,
      );
      return { id, result: { newClients: fresh.length, existingClients: cases.length - fresh.length, invited: 0, errors } };
    });
    return { ...importId.result, run: importId.id ? await this.find(actor, importId.id) : null };
  }

  /** One import of the caller's organization (row-level security and the explicit compare both keep it there). */
  async find(actor: Actor, id: string): Promise<ClientImportRunModel> {
    const [run] = (await this.dataSource.query(`SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE i.id = $1 AND i.organization_id = $2`, [id, actor.organizationId])) as ClientImportRunModel[];
    if (!run) throw new DomainError(DomainErrorCode.NOT_FOUND, 'There is no such import.');
    return run;
  }

  /** The organization's most recent import (running, or the last one finished), or null. */
  async latest(actor: Actor): Promise<ClientImportRunModel | null> {
    const [run] = (await this.dataSource.query(`SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE i.organization_id = $1 ORDER BY i.created_at DESC, i.id DESC LIMIT 1`, [
      actor.organizationId,
    ])) as ClientImportRunModel[];
    return run ?? null;
  }

  /**
   * The worker's side (RUN_CLIENT_IMPORT, in the import's organization's scope). Safe to run
   * again: a finished import is left as it is, a retry after a rollback starts from nothing
   * (the rolled-back transaction wrote no case, no invitation, no outbox row), and the
   * advisory lock makes a second run of the same import wait for the first and then see it done.
   */
  async run(importId: string): Promise<string> {
    const [row] = (await this.dataSource.query(
      `SELECT i.organization_id AS "organizationId", i.started_by_id AS "userId", u.role, i.status FROM client_import i JOIN app_user u ON u.id = i.started_by_id WHERE i.id = $1`,
      [importId],
    )) as { organizationId: string; userId: string; role: Role; status: ClientImportStatus }[];
    if (!row) return 'no-longer-applies';
    if (row.status === ClientImportStatus.DONE || row.status === ClientImportStatus.FAILED) return 'already-done';
    const actor: Actor = { userId: row.userId, organizationId: row.organizationId, role: row.role };
    await this.dataSource.query(`UPDATE client_import SET status = 'RUNNING', rows_done = 0, started_at = now() WHERE id = $1 AND status IN ('QUEUED', 'RUNNING')`, [importId]);
    return this.dataSource.transaction(async (m) => {
      await this.lock(m, actor.organizationId);
      // Read after the lock: a run of the same import that held it has finished by now.
      const [state] = (await m.query(`SELECT status, rows, invite_patients AS invite FROM client_import WHERE id = $1`, [importId])) as {
        status: ClientImportStatus;
        rows: ClientImportRow[] | null;
        invite: boolean;
      }[];
      // Gone since the first read (its organization removed): nothing to run.
      if (!state) return 'no-longer-applies';
      if (state.status === ClientImportStatus.DONE || state.status === ClientImportStatus.FAILED || !state.rows) return 'already-done';
      const { cases, fresh, errors } = await this.read(m, actor.organizationId, state.rows);
      const existing = cases.length - fresh.length;
      if (errors.length) {
        // Checked at the start, but time passed (a date of birth that was today is fine; a row
        // the same as a client added since is not a problem either): write nothing, say so.
        await this.finish(m, importId, ClientImportStatus.FAILED, { newClients: 0, existingClients: existing, invited: 0, problems: errors.length });
        await this.audit.record(
          actor,
          { action: 'client_import.run', entityType: 'organization', entityId: actor.organizationId, detail: { importId, rows: state.rows.length, problems: errors.length } },
          m,
        );
        return `${errors.length} problem(s): nothing imported`;
      }
      let reported = { rows: existing, at: Date.now() };
      await this.progress(importId, existing);
      // In batches, each written with one statement per table (CaseService.createManyIn); the
      // progress is written between batches.
      for (let i = 0; i < fresh.length; i += this.batchSize) {
        const batch = fresh.slice(i, i + this.batchSize);
        await this.cases.createManyIn(
          m,
          actor,
          batch.map((c) => ({
            patientName: c.patientName,
            patientEmail: c.patientEmail ?? undefined,
            patientDateOfBirth: c.dateOfBirth,
            question: c.question,
            diagnosisInDoubt: c.diagnosisInDoubt,
            triggers: [],
            urgency: c.urgency,
            ...(c.preferredLanguage ? { preferredLanguage: c.preferredLanguage } : {}),
            leadAdvocateId: null,
          })),
          { invite: state.invite },
        );
        const done = existing + i + batch.length;
        if (done - reported.rows >= PROGRESS_EVERY_ROWS && Date.now() - reported.at >= PROGRESS_EVERY_MS) {
          await this.progress(importId, done);
          reported = { rows: done, at: Date.now() };
        }
      }
      const invited = state.invite ? fresh.filter((c) => c.patientEmail).length : 0;
      const counts = { newClients: fresh.length, existingClients: existing, invited, problems: 0 };
      await this.audit.record(actor, { action: 'client_import.run', entityType: 'organization', entityId: actor.organizationId, detail: { importId, rows: state.rows.length, ...counts } }, m);
      await this.finish(m, importId, ClientImportStatus.DONE, counts);
      return `${fresh.length} client(s) imported, ${existing} already here`;
    });
  }

  /**
   * After a failed attempt: back to QUEUED while BullMQ will retry, FAILED (rows cleared) when it
   * will not. Nothing of the attempt was written: its transaction rolled back.
   */
  async attemptFailed(importId: string, final: boolean): Promise<void> {
    await this.dataSource.query(
      final
        ? `UPDATE client_import SET status = 'FAILED', rows = NULL, rows_done = 0, finished_at = clock_timestamp() WHERE id = $1 AND status IN ('QUEUED', 'RUNNING')`
        : `UPDATE client_import SET status = 'QUEUED', rows_done = 0 WHERE id = $1 AND status IN ('QUEUED', 'RUNNING')`,
      [importId],
    );
  }

  /**
   * Imports of one organization run one at a time, so two imports of the same file cannot both
   * create a client. A check or a start does not wait for it: the run checks again under it.
   */
  private lock(m: EntityManager, organizationId: string): Promise<unknown> {
    return m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`client-import:${organizationId}`]);
  }

  private async read(m: EntityManager, organizationId: string, rows: readonly ClientImportRow[]): Promise<Reading> {
    const org = await m.findOneByOrFail(Organization, { id: organizationId });
    const { cases, errors } = readClientRows(rows, todayInZone(this.clock.now(), org.timeZone));
    const existing = await this.existingKeys(m, organizationId, cases);
    return { cases, fresh: cases.filter((c) => !keysOf(c).some((k) => existing.has(k))), errors };
  }

  /**
   * Progress from outside the import's transaction (its own writes are invisible until COMMIT):
   * a separate autocommit statement on another pooled connection, in the same tenant scope.
   */
  private async progress(importId: string, rowsDone: number): Promise<void> {
    await this.dataSource.query(`UPDATE client_import SET rows_done = $2 WHERE id = $1 AND status = 'RUNNING'`, [importId, rowsDone]);
  }

  /** In the import's transaction: its outcome commits with its cases, and its rows (patient data) go. */
  private async finish(m: EntityManager, importId: string, status: ClientImportStatus, counts: { newClients: number; existingClients: number; invited: number; problems: number }): Promise<void> {
    await m.query(
      `UPDATE client_import SET status = $2::varchar, rows_done = CASE WHEN $2::varchar = 'DONE' THEN total_rows ELSE rows_done END, new_clients = $3, existing_clients = $4, invited = $5, problems = $6, rows = NULL, finished_at = clock_timestamp() WHERE id = $1`,
      [importId, status, counts.newClients, counts.existingClients, counts.invited, counts.problems],
    );
  }

  private async existingKeys(m: EntityManager, organizationId: string, cases: readonly ClientImportCase[]): Promise<Set<string>> {
    const emails = [...new Set(cases.flatMap((c) => (c.patientEmail ? [c.patientEmail] : [])))];
    const births = [...new Set(cases.flatMap((c) => (c.dateOfBirth ? [c.dateOfBirth] : [])))];
    if (!emails.length && !births.length) return new Set();
    const rows = (await m.query(
      `SELECT patient_name, lower(patient_email) AS email, patient_date_of_birth::text AS birth FROM patient_case
       WHERE organization_id = $1 AND ((patient_email IS NOT NULL AND lower(patient_email) = ANY($2::text[])) OR (patient_date_of_birth IS NOT NULL AND patient_date_of_birth = ANY($3::date[])))`,
      [organizationId, emails, births],
    )) as { patient_name: string; email: string | null; birth: string | null }[];
    return new Set(rows.flatMap((r) => keysOf({ patientName: r.patient_name, patientEmail: r.email, dateOfBirth: r.birth as CalendarDate | null })));
  }
}
