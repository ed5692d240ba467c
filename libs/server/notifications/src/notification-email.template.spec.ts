import type { FactorChange } from '@second-look/contracts';
import { LANGUAGES, NotificationKind, REMINDER_KINDS, Role } from '@second-look/domain';
import { accountExistsEmail, factorChangedEmail, newDeviceEmail, passwordChangedEmail, passwordResetEmail, signUpEmail } from './account-email.template';
import { EMAIL_RESOURCES } from './i18n/email-i18n';
import { invitationEmail } from './invitation-email.template';
import { digestEmail, notificationEmail, notificationEmailDate, notificationEmailText } from './notification-email.template';

const links = { caseLink: 'https://app.example/cases/0c000000-0000-4000-8000-000000000001', settingsLink: 'https://app.example/notifications/settings' };
const en = { ...links, language: 'en' as const };
const es = { ...links, language: 'es' as const };

/** Words that say an e-mail is in English, and in Spanish; a right e-mail has its own and none of the other's. */
const ENGLISH = /\b(hello|the|a|an|your|you|case|is|and|in|need|needs|join|invited|appointment|request|time|how)\b/i;
const SPANISH = /\b(hola|el|la|su|sus|caso|cita|es|y|en|de)\b|[áéíóúñ¿¡]/i;
const englishOnly = (s: string) => {
  expect(s).toMatch(ENGLISH);
  expect(s.replace(/https?:\S+/g, '')).not.toMatch(/[áéíóúñ¿¡]|\b(Hola|su|sus|caso|el|la)\b/);
};
const spanishOnly = (s: string) => {
  expect(s).toMatch(SPANISH);
  expect(s.replace(/https?:\S+/g, '').replace(/Second Look/g, '')).not.toMatch(/\b(Hello|the|your|you|case|is|and|needs)\b/);
};

