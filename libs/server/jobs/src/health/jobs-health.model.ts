import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('QueueHealth', { description: 'One queue, counted across the whole deployment (queues are shared by every organization).' })
export class QueueHealthModel {
  @Field() name: string;
  @Field(() => Int) waiting: number;
  @Field(() => Int) delayed: number;
  @Field(() => Int) active: number;
  @Field(() => Int) failed: number;
  @Field(() => Int) completed: number;
}

@ObjectType('FailedJob', { description: 'A job that gave up, shown only to admins of the organization its work belongs to.' })
export class FailedJobModel {
  @Field(() => ID) id: string;
  @Field() queue: string;
  /** The job's name (what it does), e.g. send-invitation-email. */
  @Field() name: string;
  @Field(() => String, { nullable: true }) failedReason: string | null;
  @Field(() => Int) attemptsMade: number;
  @Field(() => Date, { nullable: true }) failedAt: Date | null;
}

@ObjectType('DemoClock', { description: 'The movable clock of development (never in production).' })
export class DemoClockModel {
  @Field() enabled: boolean;
  @Field() now: Date;
  @Field(() => Float) offsetHours: number;
}

@ObjectType('JobsHealth')
export class JobsHealthModel {
  @Field(() => [QueueHealthModel]) queues: QueueHealthModel[];
  @Field(() => [FailedJobModel], { description: "Failed jobs of the caller's organization, newest first (at most 50)." })
  failedJobs: FailedJobModel[];
  @Field() checkedAt: Date;
}
