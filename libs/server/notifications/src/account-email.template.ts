import type { FactorChange } from '@second-look/contracts';
import { Language } from '@second-look/domain';
import { emailDateTime, emailT } from './i18n/email-i18n';

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Who reads it, in which language, and the time zone its dates are given in. */
interface Reader {
  language: Language;
  timeZone: string;
}

/** Plain text and HTML from paragraphs; `link` paragraphs become a labeled link followed by the address. */
function compose(language: Language, subject: string, parts: Array<string | { link: string; label: string }>) {
  const hello = emailT(language)('hello');
  const text = `${hello}\n\n${parts.map((p) => (typeof p === 'string' ? p : `${p.label}:\n${p.link}`)).join('\n\n')}\n`;
  const html = `<p>${escape(hello)}</p>${parts
    .map((p) => (typeof p === 'string' ? `<p>${escape(p)}</p>` : `<p><a href="${escape(p.link)}">${escape(p.label)}</a></p><p>${escape(p.link)}</p>`))
    .join('')}`;
  return { subject, text, html };
}

/** "Forgot your password?": the link, when it stops working, and what to do if it was not you. */
export function passwordResetEmail(v: Reader & { link: string; expiresAt: Date }) {
  const t = emailT(v.language);
  return compose(v.language, t('account.reset.subject'), [
    t('account.reset.asked'),
    { label: t('account.reset.linkLabel'), link: v.link },
    t('account.reset.worksUntil', { until: emailDateTime(v.expiresAt, v.language, v.timeZone) }),
    t('account.reset.notYou'),
  ]);
}

/** After a reset: the person hears about it, so a change they did not make does not go unseen. */
export function passwordChangedEmail(v: Reader & { signInLink: string; forgotLink: string }) {
  const t = emailT(v.language);
  return compose(v.language, t('account.changed.subject'), [
    t('account.changed.body'),
    { label: t('account.changed.signInLabel'), link: v.signInLink },
    t('account.changed.notYou'),
    { label: t('account.changed.forgotLabel'), link: v.forgotLink },
  ]);
}

/** The link that finishes a sign-up. */
export function signUpEmail(v: Reader & { organizationName: string; link: string; expiresAt: Date }) {
  const t = emailT(v.language);
  return compose(v.language, t('account.signUp.subject'), [
    t('account.signUp.started', { organization: v.organizationName }),
    { label: t('account.signUp.linkLabel'), link: v.link },
    t('account.signUp.worksUntil', { until: emailDateTime(v.expiresAt, v.language, v.timeZone) }),
  ]);
}

/** Someone tried to sign up with an address that already has an account: its owner is told, the caller is not. */
export function accountExistsEmail(v: Reader & { signInLink: string; forgotLink: string }) {
  const t = emailT(v.language);
  return compose(v.language, t('account.exists.subject'), [
    t('account.exists.body'),
    { label: t('account.exists.signInLabel'), link: v.signInLink },
    { label: t('account.exists.forgotLabel'), link: v.forgotLink },
    t('account.exists.notYou'),
  ]);
}

/** A sign-in from a browser not used on this account before: when, and what to do if it was not them. */
export function newDeviceEmail(v: Reader & { at: Date; forgotLink: string }) {
  const t = emailT(v.language);
  return compose(v.language, t('account.newDevice.subject'), [
    t('account.newDevice.body', { at: emailDateTime(v.at, v.language, v.timeZone) }),
    t('account.newDevice.wasYou'),
    t('account.newDevice.notYou'),
    { label: t('account.newDevice.forgotLabel'), link: v.forgotLink },
  ]);
}

/** A second sign-in step added, removed or reset, or a recovery code used: what, when, and where to look. */
export function factorChangedEmail(v: Reader & { change: FactorChange; at: Date; securityLink: string; forgotLink: string }) {
  const t = emailT(v.language);
  return compose(v.language, t('account.factor.subject'), [
    t(`account.factor.change.${v.change}`, { at: emailDateTime(v.at, v.language, v.timeZone) }),
    { label: t('account.factor.securityLabel'), link: v.securityLink },
    t('account.factor.notYou'),
    { label: t('account.factor.forgotLabel'), link: v.forgotLink },
  ]);
}
