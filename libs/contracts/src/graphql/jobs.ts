import { gql } from 'urql';
import type { DateTime } from './types';

// Background jobs: the admins' queue-health screen and the demo clock (development only).

export interface QueueHealth {
  name: string;
  waiting: number;
  delayed: number;
  active: number;
  failed: number;
  completed: number;
}

export interface FailedJob {
  id: string;
  queue: string;
  name: string;
  failedReason: string | null;
  attemptsMade: number;
  failedAt: DateTime | null;
}

export interface DemoClock {
  enabled: boolean;
  now: DateTime;
  offsetHours: number;
}

export const JobsHealthQuery = gql<{ jobsHealth: { checkedAt: DateTime; queues: QueueHealth[]; failedJobs: FailedJob[] } }, Record<string, never>>`
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

export const RetryFailedJobMutation = gql<{ retryFailedJob: FailedJob }, { queue: string; jobId: string }>`
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

export const DemoClockQuery = gql<{ demoClock: DemoClock }, Record<string, never>>`
  query DemoClock {
    demoClock {
      enabled
      now
      offsetHours
    }
  }
`;

export const AdvanceDemoClockMutation = gql<{ advanceDemoClock: DemoClock }, { by: string }>`
  mutation AdvanceDemoClock($by: String!) {
    advanceDemoClock(by: $by) {
      enabled
      now
      offsetHours
    }
  }
`;
