import { Actor, CasePermissions, DomainError, DomainErrorCode, notFound, todayInZone, CalendarDate } from '@second-look/domain';
import { CaseAccessService, CasePermission, PatientCase } from '@second-look/server-cases';
import { Clock, isUuid } from '@second-look/server-platform';
import { EntityManager } from 'typeorm';

/**
 * Records hang off a case: a caller may touch one only through the case's scope. A record
 * outside it answers "<what> not found", exactly like an id that does not exist.
 */
export async function requireCaseOf(
  access: CaseAccessService,
  actor: Actor,
  caseId: string,
  permission: CasePermission,
  what: string,
  manager?: EntityManager,
): Promise<{ kase: PatientCase; can: CasePermissions }> {
  try {
    return await access.require(actor, caseId, permission, manager);
  } catch (e) {
    if (e instanceof DomainError && e.code === DomainErrorCode.NOT_FOUND) throw notFound(what);
    throw e;
  }
}

export function assertId(id: string, what: string): void {
  if (!isUuid(id)) throw notFound(what);
}

/** Today as a calendar date in the organization's time zone (docs/domain.md, "The clock": dates are the organization's). */
export async function orgToday(manager: EntityManager, clock: Clock, organizationId: string): Promise<CalendarDate> {
  const [org] = await manager.query<{ timeZone: string }[]>(`SELECT time_zone AS "timeZone" FROM organization WHERE id = $1`, [organizationId]);
  if (!org) throw notFound('Organization');
  return todayInZone(clock.now(), org.timeZone);
}
