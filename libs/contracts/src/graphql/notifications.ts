import { gql } from 'urql';
import type { NotificationConnection } from './types';

// The signed-in person's own notifications (flat selections, as in cases.ts). The unread
// count is read from unreadNotificationCount alone, so marking read has one number to update.
const NOTIFICATION = 'id kind caseId recordRequestId dueOn readAt createdAt';

export const NotificationsQuery = gql<
  { notifications: NotificationConnection },
  { first: number; after?: string | null; unreadOnly?: boolean }
>`
  query Notifications($first: Int!, $after: String, $unreadOnly: Boolean! = false) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      nodes {
        ${NOTIFICATION}
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`;

/** The bell polls this: one integer, cheap to ask for every minute. */
export const UnreadNotificationCountQuery = gql<{ unreadNotificationCount: number }, Record<string, never>>`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`;

/** Omit ids to mark every notification read. Returns how many changed. */
export const MarkNotificationsReadMutation = gql<{ markNotificationsRead: number }, { ids?: string[] | null }>`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`;

/** Just enough of a case to name it next to a notification. */
export const NotificationCaseQuery = gql<{ case: { id: string; patientName: string } }, { id: string }>`
  query NotificationCase($id: ID!) {
    case(id: $id) {
      id
      patientName
    }
  }
`;

// ---------------------------------------------------------------- e-mail preferences

export type EmailMode = 'IMMEDIATE' | 'DIGEST' | 'OFF';
export type NotificationCategory = 'RECORD_REMINDERS' | 'RECORD_ESCALATIONS' | 'APPOINTMENT_REMINDERS' | 'AFTER_VISIT' | 'INSURANCE_CHECKS';

export interface NotificationPreferences {
  /** The person's own id (one cached copy). */
  id: string;
  email: { category: NotificationCategory; mode: EmailMode }[];
  /** HH:MM wall-clock times in `timeZone`; end may be before start (spans midnight). */
  quietHours: { start: string; end: string } | null;
  timeZone: string;
  digestTime: string;
}

const PREFERENCES = 'id email { category mode } quietHours { start end } timeZone digestTime';

export const NotificationPreferencesQuery = gql<{ notificationPreferences: NotificationPreferences }, Record<string, never>>`
  query NotificationPreferences {
    notificationPreferences {
      ${PREFERENCES}
    }
  }
`;

export const UpdateNotificationPreferencesMutation = gql<
  { updateNotificationPreferences: NotificationPreferences },
  { input: { email: { category: NotificationCategory; mode: EmailMode }[]; quietHours: { start: string; end: string } | null } }
>`
  mutation UpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {
    updateNotificationPreferences(input: $input) {
      ${PREFERENCES}
    }
  }
`;

// ---------------------------------------------------------------- organisation reminder settings (admins)

export interface ReminderSettings {
  /** The organisation's id (one cached copy). */
  id: string;
  daysAfterSent: number[];
  targetSoonDays: number;
  legalSoonDays: number;
  workStart: string;
  workEnd: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  timeZone: string;
  digestHour: number;
  /** Days before an appointment for "coming up" (0 = none). */
  appointmentSoonDays: number;
  /** Working days before an appointment for staff to verify coverage. */
  verifyCoverageWorkingDays: number;
  /** Days after an appointment for writing the opinion down. */
  recordOpinionDays: number;
  /** Days after an appointment for booking the follow-up. */
  bookFollowUpDays: number;
}

const REMINDER_SETTINGS =
  'id daysAfterSent targetSoonDays legalSoonDays workStart workEnd workingDays timeZone digestHour appointmentSoonDays verifyCoverageWorkingDays recordOpinionDays bookFollowUpDays';

export const ReminderSettingsQuery = gql<{ reminderSettings: ReminderSettings }, Record<string, never>>`
  query ReminderSettings {
    reminderSettings {
      ${REMINDER_SETTINGS}
    }
  }
`;

export const UpdateReminderSettingsMutation = gql<{ updateReminderSettings: ReminderSettings }, { input: Omit<ReminderSettings, 'id'> }>`
  mutation UpdateReminderSettings($input: UpdateReminderSettingsInput!) {
    updateReminderSettings(input: $input) {
      ${REMINDER_SETTINGS}
    }
  }
`;
