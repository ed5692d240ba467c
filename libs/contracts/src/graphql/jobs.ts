import { gql } from 'urql';

// Background jobs: the admins' queue-health screen and the demo clock (development only).

export const JobsHealthQuery = gql`
  query JobsHealth {
    jobsHealth {
      checkedAt
      queues {
        name
        waiting
        delayed
        active
        failed
        completed
      }
      failedJobs {
        id
        queue
        name
        failedReason
        attemptsMade
        failedAt
      }
    }
  }
`;

export const RetryFailedJobMutation = gql`
  mutation RetryFailedJob($queue: String!, $jobId: ID!) {
    retryFailedJob(queue: $queue, jobId: $jobId) {
      id
      queue
      name
      failedReason
      attemptsMade
      failedAt
    }
  }
`;

export const DemoClockQuery = gql`
  query DemoClock {
    demoClock {
      enabled
      now
      offsetHours
    }
  }
`;

export const AdvanceDemoClockMutation = gql`
  mutation AdvanceDemoClock($by: String!) {
    advanceDemoClock(by: $by) {
      enabled
      now
      offsetHours
    }
  }
`;
