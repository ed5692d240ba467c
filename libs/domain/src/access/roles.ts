/** Roles a user holds within their organization. */
export enum Role {
  ADMIN = 'ADMIN',
  COORDINATOR = 'COORDINATOR',
  ADVOCATE = 'ADVOCATE',
  PATIENT = 'PATIENT',
  CAREGIVER = 'CAREGIVER',
}

export const STAFF_ROLES: readonly Role[] = [Role.ADMIN, Role.COORDINATOR, Role.ADVOCATE];
/** Roles an admin can hand out to staff by invitation. */
export const INVITABLE_STAFF_ROLES = STAFF_ROLES;

export const isStaffRole = (role: Role): boolean => STAFF_ROLES.includes(role);

/**
 * What a caregiver may do on the case they were invited to. The patient chooses;
 * it can never exceed the patient's own rights.
 */
export enum CaregiverAccess {
  VIEW = 'VIEW',
  COMMENT = 'COMMENT',
  EDIT = 'EDIT',
}
