import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('CalendarFeed', { description: 'Your personal calendar feed. The secret URL is shown only when it is made (resetCalendarFeed).' })
export class CalendarFeedModel {
  /** The person's own id, so the client cache keeps one copy. */
  @Field(() => ID) id: string;
  @Field() enabled: boolean;
  @Field(() => Date, { nullable: true, description: 'When the current URL was made.' }) createdAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When a calendar last read the feed.' }) lastFetchedAt: Date | null;
  @Field(() => [String], { description: 'What the feed carries for you: APPOINTMENTS, and for staff RECORD_DUE_DATES, INSURANCE_DEADLINES, PHASE_TARGETS.' })
  carries: string[];
}

@ObjectType('NewCalendarFeedUrl')
export class NewCalendarFeedUrlModel {
  @Field({ description: 'https URL with the secret; shown this once. Any older URL stopped working.' }) url: string;
  @Field({ description: 'The same URL as webcal://, which opens a calendar app to subscribe.' }) webcalUrl: string;
  @Field(() => CalendarFeedModel) feed: CalendarFeedModel;
}
