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
