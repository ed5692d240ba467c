import { NotificationKind } from '@second-look/domain';
import { digestEmail, NOTIFICATION_EMAIL_TEXT, notificationEmail } from './notification-email.template';

const links = { caseLink: 'https://app.example/cases/0c000000-0000-4000-8000-000000000001', settingsLink: 'https://app.example/notifications/settings' };

describe('notification e-mail templates', () => {
  it('has words for every kind, short and without clinical words', () => {
    for (const kind of Object.values(NotificationKind)) {
      const t = NOTIFICATION_EMAIL_TEXT[kind];
      expect(t.subject.length).toBeLessThan(60);
      expect(t.line.length).toBeLessThan(160);
      expect(`${t.subject} ${t.line}`).not.toMatch(/diagnos|cancer|patho|imaging|lab|scan|biopsy|surgery/i);
    }
  });

  it('one e-mail: the sentence, the case link, the settings link', () => {
    const m = notificationEmail({ kind: NotificationKind.RECORD_TARGET_DUE, ...links });
    expect(m.subject).toBe('A record request needs attention');
    expect(m.text).toContain(links.caseLink);
    expect(m.text).toContain(links.settingsLink);
    expect(m.html).toContain(`href="${links.caseLink}"`);
  });

  it('past the legal deadline, points to the follow-up letter waiting on the case (and still names nothing clinical)', () => {
    const m = notificationEmail({ kind: NotificationKind.RECORD_LEGAL_OVERDUE, ...links });
    expect(m.text).toContain('It is time to follow up in writing. A follow-up letter is ready to download on the case.');
    expect(m.html).toContain('A follow-up letter is ready to download on the case.');
  });

  it('an unknown kind gets the generic words', () => {
    expect(notificationEmail({ kind: 'future_area.SOMETHING', ...links }).subject).toBe('Something on a case needs attention');
  });

  it('escapes what goes into HTML', () => {
    const m = notificationEmail({ kind: NotificationKind.RECORD_TARGET_DUE, caseLink: 'https://x/"><script>', settingsLink: links.settingsLink });
    expect(m.html).not.toContain('<script>');
  });

  it('a digest lists each item with its link, counts, and says how many more', () => {
    const m = digestEmail({ items: [{ kind: NotificationKind.RECORD_SENT_DAY, caseLink: links.caseLink }, { kind: NotificationKind.RECORD_LEGAL_DUE, caseLink: links.caseLink }], more: 3, listLink: 'https://app.example/notifications', settingsLink: links.settingsLink });
    expect(m.subject).toBe('Your daily summary: 5 things need attention');
    expect(m.text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(2);
    expect(m.text).toContain('and 3 more in the app');
    expect(digestEmail({ items: [{ kind: NotificationKind.RECORD_SENT_DAY, caseLink: links.caseLink }], more: 0, listLink: 'x', settingsLink: 'y' }).subject).toBe('Your daily summary: 1 thing needs attention');
  });
});
