import { gql } from 'urql';

// The signed-in person's own notifications (flat selections, as in cases.ts). The unread
// count is read from unreadNotificationCount alone, so marking read has one number to update.
const NOTIFICATION = 'id kind caseId recordRequestId dueOn readAt createdAt';

export const NotificationsQuery = gql`
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
export const UnreadNotificationCountQuery = gql`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`;

/** Omit ids to mark every notification read. Returns how many changed. */
export const MarkNotificationsReadMutation = gql`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`;

/** Just enough of a case to name it next to a notification. */
export const NotificationCaseQuery = gql`
  query NotificationCase($id: ID!) {
    case(id: $id) {
      id
      patientName
    }
  }
`;

// ---------------------------------------------------------------- e-mail preferences

const PREFERENCES = 'id email { category mode } quietHours { start end } timeZone digestTime';

export const NotificationPreferencesQuery = gql`
  query NotificationPreferences {
    notificationPreferences {
      ${PREFERENCES}
    }
  }
`;

export const UpdateNotificationPreferencesMutation = gql`
  mutation UpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {
    updateNotificationPreferences(input: $input) {
      ${PREFERENCES}
    }
  }
`;

// ---------------------------------------------------------------- organization reminder settings (admins)

const REMINDER_SETTINGS =
  'id daysAfterSent targetSoonDays legalSoonDays workStart workEnd workingDays timeZone digestHour appointmentSoonDays verifyCoverageWorkingDays recordOpinionDays bookFollowUpDays';

export const ReminderSettingsQuery = gql`
  query ReminderSettings {
    reminderSettings {
      ${REMINDER_SETTINGS}
    }
  }
`;

export const UpdateReminderSettingsMutation = gql`
  mutation UpdateReminderSettings($input: UpdateReminderSettingsInput!) {
    updateReminderSettings(input: $input) {
      ${REMINDER_SETTINGS}
    }
  }
`;
