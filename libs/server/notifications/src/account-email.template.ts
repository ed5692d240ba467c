const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const until = (d: Date): string => d.toUTCString().replace(/:\d\d GMT$/, ' UTC');

/** Plain text and HTML from paragraphs; `link` paragraphs become a labeled link followed by the address. */
function compose(subject: string, parts: Array<string | { link: string; label: string }>) {
  const text = `Hello,\n\n${parts.map((p) => (typeof p === 'string' ? p : `${p.label}:\n${p.link}`)).join('\n\n')}\n`;
  const html = `<p>Hello,</p>${parts
    .map((p) => (typeof p === 'string' ? `<p>${escape(p)}</p>` : `<p><a href="${escape(p.link)}">${escape(p.label)}</a></p><p>${escape(p.link)}</p>`))
    .join('')}`;
  return { subject, text, html };
}

const NOT_YOU = 'If you did not ask for this, you can ignore this e-mail. Your password stays the same.';

/** "Forgot your password?": the link, when it stops working, and what to do if it was not you. */
export function passwordResetEmail(v: { link: string; expiresAt: Date }) {
  return compose('Set a new password for Second Look', [
    'Someone asked to set a new password for your Second Look account.',
    { label: 'Open this link to choose a new password', link: v.link },
    `The link works once and until ${until(v.expiresAt)}.`,
    NOT_YOU,
  ]);
}

/** After a reset: the person hears about it, so a change they did not make does not go unseen. */
export function passwordChangedEmail(v: { signInLink: string; forgotLink: string }) {
  return compose('Your Second Look password was changed', [
    'The password for your Second Look account was just changed, and every device that was signed in was signed out.',
    { label: 'Sign in with your new password', link: v.signInLink },
    'If you did not do this, set a new password right away and tell your organization’s admin.',
    { label: 'Set a new password', link: v.forgotLink },
  ]);
}

/** The link that finishes a sign-up. */
export function signUpEmail(v: { organizationName: string; link: string; expiresAt: Date }) {
  return compose('Finish creating your organization on Second Look', [
    `You started to create "${v.organizationName}" on Second Look.`,
    { label: 'Open this link to finish and sign in', link: v.link },
    `The link works once and until ${until(v.expiresAt)}. If you did not do this, you can ignore this e-mail.`,
  ]);
}

/** Someone tried to sign up with an address that already has an account: its owner is told, the caller is not. */
export function accountExistsEmail(v: { signInLink: string; forgotLink: string }) {
  return compose('Someone tried to create an account with your e-mail', [
    'Someone tried to create a new organization on Second Look with this e-mail address. You already have an account, so nothing was created.',
    { label: 'If it was you, sign in here', link: v.signInLink },
    { label: 'Forgot your password? Set a new one', link: v.forgotLink },
    'If it was not you, you do not need to do anything.',
  ]);
}

/** A sign-in from a browser not used on this account before: when, and what to do if it was not them. */
export function newDeviceEmail(v: { at: Date; forgotLink: string }) {
  return compose('New sign-in to your Second Look account', [
    `Your Second Look account was just signed in from a browser or device it had not been used on before (${until(v.at)}).`,
    'If this was you, there is nothing to do.',
    'If it was not you, set a new password right away. That signs out every device.',
    { label: 'Set a new password', link: v.forgotLink },
  ]);
}
