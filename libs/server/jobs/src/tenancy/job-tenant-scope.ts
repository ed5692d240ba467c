import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TenantContext } from '@second-look/server-platform';
import { DataSource } from 'typeorm';

/** Payload ids that name a row of one organization, and the table that row lives in. */
const OWNERS: ReadonlyArray<readonly [key: string, table: string]> = [
  ['requestId', 'record_request'],
  ['appointmentId', 'appointment'],
  ['taskId', 'case_task'],
  ['notificationId', 'notification'],
  ['invitationId', 'invitation'],
  ['userId', 'app_user'],
  ['importId', 'client_import'],
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Row-level security for jobs: a job runs in the scope of the organization its payload names
 * (its `organizationId`, or the organization of the row its id points at, found in one lookup),
 * so its statements see that organization's rows only. Jobs about no organization (the nightly
 * fan-out, sign-up and password-reset e-mails, whose rows are global) run in the system scope.
 */
@Injectable()
export class JobTenantScope {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(data: unknown, fn: () => Promise<T>): Promise<T> {
    const organizationId = await this.organizationOf(data);
    return organizationId ? TenantContext.forOrganization(organizationId, fn) : TenantContext.system(fn);
  }

  /** The organization a payload belongs to; null when it names none (or its row is gone). */
  async organizationOf(data: unknown): Promise<string | null> {
    const o = (data ?? {}) as Record<string, unknown>;
    if (typeof o.organizationId === 'string' && UUID.test(o.organizationId)) return o.organizationId;
    for (const [key, table] of OWNERS) {
      const id = o[key];
      if (typeof id !== 'string' || !UUID.test(id)) continue;
      const [row] = await TenantContext.system(() => this.dataSource.query<{ organizationId: string }[]>(`SELECT organization_id AS "organizationId" FROM ${table} WHERE id = $1`, [id]));
      return row?.organizationId ?? null;
    }
    return null;
  }
}
