import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { formatTimeOfDay, MinuteOfDay, parseTimeOfDay } from '../dates/working-hours';
import { categoryOf, NOTIFICATION_CATEGORIES, NotificationCategory } from './notification-kind';

/** How a person wants e-mail for a category. In-app notifications are always on. */
export enum EmailMode {
  IMMEDIATE = 'IMMEDIATE',
  DIGEST = 'DIGEST',
  OFF = 'OFF',
}

/** A daily window without e-mail, in wall-clock time; may span midnight (20:00–08:00). */
export interface QuietHours {
  start: MinuteOfDay;
  end: MinuteOfDay;
}

export interface NotificationPreferences {
  email: Readonly<Record<NotificationCategory, EmailMode>>;
  quietHours: QuietHours | null;
}

/**
 * Until someone chooses: every notification also comes by e-mail right away (each is a task
 * with a date, and a new person should not miss one because of a setting they never saw).
 * Those who find it too much choose the daily summary or turn a kind off.
 */
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  email: {
    [NotificationCategory.RECORD_REMINDERS]: EmailMode.IMMEDIATE,
    [NotificationCategory.RECORD_ESCALATIONS]: EmailMode.IMMEDIATE,
    [NotificationCategory.APPOINTMENT_REMINDERS]: EmailMode.IMMEDIATE,
    [NotificationCategory.AFTER_VISIT]: EmailMode.IMMEDIATE,
    [NotificationCategory.INSURANCE_CHECKS]: EmailMode.IMMEDIATE,
    [NotificationCategory.TASKS]: EmailMode.IMMEDIATE,
  },
  quietHours: null,
};

/** Stored choices over the defaults; a category added later starts at its default. */
export function notificationPreferences(stored: { email?: Partial<Record<string, string>> | null; quietHours?: QuietHours | null } | null | undefined): NotificationPreferences {
  const email = { ...DEFAULT_NOTIFICATION_PREFERENCES.email };
  for (const c of NOTIFICATION_CATEGORIES) {
    const v = stored?.email?.[c];
    if (v === EmailMode.IMMEDIATE || v === EmailMode.DIGEST || v === EmailMode.OFF) email[c] = v;
  }
  return { email, quietHours: stored?.quietHours ?? null };
}

/** How a notification of `kind` is e-mailed to someone with these preferences (unknown kinds: never). */
export function emailModeFor(kind: string, prefs: NotificationPreferences): EmailMode {
  const c = categoryOf(kind);
  return c ? prefs.email[c] : EmailMode.OFF;
}

export interface NotificationPreferencesInput {
  email: ReadonlyArray<{ category: string; mode: string }>;
  quietHours: { start: string; end: string } | null;
}

const invalid = (field: string, message: string, value?: unknown) => new DomainError(DomainErrorCode.VALIDATION_FAILED, message, { field, ...(value !== undefined ? { value } : {}) });

/** What a person sent from the preferences screen, checked whole: one bad field and nothing is saved. */
export function validateNotificationPreferences(input: NotificationPreferencesInput, current: NotificationPreferences = DEFAULT_NOTIFICATION_PREFERENCES): NotificationPreferences {
  const email = { ...current.email };
  const seen = new Set<string>();
  for (const { category, mode } of input.email) {
    if (!(NOTIFICATION_CATEGORIES as readonly string[]).includes(category)) throw invalid('email.category', `Unknown notification category: ${category}`, category);
    if (seen.has(category)) throw invalid('email.category', `${category} is listed twice`, category);
    seen.add(category);
    if (mode !== EmailMode.IMMEDIATE && mode !== EmailMode.DIGEST && mode !== EmailMode.OFF) throw invalid('email.mode', `Unknown e-mail choice: ${mode}`, mode);
    email[category as NotificationCategory] = mode;
  }
  let quietHours: QuietHours | null = null;
  if (input.quietHours) {
    quietHours = { start: parseTimeOfDay(input.quietHours.start, 'quietHours.start'), end: parseTimeOfDay(input.quietHours.end, 'quietHours.end') };
    if (quietHours.start === quietHours.end) throw invalid('quietHours.end', 'Quiet hours must end at a different time than they start', formatTimeOfDay(quietHours.end));
  }
  return { email, quietHours };
}
