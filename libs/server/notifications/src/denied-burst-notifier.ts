import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role } from '@second-look/domain';
import { DeniedAccessRecorder, type DeniedBurstHook, UserAccount } from '@second-look/server-identity';
import { TenantContext } from '@second-look/server-platform';
import { DataSource, IsNull } from 'typeorm';
import { Notification } from './notification.entity';

export const DENIED_BURST_KIND = 'security.DENIED_BURST';

/**
 * A burst of refused attempts by one person (DENIED_LIMITS in identity) tells every admin of
 * that person's organization in the app, once per burst. It names no record and no patient:
 * the admin opens the audit log's "Denied attempts" to see who and what.
 */
@Injectable()
export class DeniedBurstNotifier implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly denied: DeniedAccessRecorder,
  ) {}

  onModuleInit(): void {
    // In the organization's own scope: the prober may be a patient, whose session may write
    // notifications only of her cases or to herself (the case_member policy, docs/operations.md).
    this.denied.burstHooks.push((caller, burst) => TenantContext.forOrganization(caller.organizationId, () => this.notifyAdmins(caller, burst)));
  }

  private readonly notifyAdmins: DeniedBurstHook = async (caller, burst) => {
    const admins = await this.dataSource.getRepository(UserAccount).find({
      where: { organizationId: caller.organizationId, role: Role.ADMIN, deactivatedAt: IsNull() },
      select: { id: true },
    });
    if (!admins.length) return;
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(
        admins.map((a) => ({
          key: `${DENIED_BURST_KIND}:${caller.userId}:${burst.windowStartedAt.getTime()}:${a.id}`,
          organizationId: caller.organizationId,
          userId: a.id,
          kind: DENIED_BURST_KIND,
          caseId: null,
        })),
      )
      .orIgnore()
      .execute();
  };
}
