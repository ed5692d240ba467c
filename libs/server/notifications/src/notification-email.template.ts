import { NotificationKind } from '@second-look/domain';

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The e-mail words, one entry per notification kind. Kept short and free of clinical detail:
 * no patient name, no diagnosis, no record type — only that something on a case needs a look,
 * and the link to it. A kind without an entry gets `generic`.
 */
export const NOTIFICATION_EMAIL_TEXT: Record<NotificationKind | 'generic', { subject: string; line: string }> = {
  [NotificationKind.RECORD_SENT_DAY]: { subject: 'A record request is still open', line: 'A record request on one of your cases is still waiting for the records. A short check-in with the holder can help.' },
  [NotificationKind.RECORD_TARGET_SOON]: { subject: 'A record request is due soon', line: 'A record request on one of your cases reaches its planned date soon.' },
  [NotificationKind.RECORD_TARGET_DUE]: { subject: 'A record request needs attention', line: 'A record request on one of your cases has reached its planned date.' },
  [NotificationKind.RECORD_LEGAL_SOON]: { subject: 'A record request nears its legal deadline', line: 'A record request on one of your cases is close to its legal deadline.' },
  [NotificationKind.RECORD_LEGAL_DUE]: { subject: 'A record request is at its legal deadline', line: 'A record request on one of your cases reaches its legal deadline today.' },
  [NotificationKind.RECORD_LEGAL_OVERDUE]: { subject: 'A record request is past its legal deadline', line: 'A record request on one of your cases is past its legal deadline. It is time to follow up in writing. A follow-up letter is ready to download on the case.' },
  [NotificationKind.APPOINTMENT_SOON]: { subject: 'Your appointment is coming up', line: 'Your appointment is a few days away. It helps to bring your records packet and your list of questions; you will find both on your case.' },
  [NotificationKind.APPOINTMENT_DAY_BEFORE]: { subject: 'Your appointment is almost here', line: 'Your appointment is very soon. Have your records packet and your questions ready to take with you.' },
  [NotificationKind.APPOINTMENT_RECORD_OPINION]: { subject: 'How did the appointment go?', line: 'When you are ready, write down what the doctor said, so the opinions can be compared side by side.' },
  [NotificationKind.APPOINTMENT_BOOK_FOLLOW_UP]: { subject: 'Time to book the follow-up', line: 'A good next step is a visit with the current doctor to share what the second opinion found.' },
  [NotificationKind.INSURANCE_VERIFY_COVERAGE]: { subject: 'Coverage not verified before an appointment', line: 'An appointment on one of your cases is about a week away and its insurance check is not verified yet.' },
  [NotificationKind.INSURANCE_PRE_AUTH_EXPIRES]: { subject: 'A pre-authorisation ends before an appointment', line: 'On one of your cases the pre-authorisation ends before the appointment date. It may need to be extended.' },
  [NotificationKind.INSURANCE_REVERIFY_COVERAGE]: { subject: 'An appointment moved: please check coverage again', line: 'An appointment on one of your cases has a new date. Please check with the plan that coverage still holds.' },
  generic: { subject: 'Something on a case needs attention', line: 'There is an update on one of your cases.' },
};

const textFor = (kind: string) => NOTIFICATION_EMAIL_TEXT[kind as NotificationKind] ?? NOTIFICATION_EMAIL_TEXT.generic;

const footer = (settingsLink: string) => ({
  text: `You get this because of your notification settings. Change them here:\n${settingsLink}\n`,
  html: `<p style="color:#555">You get this because of your notification settings. <a href="${escape(settingsLink)}">Change them</a>.</p>`,
});

/** One notification, one e-mail: the sentence and the way back to the case. */
export function notificationEmail(v: { kind: string; caseLink: string; settingsLink: string }) {
  const t = textFor(v.kind);
  const f = footer(v.settingsLink);
  return {
    subject: t.subject,
    text: `Hello,\n\n${t.line}\n\nOpen the case in Second Look:\n${v.caseLink}\n\n${f.text}`,
    html: `<p>Hello,</p><p>${escape(t.line)}</p><p><a href="${escape(v.caseLink)}">Open the case in Second Look</a></p>${f.html}`,
  };
}

/** The daily summary: one line per notification, each with its case link, oldest first. */
export function digestEmail(v: { items: { kind: string; caseLink: string }[]; more: number; listLink: string; settingsLink: string }) {
  const n = v.items.length + v.more;
  const subject = n === 1 ? 'Your daily summary: 1 thing needs attention' : `Your daily summary: ${n} things need attention`;
  const lines = v.items.map((i) => ({ line: textFor(i.kind).line, link: i.caseLink }));
  const more = v.more ? `…and ${v.more} more in the app.` : '';
  const f = footer(v.settingsLink);
  return {
    subject,
    text: `Hello,\n\nHere is what is waiting for you:\n\n${lines.map((l) => `- ${l.line}\n  ${l.link}`).join('\n')}\n${more ? `\n${more}\n` : ''}\nAll your notifications:\n${v.listLink}\n\n${f.text}`,
    html: `<p>Hello,</p><p>Here is what is waiting for you:</p><ul>${lines.map((l) => `<li>${escape(l.line)} <a href="${escape(l.link)}">Open the case</a></li>`).join('')}</ul>${more ? `<p>${escape(more)}</p>` : ''}<p><a href="${escape(v.listLink)}">All your notifications</a></p>${f.html}`,
  };
}
