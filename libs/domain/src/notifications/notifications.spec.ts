import { DomainErrorCode } from '../errors/domain-error';
import { RecordReminderKind } from '../records/record-reminders';
import { digestCron, digestDay, digestSelection, DigestCandidate, nextDigestTime } from './daily-digest';
import { AppointmentReminderKind } from '../appointments/appointment-reminders';
import { appointmentReminderNotificationKind, categoryOf, NotificationCategory as C, NotificationKind, recordReminderNotificationKind } from './notification-kind';
import { DEFAULT_NOTIFICATION_PREFERENCES, EmailMode as M, emailModeFor, notificationPreferences, validateNotificationPreferences } from './notification-preferences';
import { isInQuietHours, nextSendTime } from './quiet-hours';

const at = (iso: string) => new Date(iso);
const h = (hh: number, mm = 0) => hh * 60 + mm;
const NIGHT = { start: h(20), end: h(8) }; // spans midnight
const LUNCH = { start: h(12), end: h(13) }; // inside one day
/** The appointment and insurance categories, at their default. */
const NEWER = { APPOINTMENT_REMINDERS: M.IMMEDIATE, AFTER_VISIT: M.IMMEDIATE, INSURANCE_CHECKS: M.IMMEDIATE, TASKS: M.IMMEDIATE };

describe('kinds and categories', () => {
  it('every record reminder kind has a notification kind with a category', () => {
    for (const k of Object.values(RecordReminderKind)) expect(categoryOf(recordReminderNotificationKind(k))).not.toBeNull();
    expect(categoryOf(NotificationKind.RECORD_LEGAL_OVERDUE)).toBe(C.RECORD_ESCALATIONS);
    expect(categoryOf(NotificationKind.RECORD_TARGET_DUE)).toBe(C.RECORD_REMINDERS);
  });
  it('every appointment reminder and coverage flag has a notification kind with a category', () => {
    for (const k of Object.values(AppointmentReminderKind)) expect(categoryOf(appointmentReminderNotificationKind(k))).not.toBeNull();
    expect(categoryOf(appointmentReminderNotificationKind(AppointmentReminderKind.DAY_BEFORE))).toBe(C.APPOINTMENT_REMINDERS);
    expect(categoryOf(appointmentReminderNotificationKind(AppointmentReminderKind.BOOK_FOLLOW_UP))).toBe(C.AFTER_VISIT);
    expect(categoryOf(appointmentReminderNotificationKind(AppointmentReminderKind.PRE_AUTH_EXPIRES))).toBe(C.INSURANCE_CHECKS);
    expect(new Set(Object.values(AppointmentReminderKind).map(appointmentReminderNotificationKind)).size).toBe(Object.values(AppointmentReminderKind).length);
  });
  it('an unknown kind has no category and is never e-mailed', () => {
    expect(categoryOf('future_area.SOMETHING')).toBeNull();
    expect(categoryOf('toString')).toBeNull();
    expect(emailModeFor('future_area.SOMETHING', DEFAULT_NOTIFICATION_PREFERENCES)).toBe(M.OFF);
  });
});

describe('preferences', () => {
  it('defaults: everything by e-mail at once, no quiet hours', () => {
    const p = notificationPreferences(null);
    expect(p).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);
    expect(p.quietHours).toBeNull();
    expect(emailModeFor(NotificationKind.RECORD_TARGET_DUE, p)).toBe(M.IMMEDIATE);
    expect(emailModeFor(NotificationKind.RECORD_LEGAL_OVERDUE, p)).toBe(M.IMMEDIATE);
  });
  it('stored choices override defaults; junk in storage is ignored', () => {
    const p = notificationPreferences({ email: { RECORD_REMINDERS: 'OFF', RECORD_ESCALATIONS: 'LOUD', OLD_CATEGORY: 'IMMEDIATE' }, quietHours: NIGHT });
    expect(p.email).toEqual({ RECORD_REMINDERS: M.OFF, RECORD_ESCALATIONS: M.IMMEDIATE, ...NEWER });
    expect(p.quietHours).toEqual(NIGHT);
  });
  it('validates input whole: a partial list keeps the rest', () => {
    const p = validateNotificationPreferences({ email: [{ category: 'RECORD_REMINDERS', mode: 'IMMEDIATE' }], quietHours: { start: '20:00', end: '08:00' } });
    expect(p).toEqual({ email: { RECORD_REMINDERS: M.IMMEDIATE, RECORD_ESCALATIONS: M.IMMEDIATE, ...NEWER }, quietHours: NIGHT });
    const q = validateNotificationPreferences({ email: [{ category: 'RECORD_ESCALATIONS', mode: 'DIGEST' }], quietHours: null }, notificationPreferences({ email: { RECORD_REMINDERS: 'OFF' } }));
    expect(q.email).toEqual({ RECORD_REMINDERS: M.OFF, RECORD_ESCALATIONS: M.DIGEST, ...NEWER });
    expect(validateNotificationPreferences({ email: [], quietHours: null }).quietHours).toBeNull();
  });
  it.each([
    [{ email: [{ category: 'NOPE', mode: 'OFF' }], quietHours: null }, 'email.category'],
    [
      {
        email: [
          { category: 'RECORD_REMINDERS', mode: 'OFF' },
          { category: 'RECORD_REMINDERS', mode: 'DIGEST' },
        ],
        quietHours: null,
      },
      'email.category',
    ],
    [{ email: [{ category: 'RECORD_REMINDERS', mode: 'SOMETIMES' }], quietHours: null }, 'email.mode'],
    [{ email: [], quietHours: { start: '25:00', end: '08:00' } }, 'quietHours.start'],
    [{ email: [], quietHours: { start: '20:00', end: '8' } }, 'quietHours.end'],
    [{ email: [], quietHours: { start: '20:00', end: '20:00' } }, 'quietHours.end'],
  ])('refuses %j naming %s', (input, field) => {
    expect(() => validateNotificationPreferences(input)).toThrow(expect.objectContaining({ code: DomainErrorCode.VALIDATION_FAILED, details: expect.objectContaining({ field }) }));
  });
});

