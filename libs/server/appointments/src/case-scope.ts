import { Actor, CasePermissions, DomainError, DomainErrorCode, notFound, todayInZone, CalendarDate } from '@second-look/domain';
import { CaseAccessService, CasePermission, PatientCase } from '@second-look/server-cases';
import { Organization } from '@second-look/server-identity';
import { Clock, isUuid } from '@second-look/server-platform';
import { EntityManager } from 'typeorm';

/**
 * Journey rows hang off a case: a caller reaches one only through the case scope, and a row
 * outside it answers "<what> not found", exactly like an id that does not exist (the case
 * access service's requireOf).
 */
export function requireJourneyCase(
  access: CaseAccessService,
  actor: Actor,
  caseId: string,
  permission: CasePermission,
  what: string,
  manager: EntityManager,
  lock = false,
): Promise<{ kase: PatientCase; can: CasePermissions }> {
  return access.requireOf(actor, caseId, permission, what, manager, lock);
}

export function assertJourneyId(id: string, what: string): void {
  if (!isUuid(id)) throw notFound(what);
}

export async function orgZone(manager: EntityManager, organizationId: string): Promise<string> {
  return (await manager.findOneByOrFail(Organization, { id: organizationId })).timeZone;
}

export async function orgTodayOf(manager: EntityManager, clock: Clock, organizationId: string): Promise<CalendarDate> {
  return todayInZone(clock.now(), await orgZone(manager, organizationId));
}

/** Staff-only fields may be written by staff alone; anyone else is told so, and nothing is saved. */
export function assertStaffOnlyField(can: CasePermissions, value: unknown, field: string): void {
  if (value !== undefined && value !== null && !can.internal) {
    throw new DomainError(DomainErrorCode.FORBIDDEN, 'Only staff can write staff notes.', { field });
  }
}
