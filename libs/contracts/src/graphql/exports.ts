import { gql } from 'urql';

// The signed-in person's own calendar feed. The secret URL only ever comes back from
// resetCalendarFeed, once; the query says whether a feed is on, never its address.
export const CalendarFeedQuery = gql`
  query CalendarFeed {
    calendarFeed {
      id
      enabled
      createdAt
      lastFetchedAt
      carries
    }
  }
`;

export const ResetCalendarFeedMutation = gql`
  mutation ResetCalendarFeed {
    resetCalendarFeed {
      url
      webcalUrl
      feed {
        id
        enabled
        createdAt
        lastFetchedAt
        carries
      }
    }
  }
`;

export const TurnOffCalendarFeedMutation = gql`
  mutation TurnOffCalendarFeed {
    turnOffCalendarFeed {
      id
      enabled
      createdAt
      lastFetchedAt
      carries
    }
  }
`;