describe('quiet hours', () => {
  const Z = 'America/Chicago';
  it.each([
    ['2026-12-02T01:59:00Z', false], // 19:59 CST the evening before
    ['2026-12-02T02:00:00Z', true], // 20:00 CST: start included
    ['2026-12-02T05:59:00Z', true], // 23:59
    ['2026-12-02T06:00:00Z', true], // 00:00 midnight
    ['2026-12-02T13:59:00Z', true], // 07:59
    ['2026-12-02T14:00:00Z', false], // 08:00: end excluded
    ['2026-12-02T18:00:00Z', false], // noon
    ['2026-12-02T01:00:00Z', false], // 19:00
  ])('20:00–08:00 Chicago at %s: %s', (iso, quiet) => {
    expect(isInQuietHours(at(iso), NIGHT, Z)).toBe(quiet);
  });
  it('a window within one day', () => {
    expect(isInQuietHours(at('2026-12-02T18:30:00Z'), LUNCH, Z)).toBe(true);
    expect(isInQuietHours(at('2026-12-02T19:00:00Z'), LUNCH, Z)).toBe(false);
    expect(isInQuietHours(at('2026-12-02T17:59:00Z'), LUNCH, Z)).toBe(false);
  });
  it('no quiet hours, or an empty window, is never quiet', () => {
    expect(isInQuietHours(at('2026-12-02T06:00:00Z'), null, Z)).toBe(false);
    expect(isInQuietHours(at('2026-12-02T06:00:00Z'), { start: h(3), end: h(3) }, Z)).toBe(false);
    expect(nextSendTime(at('2026-12-02T06:00:00Z'), null, Z).toISOString()).toBe('2026-12-02T06:00:00.000Z');
  });
  it('outside quiet hours an e-mail goes at once', () => {
    expect(nextSendTime(at('2026-12-02T18:00:00Z'), NIGHT, Z).toISOString()).toBe('2026-12-02T18:00:00.000Z');
  });
  it('in the evening part it waits for 08:00 the next morning', () => {
    expect(nextSendTime(at('2026-12-02T03:00:00Z'), NIGHT, Z).toISOString()).toBe('2026-12-02T14:00:00.000Z'); // Tue 21:00 -> Wed 08:00 CST
  });
  it('after midnight it waits for 08:00 the same day', () => {
    expect(nextSendTime(at('2026-12-02T09:00:00Z'), NIGHT, Z).toISOString()).toBe('2026-12-02T14:00:00.000Z'); // 03:00 -> 08:00
  });
  it('across the night clocks go forward (2026-03-08 in Chicago) the wait is an hour shorter', () => {
    const held = nextSendTime(at('2026-03-08T03:00:00Z'), NIGHT, Z); // Sat 21:00 CST
    expect(held.toISOString()).toBe('2026-03-08T13:00:00.000Z'); // Sun 08:00 CDT
  });
  it('across the night clocks go back (2026-11-01) it still ends at 08:00 local', () => {
    expect(nextSendTime(at('2026-11-01T02:00:00Z'), NIGHT, Z).toISOString()).toBe('2026-11-01T14:00:00.000Z'); // Sat 21:00 CDT -> Sun 08:00 CST
  });
  it('quiet hours that end inside the skipped hour end as the clock reads it afterwards', () => {
    const q = { start: h(0), end: h(2, 30) };
    expect(nextSendTime(at('2026-03-08T07:00:00Z'), q, Z).toISOString()).toBe('2026-03-08T08:30:00.000Z'); // 01:00 CST -> 03:30 CDT (the wall time moved on by the skipped hour)
  });
  it('quiet hours that end inside the repeated hour are not left twice', () => {
    const q = { start: h(0), end: h(1, 30) };
    // 01:10 CST (second pass of 01:xx, after fall-back) is 07:10Z; the quiet window ends 01:30 CST.
    const held = nextSendTime(at('2026-11-01T07:10:00Z'), q, Z);
    expect(held > at('2026-11-01T07:10:00Z')).toBe(true);
    expect(held.toISOString()).toBe('2026-11-01T07:30:00.000Z');
  });
  it('in the southern hemisphere (Auckland, DST begins 2026-09-27)', () => {
    expect(nextSendTime(at('2026-09-26T09:00:00Z'), NIGHT, 'Pacific/Auckland').toISOString()).toBe('2026-09-26T19:00:00.000Z'); // Sat 21:00 NZST -> Sun 08:00 NZDT
  });
});

