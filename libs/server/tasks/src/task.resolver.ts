import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, Role, TaskDueState, taskDueState, CalendarDate } from '@second-look/domain';
import { CaseModel, PatientCase } from '@second-look/server-cases';
import { UserAccount } from '@second-look/server-identity';
import { CurrentActor, GqlContext, GqlCtx, IdPipe, perRequest, RequireRoles } from '@second-look/server-platform';
import { orgTodayOf } from '@second-look/server-appointments';
import { Clock } from '@second-look/server-platform';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { CaseTask } from './case-task.entity';
import { AddCaseTaskInput, CaseTaskModel, SetCaseTaskDoneInput, UpdateCaseTaskInput } from './task.model';
import { TaskService } from './task.service';

/** Display names of the people tasks name, batched per request (within the caller's organization). */
export function nameLoader(ctx: GqlContext, dataSource: DataSource, actor: Actor): DataLoader<string, string | null> {
  return perRequest(
    ctx,
    'task-person-names',
    () =>
      new DataLoader<string, string | null>(async (ids) => {
        const users = await dataSource.getRepository(UserAccount).find({ where: { id: In([...ids]), organizationId: actor.organizationId }, select: { id: true, displayName: true } });
        return ids.map((id) => users.find((u) => u.id === id)?.displayName ?? null);
      }),
  );
}

// Signed-in callers of every role; every field and mutation then scopes through the case.
@RequireRoles(...Object.values(Role))
@Resolver(() => CaseModel)
export class CaseTasksResolver {
  constructor(private readonly service: TaskService) {}

  @ResolveField(() => [CaseTaskModel], { description: 'Open tasks first by due date, then done ones. Internal tasks for staff only.' })
  tasks(@Parent() kase: CaseModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<CaseTask[]> {
    return this.service.loader(ctx, actor).load((kase as unknown as PatientCase).id);
  }

  @Mutation(() => CaseTaskModel, { description: 'Staff add a task to a case.' })
  addCaseTask(@CurrentActor() actor: Actor, @Args('input') input: AddCaseTaskInput): Promise<CaseTask> {
    return this.service.add(actor, input);
  }

  @Mutation(() => CaseTaskModel, { description: 'Refused with STALE_VERSION when someone saved in between.' })
  updateCaseTask(@CurrentActor() actor: Actor, @Args('input') input: UpdateCaseTaskInput): Promise<CaseTask> {
    return this.service.update(actor, input);
  }

  @Mutation(() => CaseTaskModel, { description: 'Mark a task done, or undo it. The patient or a caregiver checks off the tasks given to them.' })
  setCaseTaskDone(@CurrentActor() actor: Actor, @Args('input') input: SetCaseTaskDoneInput): Promise<CaseTask> {
    return this.service.setDone(actor, input);
  }

  @Mutation(() => ID, { description: 'Staff remove a task; answers the case id.' })
  removeCaseTask(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, IdPipe) id: string): Promise<string> {
    return this.service.remove(actor, id);
  }
}

@RequireRoles(...Object.values(Role))
@Resolver(() => CaseTaskModel)
export class CaseTaskResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @ResolveField(() => String, { nullable: true, description: 'The name of the person it is given to.' })
  assigneeName(@Parent() t: CaseTask, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<string | null> | null {
    return t.assigneeId ? nameLoader(ctx, this.dataSource, actor).load(t.assigneeId) : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'The name of the person who marked it done.' })
  doneByName(@Parent() t: CaseTask, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<string | null> | null {
    return t.doneById ? nameLoader(ctx, this.dataSource, actor).load(t.doneById) : null;
  }

  @ResolveField(() => TaskDueState, { description: "Overdue, due today, soon or later, in the organization's calendar." })
  async dueState(@Parent() t: CaseTask, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<TaskDueState> {
    const today = await perRequest(ctx, 'org-today-tasks', () => orgTodayOf(this.dataSource.manager, this.clock, actor.organizationId));
    return taskDueState({ dueOn: t.dueOn as CalendarDate | null, doneAt: t.doneAt }, today);
  }
}
