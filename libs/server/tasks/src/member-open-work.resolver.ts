import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, isStaffRole, notFound, Role } from '@second-look/domain';
import { PatientCase } from '@second-look/server-cases';
import { UserAccount } from '@second-look/server-identity';
import { CurrentActor, IdPipe, RequireRoles } from '@second-look/server-platform';
import { DataSource, IsNull } from 'typeorm';
import { CaseTask } from './case-task.entity';

@ObjectType('MemberOpenWork', { description: 'What a staff member still holds: what an admin hands over before or after deactivating them.' })
export class MemberOpenWorkModel {
  @Field(() => Int, { description: 'Cases not closed that they lead.' }) leadCases: number;
  @Field(() => Int, { description: 'Tasks not done that are given to them.' }) openTasks: number;
}

/**
 * A deactivated member keeps their cases and tasks (nothing is reassigned behind the admin's
 * back, and the history still says who did what): the admin sees this before confirming and
 * hands the work over on the cases themselves.
 */
@Resolver(() => MemberOpenWorkModel)
export class MemberOpenWorkResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @RequireRoles(Role.ADMIN)
  @Query(() => MemberOpenWorkModel, { description: 'The open cases a staff member leads and the open tasks given to them. Admins only.' })
  async memberOpenWork(@CurrentActor() actor: Actor, @Args('userId', { type: () => ID }, IdPipe) userId: string): Promise<MemberOpenWorkModel> {
    const organizationId = actor.organizationId;
    const member = await this.dataSource.getRepository(UserAccount).findOneBy({ id: userId, organizationId });
    if (!member || !isStaffRole(member.role)) throw notFound('Member');
    const [leadCases, openTasks] = await Promise.all([
      this.dataSource.getRepository(PatientCase).countBy({ organizationId, leadAdvocateId: userId, closedAt: IsNull() }),
      this.dataSource.getRepository(CaseTask).countBy({ organizationId, assigneeId: userId, doneAt: IsNull() }),
    ]);
    return { leadCases, openTasks };
  }
}
