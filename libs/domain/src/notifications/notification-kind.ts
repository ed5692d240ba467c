import { AppointmentReminderKind } from '../appointments/appointment-reminders';
import { RecordReminderKind } from '../records/record-reminders';

/**
 * What a notification is about. Each kind belongs to one category, which is what a person
 * chooses e-mail for, and has one e-mail template (see the server's notification e-mail
 * catalogue) and one in-app sentence (the web catalogue). To add a kind: add it here, give it a
 * category below, an e-mail text and a web sentence.
 */
export enum NotificationKind {
  RECORD_SENT_DAY = 'record_request.SENT_DAY',
  RECORD_TARGET_SOON = 'record_request.TARGET_SOON',
  RECORD_TARGET_DUE = 'record_request.TARGET_DUE',
  RECORD_LEGAL_SOON = 'record_request.LEGAL_SOON',
  RECORD_LEGAL_DUE = 'record_request.LEGAL_DUE',
  RECORD_LEGAL_OVERDUE = 'record_request.LEGAL_OVERDUE',
  APPOINTMENT_SOON = 'appointment.SOON',
  APPOINTMENT_DAY_BEFORE = 'appointment.DAY_BEFORE',
  APPOINTMENT_RECORD_OPINION = 'appointment.RECORD_OPINION',
  APPOINTMENT_BOOK_FOLLOW_UP = 'appointment.BOOK_FOLLOW_UP',
  INSURANCE_VERIFY_COVERAGE = 'insurance.VERIFY_COVERAGE',
  INSURANCE_PRE_AUTH_EXPIRES = 'insurance.PRE_AUTH_EXPIRES',
  INSURANCE_REVERIFY_COVERAGE = 'insurance.REVERIFY_COVERAGE',
}

/** What a person sets e-mail for: a few plain groups rather than every kind. */
export enum NotificationCategory {
  /** Nudges while records are awaited (days after sending, plan target, legal date nearing). */
  RECORD_REMINDERS = 'RECORD_REMINDERS',
  /** The legal date has passed: someone must follow up in writing. */
  RECORD_ESCALATIONS = 'RECORD_ESCALATIONS',
  /** Before a visit: it is coming up, and what to bring. */
  APPOINTMENT_REMINDERS = 'APPOINTMENT_REMINDERS',
  /** After a visit: write the opinion down, book the follow-up with the current doctor. */
  AFTER_VISIT = 'AFTER_VISIT',
  /** Staff: coverage to verify before a visit, a pre-authorisation that ends too soon, a visit that moved. */
  INSURANCE_CHECKS = 'INSURANCE_CHECKS',
}

export const NOTIFICATION_CATEGORIES: readonly NotificationCategory[] = Object.values(NotificationCategory);

const CATEGORY: Record<NotificationKind, NotificationCategory> = {
  [NotificationKind.RECORD_SENT_DAY]: NotificationCategory.RECORD_REMINDERS,
  [NotificationKind.RECORD_TARGET_SOON]: NotificationCategory.RECORD_REMINDERS,
  [NotificationKind.RECORD_TARGET_DUE]: NotificationCategory.RECORD_REMINDERS,
  [NotificationKind.RECORD_LEGAL_SOON]: NotificationCategory.RECORD_REMINDERS,
  [NotificationKind.RECORD_LEGAL_DUE]: NotificationCategory.RECORD_REMINDERS,
  [NotificationKind.RECORD_LEGAL_OVERDUE]: NotificationCategory.RECORD_ESCALATIONS,
  [NotificationKind.APPOINTMENT_SOON]: NotificationCategory.APPOINTMENT_REMINDERS,
  [NotificationKind.APPOINTMENT_DAY_BEFORE]: NotificationCategory.APPOINTMENT_REMINDERS,
  [NotificationKind.APPOINTMENT_RECORD_OPINION]: NotificationCategory.AFTER_VISIT,
  [NotificationKind.APPOINTMENT_BOOK_FOLLOW_UP]: NotificationCategory.AFTER_VISIT,
  [NotificationKind.INSURANCE_VERIFY_COVERAGE]: NotificationCategory.INSURANCE_CHECKS,
  [NotificationKind.INSURANCE_PRE_AUTH_EXPIRES]: NotificationCategory.INSURANCE_CHECKS,
  [NotificationKind.INSURANCE_REVERIFY_COVERAGE]: NotificationCategory.INSURANCE_CHECKS,
};

export const isNotificationKind = (kind: string): kind is NotificationKind => Object.prototype.hasOwnProperty.call(CATEGORY, kind);

/** The category of a stored kind; a kind this code does not know (yet) is null and is never e-mailed. */
export function categoryOf(kind: string): NotificationCategory | null {
  return isNotificationKind(kind) ? CATEGORY[kind] : null;
}

/** The notification kind a record-request reminder produces. */
export const recordReminderNotificationKind = (kind: RecordReminderKind): NotificationKind => `record_request.${kind}` as NotificationKind;

const APPOINTMENT_NOTIFICATION_KIND: Record<AppointmentReminderKind, NotificationKind> = {
  [AppointmentReminderKind.SOON]: NotificationKind.APPOINTMENT_SOON,
  [AppointmentReminderKind.DAY_BEFORE]: NotificationKind.APPOINTMENT_DAY_BEFORE,
  [AppointmentReminderKind.RECORD_OPINION]: NotificationKind.APPOINTMENT_RECORD_OPINION,
  [AppointmentReminderKind.BOOK_FOLLOW_UP]: NotificationKind.APPOINTMENT_BOOK_FOLLOW_UP,
  [AppointmentReminderKind.VERIFY_COVERAGE]: NotificationKind.INSURANCE_VERIFY_COVERAGE,
  [AppointmentReminderKind.PRE_AUTH_EXPIRES]: NotificationKind.INSURANCE_PRE_AUTH_EXPIRES,
  [AppointmentReminderKind.REVERIFY_COVERAGE]: NotificationKind.INSURANCE_REVERIFY_COVERAGE,
};

/** The notification kind an appointment reminder (or coverage flag) produces. */
export const appointmentReminderNotificationKind = (kind: AppointmentReminderKind): NotificationKind => APPOINTMENT_NOTIFICATION_KIND[kind];