describe('daily digest', () => {
  const n = (id: string, kind: string, createdAt: string, extra: Partial<DigestCandidate> = {}): DigestCandidate => ({
    id,
    kind,
    createdAt: at(createdAt),
    readAt: null,
    digestedAt: null,
    emailedAt: null,
    ...extra,
  });
  const cutoff = at('2026-12-02T14:00:00Z');
  const prefs = notificationPreferences({ email: { RECORD_REMINDERS: 'DIGEST', RECORD_ESCALATIONS: 'IMMEDIATE' } });

  it('lists unread, un-sent digest-category notifications before the cut-off, oldest first', () => {
    const list = [
      n('b', NotificationKind.RECORD_TARGET_DUE, '2026-12-01T16:00:00Z'),
      n('a', NotificationKind.RECORD_SENT_DAY, '2026-12-01T15:00:00Z'),
      n('read', NotificationKind.RECORD_TARGET_DUE, '2026-12-01T15:00:00Z', { readAt: at('2026-12-01T17:00:00Z') }),
      n('old', NotificationKind.RECORD_TARGET_DUE, '2026-11-30T15:00:00Z', { digestedAt: at('2026-12-01T14:00:00Z') }),
      n('mailed', NotificationKind.RECORD_TARGET_DUE, '2026-11-30T15:00:00Z', { emailedAt: at('2026-11-30T15:00:01Z') }),
      n('urgent', NotificationKind.RECORD_LEGAL_OVERDUE, '2026-12-01T15:00:00Z'),
      n('later', NotificationKind.RECORD_TARGET_DUE, '2026-12-02T14:00:01Z'),
      n('unknown', 'future_area.SOMETHING', '2026-12-01T15:00:00Z'),
    ];
    expect(digestSelection(list, prefs, cutoff)).toEqual({ items: [list[1], list[0]], more: 0 });
  });
  it('nothing when the person turned the category off or to immediate', () => {
    const list = [n('a', NotificationKind.RECORD_TARGET_DUE, '2026-12-01T15:00:00Z')];
    expect(digestSelection(list, notificationPreferences({ email: { RECORD_REMINDERS: 'OFF' } }), cutoff).items).toEqual([]);
    expect(digestSelection(list, notificationPreferences({ email: { RECORD_REMINDERS: 'IMMEDIATE' } }), cutoff).items).toEqual([]);
  });
  it('escalations join the digest when chosen so', () => {
    const list = [n('x', NotificationKind.RECORD_LEGAL_OVERDUE, '2026-12-01T15:00:00Z')];
    expect(digestSelection(list, notificationPreferences({ email: { RECORD_ESCALATIONS: 'DIGEST' } }), cutoff).items.map((i) => i.id)).toEqual(['x']);
  });
  it('caps a long list and says how many more', () => {
    const list = Array.from({ length: 25 }, (_, i) => n(`n${String(i).padStart(2, '0')}`, NotificationKind.RECORD_TARGET_DUE, '2026-12-01T15:00:00Z'));
    const s = digestSelection(list, prefs, cutoff, 20);
    expect(s.items).toHaveLength(20);
    expect(s.more).toBe(5);
    expect(s.items[0].id).toBe('n00');
  });
  it('is due at the set local hour, today or tomorrow, across DST', () => {
    const Z = 'America/Chicago';
    expect(nextDigestTime(at('2026-12-02T12:00:00Z'), 8, Z).toISOString()).toBe('2026-12-02T14:00:00.000Z');
    expect(nextDigestTime(at('2026-12-02T14:00:00Z'), 8, Z).toISOString()).toBe('2026-12-02T14:00:00.000Z');
    expect(nextDigestTime(at('2026-12-02T14:00:01Z'), 8, Z).toISOString()).toBe('2026-12-03T14:00:00.000Z');
    expect(nextDigestTime(at('2026-03-07T15:00:00Z'), 8, Z).toISOString()).toBe('2026-03-08T13:00:00.000Z');
    expect(nextDigestTime(at('2026-10-31T15:00:00Z'), 8, Z).toISOString()).toBe('2026-11-01T14:00:00.000Z');
  });
  it('belongs to the local day, which may differ from the UTC day', () => {
    expect(digestDay(at('2026-12-02T19:00:00Z'), 'Pacific/Auckland')).toBe('2026-12-03');
    expect(digestDay(at('2026-12-02T03:00:00Z'), 'America/Chicago')).toBe('2026-12-01');
    expect(digestCron(8)).toBe('0 8 * * *');
  });
});
