import { Args, Query, Resolver } from '@nestjs/graphql';
import { Actor, Role } from '@second-look/domain';
import { CurrentActor, NullableInputArg, pageArg, pageSize, RequireRoles } from '@second-look/server-platform';
import { AuditEventConnection, AuditEventModel, AuditFilter } from './audit-event.model';
import { AuditService } from './audit.service';

@Resolver(() => AuditEventModel)
@RequireRoles(Role.ADMIN)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEventConnection, { description: 'Who read or changed which case, when and from where. Admins only.' })
  async auditEvents(
    @CurrentActor() actor: Actor,
    @NullableInputArg('filter', AuditFilter) filter: AuditFilter | null,
    @Args('first', pageArg('Query.auditEvents')) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AuditEventConnection> {
    const page = await this.audit.list(actor, filter ?? {}, pageSize('Query.auditEvents', first), after);
    return { nodes: page.nodes, pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
  }
}
