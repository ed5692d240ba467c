import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, STAFF_ROLES } from '@second-look/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { Organization } from '@second-look/server-identity';
import { Clock, CurrentActor, NullableInputArg, RequireRoles } from '@second-look/server-platform';
import { DataSource } from 'typeorm';
import { DashboardCasesService } from './dashboard-cases.service';
import { dashboardScope, DashboardScope } from './dashboard-scope';
import { DashboardViewsService } from './dashboard-views.service';
import { AdvocateLoad, DashboardCaseList, DashboardCasesInput, DashboardFilter, DashboardModel, HolderFigure, OutcomesView, PhasesView, StageFigure } from './dashboards.model';

/** The dashboard as the root hands it to its fields: the figures are read only when asked for. */
type DashboardParent = Pick<DashboardModel, 'timeZone' | 'today' | 'period' | 'asOf'> & { scope: DashboardScope };

/**
 * Staff only, like the records board: patients and caregivers are refused (FORBIDDEN) before
 * anything is read. Coordinators and admins see the organization; an advocate's figures are
 * always their own cases' (the scope forces their id).
 */
@RequireRoles(...STAFF_ROLES)
@Resolver(() => DashboardModel)
export class DashboardsResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly views: DashboardViewsService,
    private readonly cases: DashboardCasesService,
  ) {}

  private async scope(actor: Actor, filter: DashboardFilter | null): Promise<DashboardScope> {
    const org = await this.dataSource.manager.findOneByOrFail(Organization, { id: actor.organizationId });
    return dashboardScope(actor, org.timeZone, this.clock.now(), filter ?? {});
  }

  @Query(() => DashboardModel, { description: "The organization's figures (an advocate's own cases' for advocates), in its time zone." })
  async dashboard(@CurrentActor() actor: Actor, @NullableInputArg('filter', DashboardFilter) filter: DashboardFilter | null): Promise<DashboardParent> {
    const scope = await this.scope(actor, filter);
    return { scope, timeZone: scope.timeZone, today: scope.today, period: { fromMonth: scope.fromMonth, toMonth: scope.toMonth }, asOf: new Date() };
  }

  @Query(() => DashboardCaseList, { description: "The cases behind one dashboard figure, in the caller's scope; each listed case is audited." })
  async dashboardCases(@CurrentActor() actor: Actor, @Args('input') input: DashboardCasesInput): Promise<DashboardCaseList> {
    return this.cases.list(actor, await this.scope(actor, input.filter ?? null), input);
  }

  @ResolveField(() => [StageFigure])
  funnel(@Parent() d: DashboardParent): Promise<StageFigure[]> {
    return this.views.funnel(d.scope);
  }

  @ResolveField(() => PhasesView)
  phases(@Parent() d: DashboardParent): Promise<PhasesView> {
    return this.views.phases(d.scope);
  }

  @ResolveField(() => [HolderFigure])
  holders(@Parent() d: DashboardParent): Promise<HolderFigure[]> {
    return this.views.holders(d.scope);
  }

  @ResolveField(() => [AdvocateLoad])
  caseload(@Parent() d: DashboardParent): Promise<AdvocateLoad[]> {
    return this.views.caseload(d.scope);
  }

  @ResolveField(() => OutcomesView)
  outcomes(@Parent() d: DashboardParent): Promise<OutcomesView> {
    return this.views.outcomes(d.scope);
  }
}
