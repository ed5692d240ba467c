import { NOTIFICATION_CATEGORIES, NotificationKind } from '@second-look/domain';
import { notificationsWords } from '@second-look/web-i18n';
import { kindKey } from './notification-text';

type Words = Record<string, string>;
/** The bell's and the settings' English, which load with the notifications' modules. */
const en = notificationsWords.en as { notifications: { kind: Words; settings: { category: Words; categoryHelp: Words } } };
const sentences = en.notifications.kind as Record<string, string>;

describe('notification sentences', () => {
  it('every kind the API sends has its own sentence, for before and after its date', () => {
    for (const kind of Object.values(NotificationKind)) {
      const key = kindKey(kind);
      expect(key).not.toBe('generic');
      expect(sentences[key]).toBeTruthy();
      expect(sentences[`${key}_past`]).toBeTruthy();
    }
  });
  it('appointment and insurance kinds read as their own keys, unknown ones as the generic sentence', () => {
    expect(kindKey('appointment.DAY_BEFORE')).toBe('APPOINTMENT_DAY_BEFORE');
    expect(kindKey('insurance.PRE_AUTH_EXPIRES')).toBe('INSURANCE_PRE_AUTH_EXPIRES');
    expect(kindKey('task.REMINDER')).toBe('TASK_REMINDER');
    expect(kindKey('appointment.SOMETHING_NEW')).toBe('generic');
    expect(kindKey('record_request.TARGET_DUE')).toBe('TARGET_DUE');
  });
  it('sentences that need a date say it', () => {
    for (const kind of Object.values(NotificationKind).filter((k) => k.startsWith('appointment.') || k.startsWith('insurance.'))) {
      expect(sentences[kindKey(kind)]).toContain('{{when}}');
    }
  });
  it('every e-mail category has a name and a line of help on the settings page', () => {
    for (const c of NOTIFICATION_CATEGORIES) {
      expect((en.notifications.settings.category as Record<string, string>)[c]).toBeTruthy();
      expect((en.notifications.settings.categoryHelp as Record<string, string>)[c]).toBeTruthy();
    }
  });
});
