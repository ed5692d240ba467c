/**
 * Audit actions that are about getting in and staying safe (sign-ins, failures, sign-in
 * factors, password resets (auth.password_reset…), signed-out devices, role changes,
 * deactivated and reactivated accounts): the audit log's "security events" filter.
 * A prefix ending in "." matches every action under it.
 */
export const SECURITY_ACTION_PREFIXES: readonly string[] = [
  'auth.',
  'factor.',
  'session.',
  'member.change_role',
  'member.deactivate',
  'member.reactivate',
  'organization.security_settings.update',
  'access.',
];

export const isSecurityAction = (action: string): boolean => SECURITY_ACTION_PREFIXES.some((p) => (p.endsWith('.') ? action.startsWith(p) : action === p));

/** The kinds of second sign-in step a person can have. */
export enum SignInFactorKind {
  TOTP = 'TOTP',
  PASSKEY = 'PASSKEY',
}
