import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, DomainError, DomainErrorCode, isStaffRole, type Language, notFound, Role, STAFF_ROLES } from '@second-look/domain';
import { GqlContext, perRequest } from '@second-look/server-platform';
import { AuditService } from '@second-look/server-audit';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { Organization } from '../organization/organization.entity';
import { SessionRevocations } from '../session/session-revocations';
import { UserAccount } from './user-account.entity';

@Injectable()
export class UserService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly revocations: SessionRevocations,
  ) {}

  private get users() {
    return this.dataSource.getRepository(UserAccount);
  }

  /** Batches every user look-up of one request into one query, within the caller's organization. */
  loader(ctx: GqlContext, organizationId: string): DataLoader<string, UserAccount | null> {
    return perRequest(
      ctx,
      `users:${organizationId}`,
      () =>
        new DataLoader<string, UserAccount | null>(async (ids) => {
          const rows = await this.users.findBy({ id: In([...ids]), organizationId });
          const byId = new Map(rows.map((u) => [u.id, u]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
  }

  async viewer(actor: Actor): Promise<UserAccount & { organization: Organization }> {
    const user = await this.users.findOne({ where: { id: actor.userId }, relations: { organization: true } });
    if (!user?.organization) throw notFound('User');
    return user as UserAccount & { organization: Organization };
  }

  /** Their organization requires staff to have a second sign-in step, they are staff, and they have none. */
  async mustAddSecondStep(userId: string): Promise<boolean> {
    const [row] = await this.dataSource.query<{ must: boolean }[]>(
      `SELECT (o.require_staff_mfa AND u.role IN ('ADMIN', 'COORDINATOR', 'ADVOCATE')
         AND NOT EXISTS (SELECT 1 FROM sign_in_factor f WHERE f.user_id = u.id AND f.confirmed_at IS NOT NULL)) AS must
       FROM app_user u JOIN organization o ON o.id = u.organization_id WHERE u.id = $1`,
      [userId],
    );
    return row?.must ?? false;
  }

  /** The language you read Second Look (and your e-mails) in, on every device; audited. */
  async setLanguage(actor: Actor, language: Language): Promise<UserAccount & { organization: Organization }> {
    await this.dataSource.transaction(async (m) => {
      await m.update(UserAccount, { id: actor.userId, organizationId: actor.organizationId }, { language });
      await this.audit.record(actor, { action: 'user.set_language', entityType: 'user', entityId: actor.userId, detail: { language } }, m);
    });
    return this.viewer(actor);
  }

  members(actor: Actor): Promise<UserAccount[]> {
    return this.users.find({
      where: { organizationId: actor.organizationId, role: In([...STAFF_ROLES]) },
      order: { displayName: 'ASC' },
    });
  }

  async changeRole(actor: Actor, userId: string, role: Role): Promise<UserAccount> {
    if (!isStaffRole(role)) {
      throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'Only staff roles can be assigned here.', { field: 'role' });
    }
    const changed = await this.dataSource.transaction(async (m) => {
      const user = await m.findOne(UserAccount, { where: { id: userId, organizationId: actor.organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!user || !isStaffRole(user.role)) throw notFound('Member');
      if (user.role === Role.ADMIN && role !== Role.ADMIN) {
        const admins = await m.countBy(UserAccount, { organizationId: actor.organizationId, role: Role.ADMIN });
        if (admins <= 1) throw new DomainError(DomainErrorCode.LAST_ADMIN, 'An organization needs at least one admin.');
      }
      user.role = role;
      await m.update(UserAccount, { id: user.id }, { role });
      await this.audit.record(actor, { action: 'member.change_role', entityType: 'user', entityId: user.id, detail: { role } }, m);
      return user;
    });
    // Their open sockets still carry the old role: they close and reconnect with the new one.
    await this.revocations.publish({ reason: 'RIGHTS_CHANGED', userId: changed.id });
    return changed;
  }
}
