import { RecordReminderKind } from '../records/record-reminders';

/**
 * What a notification is about. Each kind belongs to one category, which is what a person
 * chooses e-mail for, and has one e-mail template (see the server's notification e-mail
 * catalogue) and one in-app sentence (the web catalogue). To add appointment or after-visit
 * reminders: add their kinds here, a category below, a template and a sentence.
 */
export enum NotificationKind {
  RECORD_SENT_DAY = 'record_request.SENT_DAY',
  RECORD_TARGET_SOON = 'record_request.TARGET_SOON',
  RECORD_TARGET_DUE = 'record_request.TARGET_DUE',
  RECORD_LEGAL_SOON = 'record_request.LEGAL_SOON',
  RECORD_LEGAL_DUE = 'record_request.LEGAL_DUE',
  RECORD_LEGAL_OVERDUE = 'record_request.LEGAL_OVERDUE',
}

/** What a person sets e-mail for: a few plain groups rather than every kind. */
export enum NotificationCategory {
  /** Nudges while records are awaited (days after sending, plan target, legal date nearing). */
  RECORD_REMINDERS = 'RECORD_REMINDERS',
  /** The legal date has passed: someone must follow up in writing. */
  RECORD_ESCALATIONS = 'RECORD_ESCALATIONS',
}

export const NOTIFICATION_CATEGORIES: readonly NotificationCategory[] = Object.values(NotificationCategory);

const CATEGORY: Record<NotificationKind, NotificationCategory> = {
  [NotificationKind.RECORD_SENT_DAY]: NotificationCategory.RECORD_REMINDERS,
  [NotificationKind.RECORD_TARGET_SOON]: NotificationCategory.RECORD_REMINDERS,
  [NotificationKind.RECORD_TARGET_DUE]: NotificationCategory.RECORD_REMINDERS,
  [NotificationKind.RECORD_LEGAL_SOON]: NotificationCategory.RECORD_REMINDERS,
  [NotificationKind.RECORD_LEGAL_DUE]: NotificationCategory.RECORD_REMINDERS,
  [NotificationKind.RECORD_LEGAL_OVERDUE]: NotificationCategory.RECORD_ESCALATIONS,
};

export const isNotificationKind = (kind: string): kind is NotificationKind => Object.prototype.hasOwnProperty.call(CATEGORY, kind);

/** The category of a stored kind; a kind this code does not know (yet) is null and is never e-mailed. */
export function categoryOf(kind: string): NotificationCategory | null {
  return isNotificationKind(kind) ? CATEGORY[kind] : null;
}

/** The notification kind a record-request reminder produces. */
export const recordReminderNotificationKind = (kind: RecordReminderKind): NotificationKind => `record_request.${kind}` as NotificationKind;
