import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '@second-look/domain';
import { CurrentActor, GqlContext, GqlCtx, pageArg, pageSize, perRequest } from '@second-look/server-platform';
import { NotificationConnection, NotificationModel } from './notification.model';
import { NotificationService } from './notification.service';

const UNREAD_COUNT = 'unreadNotificationCount';

@Resolver(() => NotificationModel)
export class NotificationResolver {
  constructor(private readonly notificationService: NotificationService) {}

  @Query(() => NotificationConnection, { description: 'Your notifications, newest first.' })
  notifications(
    @CurrentActor() actor: Actor,
    @Args('first', pageArg('Query.notifications')) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('unreadOnly', { type: () => Boolean, defaultValue: false }) unreadOnly: boolean,
  ): Promise<NotificationConnection> {
    return this.notificationService.list(actor, pageSize('Query.notifications', first), after, unreadOnly);
  }

  @Query(() => Int)
  unreadNotificationCount(@CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<number> {
    // Counted once per request however often it is asked for (aliases, a batch's operations).
    return perRequest(ctx, UNREAD_COUNT, () => this.notificationService.unreadCount(actor));
  }

  @Mutation(() => Int, { description: 'Mark some of your notifications read (all of them when ids is omitted). Returns how many changed.' })
  async markNotificationsRead(@CurrentActor() actor: Actor, @Args('ids', { type: () => [ID], nullable: true }) ids: string[] | null, @GqlCtx() ctx: GqlContext): Promise<number> {
    const changed = await this.notificationService.markRead(actor, ids);
    ctx.memo?.delete(UNREAD_COUNT);
    return changed;
  }
}
