import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, isStaffRole } from '@second-look/domain';
import { CurrentActor } from '@second-look/server-platform';
import { CalendarFeed } from './calendar-feed.entity';
import { CalendarFeedModel, NewCalendarFeedUrlModel } from './calendar-feed.model';
import { CalendarService } from './calendar.service';

const toModel = (actor: Actor, feed: CalendarFeed | null): CalendarFeedModel => ({
  id: actor.userId,
  enabled: !!feed,
  createdAt: feed?.createdAt ?? null,
  lastFetchedAt: feed?.lastFetchedAt ?? null,
  carries: isStaffRole(actor.role) ? ['APPOINTMENTS', 'RECORD_DUE_DATES', 'INSURANCE_DEADLINES', 'PHASE_TARGETS'] : ['APPOINTMENTS'],
});

/** Any signed-in person, for their own feed only (the global guard refuses signed-out callers). */
@Resolver(() => CalendarFeedModel)
export class CalendarFeedResolver {
  constructor(private readonly calendar: CalendarService) {}

  @Query(() => CalendarFeedModel, { description: 'Whether your calendar feed is on (never its URL).' })
  async calendarFeed(@CurrentActor() actor: Actor): Promise<CalendarFeedModel> {
    return toModel(actor, await this.calendar.feedStatus(actor));
  }

  @Mutation(() => NewCalendarFeedUrlModel, { description: 'Turns the feed on with a new secret URL, or replaces it: the old URL stops working.' })
  async resetCalendarFeed(@CurrentActor() actor: Actor): Promise<NewCalendarFeedUrlModel> {
    const { feed, url } = await this.calendar.resetFeed(actor);
    return { url, webcalUrl: url.replace(/^https?:\/\//, 'webcal://'), feed: toModel(actor, feed) };
  }

  @Mutation(() => CalendarFeedModel, { description: 'Turns the feed off: its URL stops working.' })
  async turnOffCalendarFeed(@CurrentActor() actor: Actor): Promise<CalendarFeedModel> {
    await this.calendar.turnOffFeed(actor);
    return toModel(actor, null);
  }
}
