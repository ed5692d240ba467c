import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Actor, STAFF_ROLES } from '@second-look/domain';
import { CurrentActor, RequireRoles } from '@second-look/server-platform';
import { MyDayModel } from './my-day.model';
import { MyDayService } from './my-day.service';

@RequireRoles(...STAFF_ROLES)
@Resolver(() => MyDayModel)
export class MyDayResolver {
  constructor(private readonly days: MyDayService) {}

  @Query(() => MyDayModel, { description: "What is overdue or due today across the caller's cases; coordinators and admins may ask for one advocate's day, or the whole organization's." })
  myDay(@CurrentActor() actor: Actor, @Args('advocateId', { type: () => ID, nullable: true }) advocateId: string | null): Promise<MyDayModel> {
    return this.days.myDay(actor, advocateId);
  }
}