describe('notification e-mail templates', () => {
  it.each(LANGUAGES)('has words for every kind in %s, short and without clinical words', (language) => {
    for (const kind of Object.values(NotificationKind)) {
      const t = notificationEmailText(kind, language);
      expect(t).not.toBe(EMAIL_RESOURCES[language].notification.generic);
      expect(t.subject.length).toBeLessThan(60);
      expect(t.line.length).toBeLessThan(180);
      expect(`${t.subject} ${t.line}`).not.toMatch(/diagnos|cancer|c[aá]ncer|patho|patolog|imaging|imagen|lab|scan|biopsy|biopsia|surgery|cirug/i);
    }
  });

  it('one e-mail: the sentence, the case link, the settings link', () => {
    const m = notificationEmail({ kind: NotificationKind.RECORD_TARGET_DUE, ...en });
    expect(m.subject).toBe('A record request needs attention');
    expect(m.text).toContain(links.caseLink);
    expect(m.text).toContain(links.settingsLink);
    expect(m.html).toContain(`href="${links.caseLink}"`);
  });

  it('past the legal deadline, points to the follow-up letter waiting on the case (and still names nothing clinical)', () => {
    const m = notificationEmail({ kind: NotificationKind.RECORD_LEGAL_OVERDUE, ...en });
    expect(m.text).toContain('It is time to follow up in writing. A follow-up letter is ready to download on the case.');
    expect(m.html).toContain('A follow-up letter is ready to download on the case.');
    expect(notificationEmail({ kind: NotificationKind.RECORD_LEGAL_OVERDUE, ...es }).text).toContain('En el caso hay una carta de seguimiento lista para descargar.');
  });

  it('says the date a reminder is about, the way its reader writes dates (es-US in Spanish)', () => {
    const task = notificationEmail({ kind: NotificationKind.TASK_REMINDER, dueOn: '2026-12-09', ...en });
    expect(task.text).toContain('Due date: December 9, 2026');
    expect(task.html).toContain('<p>Due date: December 9, 2026</p>');
    const tarea = notificationEmail({ kind: NotificationKind.TASK_REMINDER, dueOn: '2026-12-09', ...es });
    expect(tarea.text).toContain('Fecha límite: 9 de diciembre de 2026');
    expect(notificationEmailDate(NotificationKind.APPOINTMENT_SOON, '2027-01-04', 'es')).toBe('Fecha de la cita: 4 de enero de 2027');
    expect(notificationEmailDate(NotificationKind.RECORD_LEGAL_DUE, '2027-01-04', 'en')).toBe('Legal deadline: January 4, 2027');
    // The calendar day itself, whatever the server's zone: never the day before.
    expect(notificationEmailDate(NotificationKind.TASK_REMINDER, '2027-01-01', 'en')).toBe('Due date: January 1, 2027');
    // A kind whose sentence has no date, a notification without one, a kind this code does not know: no date line.
    expect(notificationEmailDate(NotificationKind.RECORD_LEGAL_OVERDUE, '2027-01-04', 'en')).toBeNull();
    expect(notificationEmailDate(NotificationKind.TASK_REMINDER, null, 'es')).toBeNull();
    expect(notificationEmail({ kind: 'future_area.SOMETHING', dueOn: '2027-01-04', ...es }).text).not.toMatch(/2027/);
  });

  it('an unknown kind gets the generic words', () => {
    expect(notificationEmail({ kind: 'future_area.SOMETHING', ...en }).subject).toBe('Something on a case needs attention');
    expect(notificationEmailText('future_area.SOMETHING', 'es').subject).toBe('Algo en un caso necesita atención');
  });

  it('escapes what goes into HTML', () => {
    const m = notificationEmail({ kind: NotificationKind.RECORD_TARGET_DUE, caseLink: 'https://x/"><script>', settingsLink: links.settingsLink, language: 'es' });
    expect(m.html).not.toContain('<script>');
  });

  it('a digest lists each item with its link, counts (plural forms of each language), and says how many more', () => {
    const items = [
      { kind: NotificationKind.RECORD_SENT_DAY, caseLink: links.caseLink },
      { kind: NotificationKind.RECORD_LEGAL_DUE, caseLink: links.caseLink },
    ];
    const m = digestEmail({ items, more: 3, listLink: 'https://app.example/notifications', settingsLink: links.settingsLink, language: 'en' });
    expect(m.subject).toBe('Your daily summary: 5 things need attention');
    expect(m.text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(2);
    expect(m.text).toContain('and 3 more in the app');
    const one = { items: [items[0]!], more: 0, listLink: 'x', settingsLink: 'y' };
    expect(digestEmail({ ...one, language: 'en' }).subject).toBe('Your daily summary: 1 thing needs attention');
    expect(digestEmail({ ...one, language: 'es' }).subject).toBe('Su resumen del día: 1 cosa necesita atención');
    expect(digestEmail({ items, more: 3, listLink: 'x', settingsLink: 'y', language: 'es' }).subject).toBe('Su resumen del día: 5 cosas necesitan atención');
    expect(digestEmail({ items, more: 999998, listLink: 'x', settingsLink: 'y', language: 'es' }).subject).toBe('Su resumen del día: 1000000 cosas necesitan atención');
  });
});

describe('every e-mail kind, rendered in both languages: each wholly in its own', () => {
  const invitation = {
    organizationName: 'Harbor Patient Advocates',
    inviterName: 'Alex Advocate',
    link: 'https://app.example/invite/abc',
    expiresAt: new Date('2026-12-09T16:00:00Z'),
    timeZone: 'America/Chicago',
  };
  const kinds = [...Object.values(NotificationKind), 'generic'];

  it.each(kinds)('notification %s, with its date', (kind) => {
    const dueOn = '2026-12-09';
    for (const part of ['subject', 'text', 'html'] as const) {
      englishOnly(notificationEmail({ kind, dueOn, ...en })[part]);
      spanishOnly(notificationEmail({ kind, dueOn, ...es })[part]);
    }
    const dated = kind !== 'generic' && Object.values(REMINDER_KINDS).find((k) => k.id === kind)!.dueOn !== 'NONE';
    expect(notificationEmail({ kind, dueOn, ...en }).text.includes('December 9, 2026')).toBe(dated);
    expect(notificationEmail({ kind, dueOn, ...es }).text.includes('9 de diciembre de 2026')).toBe(dated);
  });

  // The account e-mails go to anyone with an account, patients first among them.
  const reader = { timeZone: 'America/Chicago' };
  const at = new Date('2026-12-09T16:00:00Z');
  const account = {
    'password reset': (language: 'en' | 'es') => passwordResetEmail({ ...reader, language, link: 'https://app.example/reset-password/abc', expiresAt: at }),
    'password changed': (language: 'en' | 'es') => passwordChangedEmail({ ...reader, language, signInLink: 'https://app.example/sign-in', forgotLink: 'https://app.example/forgot-password' }),
    'sign-up': (language: 'en' | 'es') => signUpEmail({ ...reader, language, organizationName: 'Harbor Patient Advocates', link: 'https://app.example/sign-up/abc', expiresAt: at }),
    'account exists': (language: 'en' | 'es') => accountExistsEmail({ ...reader, language, signInLink: 'https://app.example/sign-in', forgotLink: 'https://app.example/forgot-password' }),
    'new device': (language: 'en' | 'es') => newDeviceEmail({ ...reader, language, at, forgotLink: 'https://app.example/forgot-password' }),
    ...Object.fromEntries(
      (['TOTP_ADDED', 'PASSKEY_ADDED', 'FACTOR_REMOVED', 'RECOVERY_CODES_NEW', 'RECOVERY_CODE_USED', 'FACTORS_RESET'] satisfies FactorChange[]).map((change) => [
        `sign-in steps changed (${change})`,
        (language: 'en' | 'es') => factorChangedEmail({ ...reader, language, change, at, securityLink: 'https://app.example/account/security', forgotLink: 'https://app.example/forgot-password' }),
      ]),
    ),
  };
  const withMoment = new Set(['password reset', 'sign-up', 'new device']);

  it.each(Object.keys(account))('account e-mail: %s', (name) => {
    const render = account[name as keyof typeof account];
    const e = render('en');
    const s = render('es');
    for (const part of ['subject', 'text', 'html'] as const) {
      englishOnly(e[part]);
      spanishOnly(s[part]);
    }
    expect(s.subject).not.toBe(e.subject);
    expect(s.text).toMatch(/^Hola:/);
    // Its links stay as they are, and its moment is said in the reader's locale and zone.
    expect(s.text.match(/https:\S+/g)).toEqual(e.text.match(/https:\S+/g));
    if (withMoment.has(name) || name.startsWith('sign-in steps')) {
      expect(e.text).toMatch(/December 9, 2026 at 10:00\sAM CST/);
      expect(s.text).toMatch(/9 de diciembre de 2026,? (a las )?10:00\sa\.\s?m\. CST/);
    }
  });

  it.each([Role.PATIENT, Role.CAREGIVER, Role.ADVOCATE, Role.COORDINATOR, Role.ADMIN])('invitation for a %s, with the expiry in the reader’s locale', (role) => {
    const e = invitationEmail({ ...invitation, role, language: 'en' });
    const s = invitationEmail({ ...invitation, role, language: 'es' });
    for (const part of ['subject', 'text', 'html'] as const) {
      englishOnly(e[part]);
      spanishOnly(s[part]);
    }
    expect(e.text).toContain('December 9, 2026');
    expect(s.text).toContain('9 de diciembre de 2026');
    expect(s.text).toContain(invitation.link);
  });

  it('the daily digest', () => {
    const items = Object.values(NotificationKind).map((kind) => ({ kind, dueOn: '2026-12-09', caseLink: links.caseLink }));
    const e = digestEmail({ items, more: 2, listLink: 'https://app.example/notifications', settingsLink: links.settingsLink, language: 'en' });
    const s = digestEmail({ items, more: 2, listLink: 'https://app.example/notifications', settingsLink: links.settingsLink, language: 'es' });
    for (const part of ['subject', 'text', 'html'] as const) {
      englishOnly(e[part]);
      spanishOnly(s[part]);
    }
    expect(s.text).toContain('…y 2 más en la aplicación.');
    // Each dated item says its date, in the reader's words.
    expect(e.text).toContain('is due soon. Open the case to see it, and check it off when it is finished. Due date: December 9, 2026.');
    expect(s.text).toContain('vence pronto. Abra el caso para verla y márquela cuando esté hecha. Fecha límite: 9 de diciembre de 2026.');
    // A kind whose sentence has no date (past the legal deadline) gets none.
    expect(s.text).toContain('En el caso hay una carta de seguimiento lista para descargar.\n  https://app.example/cases/');
  });
});
