import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, DomainError, DomainErrorCode, isStaffRole, type Language, notFound, Role, STAFF_ROLES } from '@second-look/domain';
import { GqlContext, perRequest } from '@second-look/server-platform';
import { AuditService } from '@second-look/server-audit';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { Organization } from '../organization/organization.entity';
import { PasswordReset } from '../recovery/password-reset.entity';
import { SessionRevocations } from '../session/session-revocations';
import { SessionService } from '../session/session.service';
import { UserAccount } from './user-account.entity';

@Injectable()
export class UserService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly revocations: SessionRevocations,
    private readonly sessions: SessionService,
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
      await this.lockAdmins(m, actor.organizationId);
      const user = await m.findOne(UserAccount, { where: { id: userId, organizationId: actor.organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!user || !isStaffRole(user.role)) throw notFound('Member');
      if (user.role === Role.ADMIN && role !== Role.ADMIN) await this.assertAnotherActiveAdmin(m, actor.organizationId, user.id);
      user.role = role;
      await m.update(UserAccount, { id: user.id }, { role });
      await this.audit.record(actor, { action: 'member.change_role', entityType: 'user', entityId: user.id, detail: { role } }, m);
      return user;
    });
    // Their open sockets still carry the old role: they close and reconnect with the new one.
    await this.revocations.publish({ reason: 'RIGHTS_CHANGED', userId: changed.id });
    return changed;
  }

  /**
   * Takes away a member's access (docs/operations.md, "Revocation and denied attempts"): they
   * cannot sign in (the answer reads as a wrong password), every session of theirs ends now and
   * their live sockets close on every replica. Their cases and tasks stay as they are, for the
   * admin to hand over (memberOpenWork shows what they hold). Never yourself; never the last
   * active admin. Audited as a security event. Deactivating a deactivated member changes nothing.
   */
  async deactivate(actor: Actor, userId: string): Promise<UserAccount> {
    if (userId === actor.userId) throw new DomainError(DomainErrorCode.CANNOT_DEACTIVATE_SELF, 'You cannot deactivate your own account.');
    const { user, changed } = await this.dataSource.transaction(async (m) => {
      await this.lockAdmins(m, actor.organizationId);
      const user = await this.lockMember(m, actor, userId);
      if (user.deactivatedAt) return { user, changed: false };
      if (user.role === Role.ADMIN) await this.assertAnotherActiveAdmin(m, actor.organizationId, user.id);
      user.deactivatedAt = new Date();
      await m.update(UserAccount, { id: user.id }, { deactivatedAt: user.deactivatedAt });
      // A "set a new password" link sent before this would work again after a reactivation:
      // it is spent now, like the sessions.
      await m.update(PasswordReset, { userId: user.id, usedAt: IsNull() }, { usedAt: user.deactivatedAt });
      await this.audit.record(actor, { action: 'member.deactivate', entityType: 'user', entityId: user.id }, m);
      return { user, changed: true };
    });
    // After the commit: no session of theirs resolves any more (deactivated_at), and this ends
    // them for good (a reactivation brings none back) and closes their sockets everywhere.
    if (changed) await this.sessions.endAll(user.id);
    return user;
  }

  /** Gives a deactivated member their access back: they sign in again (no old session or reset link returns). Audited. */
  async reactivate(actor: Actor, userId: string): Promise<UserAccount> {
    return this.dataSource.transaction(async (m) => {
      const user = await this.lockMember(m, actor, userId);
      if (!user.deactivatedAt) return user;
      user.deactivatedAt = null;
      await m.update(UserAccount, { id: user.id }, { deactivatedAt: null });
      await this.audit.record(actor, { action: 'member.reactivate', entityType: 'user', entityId: user.id }, m);
      return user;
    });
  }

  /** A staff member of the caller's organization, locked for the change; anything else is NOT_FOUND. */
  private async lockMember(m: EntityManager, actor: Actor, userId: string): Promise<UserAccount> {
    const user = await m.findOne(UserAccount, { where: { id: userId, organizationId: actor.organizationId }, lock: { mode: 'pessimistic_write' } });
    if (!user || !isStaffRole(user.role)) throw notFound('Member');
    return user;
  }

  /**
   * Locks every admin row of the organization, in id order, before any other row: two admins
   * taking each other's access at the same moment then wait for one another instead of each
   * holding the other's row (PostgreSQL would end one of them with a deadlock, a 500).
   */
  private async lockAdmins(m: EntityManager, organizationId: string): Promise<{ id: string; deactivated_at: Date | null }[]> {
    return m.query<{ id: string; deactivated_at: Date | null }[]>(`SELECT id, deactivated_at FROM app_user WHERE organization_id = $1 AND role = 'ADMIN' ORDER BY id FOR UPDATE`, [organizationId]);
  }

  /** Refuses a change that would leave no active admin but `userId` (the admin rows are locked: lockAdmins). */
  private async assertAnotherActiveAdmin(m: EntityManager, organizationId: string, userId: string): Promise<void> {
    const admins = await this.lockAdmins(m, organizationId);
    if (!admins.some((a) => a.id !== userId && !a.deactivated_at)) {
      throw new DomainError(DomainErrorCode.LAST_ADMIN, 'An organization needs at least one active admin.');
    }
  }
}
