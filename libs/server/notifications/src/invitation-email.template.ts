import { Role } from '@second-look/domain';

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Short, no clinical detail: who invites, to what, the link and when it expires.
 * (E-mail text moves to the i18n catalogue with the notifications work.)
 */
export function invitationEmail(v: { organizationName: string; inviterName: string; role: Role; link: string; expiresAt: Date }) {
  const forCase = v.role === Role.PATIENT || v.role === Role.CAREGIVER;
  const what = forCase
    ? `${v.inviterName} from ${v.organizationName} has invited you to a shared case on Second Look, where you and your advocate can work on your second opinion together.`
    : `${v.inviterName} has invited you to join ${v.organizationName} on Second Look as ${v.role.toLowerCase()}.`;
  const until = v.expiresAt.toUTCString().replace(/:\d\d GMT$/, ' UTC');
  const text = `Hello,\n\n${what}\n\nOpen this link to set your password:\n${v.link}\n\nThe link works once and until ${until}. If you were not expecting this, you can ignore this e-mail.\n`;
  const html = `<p>Hello,</p><p>${escape(what)}</p><p><a href="${escape(v.link)}">Set your password and join</a></p><p>${escape(v.link)}</p><p>The link works once and until ${escape(until)}. If you were not expecting this, you can ignore this e-mail.</p>`;
  return { subject: forCase ? `${v.organizationName} invited you to Second Look` : `Join ${v.organizationName} on Second Look`, text, html };
}
