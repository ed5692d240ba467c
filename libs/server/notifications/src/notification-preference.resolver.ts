import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '@second-look/domain';
import { CurrentActor } from '@second-look/server-platform';
import { NotificationPreferencesModel, UpdateNotificationPreferencesInput } from './notification-preference.model';
import { NotificationPreferenceService } from './notification-preference.service';

/** Any signed-in person, for themselves only (the global guard refuses signed-out callers). */
@Resolver(() => NotificationPreferencesModel)
export class NotificationPreferenceResolver {
  constructor(private readonly prefs: NotificationPreferenceService) {}

  @Query(() => NotificationPreferencesModel, { description: 'How you get e-mail about your notifications.' })
  notificationPreferences(@CurrentActor() actor: Actor): Promise<NotificationPreferencesModel> {
    return this.prefs.get(actor);
  }

  @Mutation(() => NotificationPreferencesModel, { description: 'Categories not listed keep their current choice. Bad input changes nothing.' })
  updateNotificationPreferences(@CurrentActor() actor: Actor, @Args('input') input: UpdateNotificationPreferencesInput): Promise<NotificationPreferencesModel> {
    return this.prefs.update(actor, input);
  }
}
