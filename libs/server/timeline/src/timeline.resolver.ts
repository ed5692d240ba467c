import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, STAFF_ROLES } from '@second-look/domain';
import { CaseModel, PatientCase } from '@second-look/server-cases';
import { CurrentActor, GqlContext, GqlCtx, RequireRoles } from '@second-look/server-platform';
import { AdjustCaseTimelineInput, CaseTimelineModel } from './timeline.model';
import { TimelineService } from './timeline.service';

@Resolver(() => CaseModel)
export class TimelineResolver {
  constructor(private readonly timelines: TimelineService) {}

  @ResolveField(() => CaseTimelineModel, { description: 'The plan of phases (3–8 weeks) against what actually happened.' })
  timeline(@Parent() kase: CaseModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<CaseTimelineModel> {
    return this.timelines.loader(ctx, actor).load(kase as unknown as PatientCase);
  }

  @RequireRoles(...STAFF_ROLES)
  @Mutation(() => CaseModel, { description: "Move a phase's target date; the reason is kept." })
  adjustCaseTimeline(@CurrentActor() actor: Actor, @Args('input') input: AdjustCaseTimelineInput): Promise<CaseModel> {
    return this.timelines.adjust(actor, input);
  }
}
