import { LANGUAGES, NotificationKind, Role } from '@second-look/domain';
import { EMAIL_RESOURCES } from './i18n/email-i18n';
import { invitationEmail } from './invitation-email.template';
import { digestEmail, notificationEmail, notificationEmailText } from './notification-email.template';

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

  it('an unknown kind gets the generic words', () => {
    expect(notificationEmail({ kind: 'future_area.SOMETHING', ...en }).subject).toBe('Something on a case needs attention');
    expect(notificationEmailText('future_area.SOMETHING', 'es').subject).toBe('Algo en un caso necesita atención');
  });

  it('escapes what goes into HTML', () => {
    const m = notificationEmail({ kind: NotificationKind.RECORD_TARGET_DUE, caseLink: 'https://x/"><script>', settingsLink: links.settingsLink, language: 'es' });
    expect(m.html).not.toContain('<script>');
  });

  it('a digest lists each item with its link, counts (plural forms of each language), and says how many more', () => {
    const items = [{ kind: NotificationKind.RECORD_SENT_DAY, caseLink: links.caseLink }, { kind: NotificationKind.RECORD_LEGAL_DUE, caseLink: links.caseLink }];
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
  const invitation = { organizationName: 'Harbor Patient Advocates', inviterName: 'Alex Advocate', link: 'https://app.example/invite/abc', expiresAt: new Date('2026-12-09T16:00:00Z'), timeZone: 'America/Chicago' };
  const kinds = [...Object.values(NotificationKind), 'generic'];

  it.each(kinds)('notification %s', (kind) => {
    for (const part of ['subject', 'text', 'html'] as const) {
      englishOnly(notificationEmail({ kind, ...en })[part]);
      spanishOnly(notificationEmail({ kind, ...es })[part]);
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
    const items = Object.values(NotificationKind).map((kind) => ({ kind, caseLink: links.caseLink }));
    const e = digestEmail({ items, more: 2, listLink: 'https://app.example/notifications', settingsLink: links.settingsLink, language: 'en' });
    const s = digestEmail({ items, more: 2, listLink: 'https://app.example/notifications', settingsLink: links.settingsLink, language: 'es' });
    for (const part of ['subject', 'text', 'html'] as const) {
      englishOnly(e[part]);
      spanishOnly(s[part]);
    }
    expect(s.text).toContain('…y 2 más en la aplicación.');
  });
});
