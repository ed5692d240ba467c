import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, Role } from '@second-look/domain';
import { CaseModel, PatientCase } from '@second-look/server-cases';
import { CurrentActor, GqlContext, GqlCtx, RequireRoles } from '@second-look/server-platform';
import { InsuranceCheckModel, LogInsuranceCallInput, SaveInsurancePlanInput } from './insurance.model';
import { InsuranceService } from './insurance.service';

// Signed-in callers of every role; every field and mutation then scopes through the case.
@RequireRoles(...Object.values(Role))
@Resolver(() => CaseModel)
export class InsuranceResolver {
  constructor(private readonly insurance: InsuranceService) {}

  @ResolveField(() => InsuranceCheckModel)
  insuranceCheck(@Parent() kase: CaseModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<InsuranceCheckModel> {
    return this.insurance.loader(ctx, actor).load(kase as unknown as PatientCase);
  }

  @Mutation(() => CaseModel, { description: "Save the patient's health plan for this case." })
  saveInsurancePlan(@CurrentActor() actor: Actor, @Args('input') input: SaveInsurancePlanInput): Promise<CaseModel> {
    return this.insurance.savePlan(actor, input);
  }

  @Mutation(() => CaseModel, { description: 'Log a call to the health plan with its answers and outcome.' })
  logInsuranceCall(@CurrentActor() actor: Actor, @Args('input') input: LogInsuranceCallInput): Promise<CaseModel> {
    return this.insurance.logCall(actor, input);
  }
}
