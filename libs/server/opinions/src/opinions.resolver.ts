import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CaseEventKind, CloseProblem, STAFF_ROLES } from '@second-look/domain';
import { CaseModel, PatientCase } from '@second-look/server-cases';
import { CaseEventModel } from '@second-look/server-collaboration';
import { CurrentActor, GqlContext, GqlCtx, IdPipe, RequireRoles } from '@second-look/server-platform';
import { DecisionService } from './decision/decision.service';
import { OpinionService } from './opinion/opinion.service';
import {
  AddOpinionInput,
  CaseDecisionModel,
  CloseCaseWithOutcomeInput,
  CompareOpinionsInput,
  OpinionAdviceModel,
  OpinionComparisonModel,
  OpinionModel,
  RecordDecisionInput,
  UpdateOpinionInput,
} from './opinions.model';

/** Opinions compared, the decision and closing the loop, as fields of a case read through its scope. */
@Resolver(() => CaseModel)
export class CaseOpinionsResolver {
  constructor(
    private readonly opinionService: OpinionService,
    private readonly decisions: DecisionService,
  ) {}

  @ResolveField(() => [OpinionModel], { description: 'Every opinion given on the case, first to last.' })
  opinions(@Parent() kase: CaseModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<OpinionModel[]> {
    return this.opinionService.loader(ctx, actor).load(kase.id);
  }

  @ResolveField(() => OpinionComparisonModel, { nullable: true, description: 'The latest judgment of how the opinions relate.' })
  opinionComparison(@Parent() kase: CaseModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<OpinionComparisonModel | null> {
    return this.opinionService.comparisonLoader(ctx, actor).load(kase.id);
  }

  @ResolveField(() => OpinionAdviceModel, { description: 'Next steps for the opinions as they stand.' })
  opinionAdvice(@Parent() kase: CaseModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<OpinionAdviceModel> {
    return this.opinionService.advice(ctx, actor, kase as unknown as PatientCase);
  }

  @ResolveField(() => CaseDecisionModel, { nullable: true })
  decision(@Parent() kase: CaseModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<CaseDecisionModel | null> {
    return this.decisions.loader(ctx, actor).load(kase.id);
  }

  @ResolveField(() => [CloseProblem], { description: 'What still stands between the case and closing with an outcome.' })
  closingProblems(@Parent() kase: CaseModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<CloseProblem[]> {
    return this.decisions.problems(ctx, actor, kase as unknown as PatientCase);
  }

  @Mutation(() => CaseModel, { description: 'Adds the next opinion (first, second, third…); earlier ones are kept.' })
  addOpinion(@CurrentActor() actor: Actor, @Args('input') input: AddOpinionInput): Promise<CaseModel> {
    return this.opinionService.add(actor, input);
  }

  @Mutation(() => OpinionModel, { description: 'Refused with STALE_VERSION when someone saved in between.' })
  updateOpinion(@CurrentActor() actor: Actor, @Args('input') input: UpdateOpinionInput): Promise<OpinionModel> {
    return this.opinionService.update(actor, input);
  }

  @Mutation(() => CaseModel, { description: 'Marks the opinions on the table as agreeing, differing or strongly conflicting.' })
  compareOpinions(@CurrentActor() actor: Actor, @Args('input') input: CompareOpinionsInput): Promise<CaseModel> {
    return this.opinionService.compare(actor, input);
  }

  @RequireRoles(...STAFF_ROLES)
  @Mutation(() => CaseModel, { description: 'Starts another opinion round on the same case; the case goes back to choosing a provider.' })
  startNextOpinionRound(@CurrentActor() actor: Actor, @Args('caseId', { type: () => ID }, IdPipe) caseId: string): Promise<CaseModel> {
    return this.opinionService.startNextRound(actor, caseId);
  }

  @Mutation(() => CaseModel, { description: 'The patient’s decision, the follow-up with the current doctor, and whether care moves.' })
  recordDecision(@CurrentActor() actor: Actor, @Args('input') input: RecordDecisionInput): Promise<CaseModel> {
    return this.decisions.record(actor, input);
  }

  @RequireRoles(...STAFF_ROLES)
  @Mutation(() => CaseModel, { description: 'Closes the case with its outcome once the loop is closed.' })
  closeCaseWithOutcome(@CurrentActor() actor: Actor, @Args('input') input: CloseCaseWithOutcomeInput): Promise<CaseModel> {
    return this.decisions.close(actor, input);
  }
}

/** The changed opinion of a live event, read for each receiver with their own rights (no staff notes for patients). */
@Resolver(() => CaseEventModel)
export class CaseEventOpinionsResolver {
  constructor(private readonly opinionService: OpinionService) {}

  @ResolveField(() => OpinionModel, { nullable: true })
  async opinion(@Parent() e: CaseEventModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<OpinionModel | null> {
    if (e.kind !== CaseEventKind.OPINION_CHANGED || !e.entityId || e.removed) return null;
    return (await this.opinionService.loader(ctx, actor).load(e.caseId)).find((o) => o.id === e.entityId) ?? null;
  }
}
