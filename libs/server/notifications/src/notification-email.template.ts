import { Language, notificationKindName, reminderSpecOf } from '@second-look/domain';
import { EMAIL_RESOURCES, emailDay, emailT } from './i18n/email-i18n';

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The e-mail words of each notification kind, per language (./i18n/en.ts, ./i18n/es.ts). Kept
 * short and free of clinical detail: only that something on a case needs a look, and the link
 * to it. A kind without an entry gets `generic`.
 */
export function notificationEmailText(kind: string, language: Language): { subject: string; line: string } {
  const all = EMAIL_RESOURCES[language].notification;
  // Resources are keyed by the kind's name (RECORD_LEGAL_DUE), notifications store its value (record_request.LEGAL_DUE).
  const name = notificationKindName(kind);
  return name ? all[name] : all.generic;
}

const footer = (settingsLink: string, language: Language) => {
  const t = emailT(language);
  return {
    text: `${t('footer.reason')} ${t('footer.changeHere')}\n${settingsLink}\n`,
    html: `<p style="color:#555">${escape(t('footer.reason'))} <a href="${escape(settingsLink)}">${escape(t('footer.changeLink'))}</a>.</p>`,
  };
};

/**
 * The date a reminder is about, as its reader writes dates ("Fecha límite: 9 de diciembre de
 * 2026"): the one its kind's `dueOn` names in REMINDER_KINDS. None for a kind without a date,
 * or a notification that carries none.
 */
export function notificationEmailDate(kind: string, dueOn: string | null | undefined, language: Language): string | null {
  const spec = reminderSpecOf(kind);
  if (!spec || spec.dueOn === 'NONE' || !dueOn) return null;
  return emailT(language)(`date.${spec.dueOn}`, { date: emailDay(dueOn, language) });
}

/** One notification, one e-mail, in the recipient's language: the sentence, its date, and the way back to the case. */
export function notificationEmail(v: { kind: string; dueOn?: string | null; caseLink: string; settingsLink: string; language: Language }) {
  const t = emailT(v.language);
  const words = notificationEmailText(v.kind, v.language);
  const date = notificationEmailDate(v.kind, v.dueOn, v.language);
  const f = footer(v.settingsLink, v.language);
  return {
    subject: words.subject,
    text: `${t('hello')}\n\n${words.line}\n${date ? `${date}\n` : ''}\n${t('openCase')}:\n${v.caseLink}\n\n${f.text}`,
    html: `<p>${escape(t('hello'))}</p><p>${escape(words.line)}</p>${date ? `<p>${escape(date)}</p>` : ''}<p><a href="${escape(v.caseLink)}">${escape(t('openCase'))}</a></p>${f.html}`,
  };
}

/** The daily summary, in the recipient's language: one line per notification, each with its date and case link, oldest first. */
export function digestEmail(v: { items: { kind: string; dueOn?: string | null; caseLink: string }[]; more: number; listLink: string; settingsLink: string; language: Language }) {
  const t = emailT(v.language);
  const lines = v.items.map((i) => {
    const date = notificationEmailDate(i.kind, i.dueOn, v.language);
    return { line: `${notificationEmailText(i.kind, v.language).line}${date ? ` ${date}.` : ''}`, link: i.caseLink };
  });
  const more = v.more ? t('digest.more', { count: v.more }) : '';
  const f = footer(v.settingsLink, v.language);
  return {
    subject: t('digest.subject', { count: v.items.length + v.more }),
    text: `${t('hello')}\n\n${t('digest.intro')}\n\n${lines.map((l) => `- ${l.line}\n  ${l.link}`).join('\n')}\n${more ? `\n${more}\n` : ''}\n${t('digest.allNotifications')}:\n${v.listLink}\n\n${f.text}`,
    html: `<p>${escape(t('hello'))}</p><p>${escape(t('digest.intro'))}</p><ul>${lines.map((l) => `<li>${escape(l.line)} <a href="${escape(l.link)}">${escape(t('digest.openCase'))}</a></li>`).join('')}</ul>${more ? `<p>${escape(more)}</p>` : ''}<p><a href="${escape(v.listLink)}">${escape(t('digest.allNotifications'))}</a></p>${f.html}`,
  };
}
