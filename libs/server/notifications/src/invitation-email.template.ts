import { Language, Role } from '@second-look/domain';
import { emailDateTime, emailT } from './i18n/email-i18n';

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Short, no clinical detail: who invites, to what, the link and when it expires, in the
 * invited person's language (words in ./i18n; the expiry in their locale and the
 * organization's time zone).
 */
export function invitationEmail(v: { organizationName: string; inviterName: string; role: Role; link: string; expiresAt: Date; language: Language; timeZone: string }) {
  const t = emailT(v.language);
  const forCase = v.role === Role.PATIENT || v.role === Role.CAREGIVER;
  const names = { organization: v.organizationName, inviter: v.inviterName };
  const what = forCase ? t('invitation.whatCase', names) : t('invitation.whatStaff', { ...names, role: t(`invitation.role.${v.role}`) });
  const until = emailDateTime(v.expiresAt, v.language, v.timeZone);
  const expires = t('invitation.expires', { until });
  const text = `${t('hello')}\n\n${what}\n\n${t('invitation.linkIntro')}\n${v.link}\n\n${expires}\n`;
  const html = `<p>${escape(t('hello'))}</p><p>${escape(what)}</p><p><a href="${escape(v.link)}">${escape(t('invitation.linkButton'))}</a></p><p>${escape(v.link)}</p><p>${escape(expires)}</p>`;
  return { subject: forCase ? t('invitation.subjectCase', names) : t('invitation.subjectStaff', names), text, html };
}
