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
    // Reading the audit log is itself audited (which filter, how many rows), so nobody looks unseen.
    await this.audit.record(actor, {
      action: 'audit.read',
      entityType: 'audit_log',
      detail: {
        rows: page.nodes.length,
        page: after ? 'next' : 'first',
        caseId: filter?.caseId ?? null,
        actorId: filter?.actorId ?? null,
        securityOnly: !!filter?.securityOnly,
        deniedOnly: !!filter?.deniedOnly,
      },
    });
    return { nodes: page.nodes, pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
  }
}
