import { DEFAULT_LANGUAGE, isLanguage, Language, Role } from '@second-look/domain';
import { EntityManager } from 'typeorm';

const ON_A_CASE: readonly string[] = [Role.PATIENT, Role.CAREGIVER];

/**
 * The language one person's e-mail is written in: the one they chose (app_user.language); else,
 * for a patient or caregiver, the language their case prefers (patient_case.preferred_language:
 * the case the e-mail is about, else the first case they joined); else English.
 */
export async function recipientLanguage(m: EntityManager, userId: string, caseId: string | null = null): Promise<Language> {
  const [row]: { language: string | null; role: string; preferred: string | null }[] = await m.query(
    `SELECT u.language, u.role,
            (SELECT c.preferred_language FROM case_participant p JOIN patient_case c ON c.id = p.case_id AND c.organization_id = u.organization_id
              WHERE p.user_id = u.id ORDER BY (c.id = $2) DESC NULLS LAST, p.created_at LIMIT 1) AS preferred
       FROM app_user u WHERE u.id = $1`,
    [userId, caseId],
  );
  if (!row) return DEFAULT_LANGUAGE;
  if (isLanguage(row.language)) return row.language;
  if (ON_A_CASE.includes(row.role) && isLanguage(row.preferred)) return row.preferred;
  return DEFAULT_LANGUAGE;
}

/**
 * The language of an invitation, sent before the person has an account or a choice: the
 * language the case prefers for a patient or caregiver invited to it, else English (staff).
 */
export async function invitationLanguage(m: EntityManager, invitation: { role: Role; caseId: string | null; organizationId: string }): Promise<Language> {
  if (!ON_A_CASE.includes(invitation.role) || !invitation.caseId) return DEFAULT_LANGUAGE;
  const [row]: { preferred_language: string }[] = await m.query(`SELECT preferred_language FROM patient_case WHERE id = $1 AND organization_id = $2`, [invitation.caseId, invitation.organizationId]);
  return isLanguage(row?.preferred_language) ? row.preferred_language : DEFAULT_LANGUAGE;
}
