import { Actor } from './actor';
import { CaregiverAccess, Role, isStaffRole } from './roles';

/** The facts about one case that decide what a caller may do with it. */
export interface CaseAccessFacts {
  readonly organizationId: string;
  readonly leadAdvocateId: string | null;
  /** Patient and caregivers who joined the case, with a caregiver's chosen access. */
  readonly participants: ReadonlyArray<{ userId: string; role: Role; access: CaregiverAccess | null }>;
}

export interface CasePermissions {
  /** May see the case at all. When false the case must look as if it did not exist. */
  read: boolean;
  /** May change the summary and other shared fields. */
  edit: boolean;
  comment: boolean;
  /** Sees and writes internal (staff-only) notes and comments. */
  internal: boolean;
  moveStage: boolean;
  invitePatient: boolean;
  inviteCaregiver: boolean;
  assignAdvocate: boolean;
}

const NONE: CasePermissions = {
  read: false,
  edit: false,
  comment: false,
  internal: false,
  moveStage: false,
  invitePatient: false,
  inviteCaregiver: false,
  assignAdvocate: false,
};

/**
 * The one place that says who may do what on a case.
 * - Staff of the organization can read every case (coordinators watch all of them;
 *   advocates may look across the organization), but only admins, coordinators and
 *   the lead advocate change it.
 * - A patient acts on their own case only; a caregiver within the access the patient chose.
 * - Anyone from another organization gets nothing.
 */
export function casePermissions(actor: Actor, facts: CaseAccessFacts): CasePermissions {
  if (actor.organizationId !== facts.organizationId) return NONE;

  if (isStaffRole(actor.role)) {
    const manages = actor.role === Role.ADMIN || actor.role === Role.COORDINATOR || facts.leadAdvocateId === actor.userId;
    return {
      read: true,
      edit: manages,
      comment: true,
      internal: true,
      moveStage: manages,
      invitePatient: manages,
      inviteCaregiver: false,
      assignAdvocate: actor.role === Role.ADMIN || actor.role === Role.COORDINATOR,
    };
  }

  const participant = facts.participants.find((p) => p.userId === actor.userId);
  if (!participant || participant.role !== actor.role) return NONE;

  if (actor.role === Role.PATIENT) {
    return { ...NONE, read: true, edit: true, comment: true, inviteCaregiver: true };
  }
  const access = participant.access ?? CaregiverAccess.VIEW;
  return {
    ...NONE,
    read: true,
    comment: access !== CaregiverAccess.VIEW,
    edit: access === CaregiverAccess.EDIT,
  };
}
