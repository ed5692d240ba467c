import { AppointmentReminderKind } from '../appointments/appointment-reminders';
import { RecordReminderKind } from '../records/record-reminders';
import { appointmentReminderSpec, NotificationKind, notificationKindName, recordReminderSpec, REMINDER_KINDS, reminderSpecOf } from './notification-kind';

describe('the reminder registry', () => {
  it('stores each kind as its area and its subject kind, each value once', () => {
    const ids = Object.values(REMINDER_KINDS).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of Object.values(REMINDER_KINDS)) expect(e.id.endsWith(`.${e.kind}`)).toBe(true);
  });

  it('names and stored values map both ways', () => {
    expect(NotificationKind.RECORD_LEGAL_DUE).toBe('record_request.LEGAL_DUE');
    expect(notificationKindName('insurance.PRE_AUTH_EXPIRES')).toBe('INSURANCE_PRE_AUTH_EXPIRES');
    expect(notificationKindName('comment.MENTION')).toBeNull();
    expect(reminderSpecOf('toString')).toBeNull();
  });

  it('finds the entry of every subject kind, and none for an unknown one', () => {
    for (const k of Object.values(RecordReminderKind)) expect(recordReminderSpec(k)?.subject).toBe('record_request');
    for (const k of Object.values(AppointmentReminderKind)) expect(appointmentReminderSpec(k)?.subject).toBe('appointment');
    expect(recordReminderSpec('SOON')).toBeNull();
    expect(appointmentReminderSpec('SOMETHING_NEW')).toBeNull();
  });

  it('escalates only past the legal date, and only dateless sentences have no date', () => {
    expect(
      Object.entries(REMINDER_KINDS)
        .filter(([, e]) => e.audience === 'STAFF_AND_COORDINATORS')
        .map(([n]) => n),
    ).toEqual(['RECORD_LEGAL_OVERDUE']);
    expect(
      Object.entries(REMINDER_KINDS)
        .filter(([, e]) => e.dueOn === 'NONE')
        .map(([n]) => n),
    ).toEqual(['RECORD_SENT_DAY', 'RECORD_LEGAL_OVERDUE']);
  });
});
