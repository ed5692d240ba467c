import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Role } from '@second-look/domain';
import { CurrentActor, RequireRoles } from '@second-look/server-platform';
import { ReminderSettingsModel, UpdateReminderSettingsInput } from './reminder-settings.model';
import { ReminderSettingsService } from './reminder-settings.service';

/** Org admins only: the organization's reminder days, working hours, time zone and digest hour. */
@Resolver(() => ReminderSettingsModel)
@RequireRoles(Role.ADMIN)
export class ReminderSettingsResolver {
  constructor(private readonly settings: ReminderSettingsService) {}

  @Query(() => ReminderSettingsModel)
  reminderSettings(@CurrentActor() actor: Actor): Promise<ReminderSettingsModel> {
    return this.settings.get(actor);
  }

  @Mutation(() => ReminderSettingsModel, { description: 'Replaces the reminder settings; open requests are rescheduled. Bad input changes nothing.' })
  updateReminderSettings(@CurrentActor() actor: Actor, @Args('input') input: UpdateReminderSettingsInput): Promise<ReminderSettingsModel> {
    return this.settings.update(actor, input);
  }
}
