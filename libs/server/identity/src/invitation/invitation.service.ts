import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, CaregiverAccess, DomainError, DomainErrorCode, INVITABLE_STAFF_ROLES, notFound, Role } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { EmailJobs } from '@second-look/server-jobs';
import { bindRequestMeta, RequestMeta, requestMeta } from '@second-look/server-platform';
import type { Response } from 'express';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { AcceptInvitationInput } from '../auth/auth.inputs';
import { AuthService, normaliseEmail } from '../auth/auth.service';
import { LoginRateLimiter } from '../auth/login-rate-limiter';
import { PasswordService } from '../auth/password.service';
import { Organization } from '../organization/organization.entity';
import { UserAccount } from '../user/user-account.entity';
import { InvitationHooks } from './invitation-hooks';
import { Invitation } from './invitation.entity';

export const INVITATION_TTL_DAYS = { staff: 7, case: 14 } as const;
export { hashSecretToken as hashInvitationToken } from '../auth/tokens';
import { hashSecretToken as hashInvitationToken } from '../auth/tokens';

export interface NewCaseInvitation {
  caseId: string;
  email: string;
  role: Role.PATIENT | Role.CAREGIVER;
  access: CaregiverAccess | null;
}

@Injectable()
export class InvitationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly emails: EmailJobs,
    private readonly audit: AuditService,
    private readonly passwords: PasswordService,
    private readonly auth: AuthService,
    private readonly limiter: LoginRateLimiter,
    private readonly hooks: InvitationHooks,
  ) {}

  async inviteStaff(actor: Actor, emailIn: string, role: Role): Promise<Invitation> {
    if (!INVITABLE_STAFF_ROLES.includes(role)) {
      throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'Staff can be invited as admin, coordinator or advocate.', { field: 'role' });
    }
    const email = normaliseEmail(emailIn);
    const invitation = await this.dataSource.transaction(async (m) => {
      const existing = await m.findOneBy(UserAccount, { email });
      if (existing) throw new DomainError(DomainErrorCode.CONFLICT, 'Someone with this e-mail already has an account.', { field: 'email' });
      const inv = (await this.insert(m, actor, [{ email, role, caseId: null, access: null }], INVITATION_TTL_DAYS.staff))[0]!;
      await this.audit.record(actor, { action: 'invitation.create', entityType: 'invitation', entityId: inv.id, detail: { role } }, m);
      return inv;
    });
    return invitation;
  }

  /** Called by the cases library once it has checked the caller may invite to this case. */
  async inviteToCase(actor: Actor, input: NewCaseInvitation, manager: EntityManager): Promise<Invitation> {
    const [inv] = await this.inviteToCases(actor, [input], manager);
    return inv!;
  }

  /** inviteToCase for many cases at once (a client import's new cases): one INSERT per table. */
  async inviteToCases(actor: Actor, inputs: readonly NewCaseInvitation[], manager: EntityManager): Promise<Invitation[]> {
    if (!inputs.length) return [];
    const invs = await this.insert(
      manager,
      actor,
      inputs.map((input) => ({ ...input, email: normaliseEmail(input.email) })),
      INVITATION_TTL_DAYS.case,
    );
    await this.audit.record(
      actor,
      invs.map((inv, i) => ({ action: 'invitation.create', entityType: 'invitation', entityId: inv.id, caseId: inputs[i]!.caseId, detail: { role: inputs[i]!.role } })),
      manager,
    );
    return invs;
  }

  pendingStaff(actor: Actor): Promise<Invitation[]> {
    return this.dataSource.getRepository(Invitation).find({
      where: { organizationId: actor.organizationId, caseId: IsNull(), acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { createdAt: 'DESC' },
    });
  }

  pendingForCase(organizationId: string, caseId: string): Promise<Invitation[]> {
    return this.dataSource.getRepository(Invitation).find({
      where: { organizationId, caseId, acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { createdAt: 'DESC' },
    });
  }

  /** Admins revoke staff invitations; case invitations are revoked by those who manage the case (see cases). */
  async revoke(actor: Actor, id: string): Promise<void> {
    const inv = await this.dataSource.getRepository(Invitation).findOneBy({ id, organizationId: actor.organizationId, acceptedAt: IsNull(), revokedAt: IsNull() });
    if (!inv) throw notFound('Invitation');
    const allowed = inv.caseId ? await this.hooks.canManageCase(actor, inv.caseId) : actor.role === Role.ADMIN;
    if (!allowed) throw notFound('Invitation');
    await this.dataSource.transaction(async (m) => {
      await m.update(Invitation, { id }, { revokedAt: new Date() });
      await this.audit.record(actor, { action: 'invitation.revoke', entityType: 'invitation', entityId: id, caseId: inv.caseId }, m);
    });
  }

  async preview(token: string, meta: RequestMeta): Promise<{ organizationName: string; role: Role; email: string; patientName: string | null }> {
    await this.limiter.limitRequest(meta.ip);
    const inv = await this.findUsable(this.dataSource.manager, token);
    const org = await this.dataSource.getRepository(Organization).findOneByOrFail({ id: inv.organizationId });
    const { patientName } = await this.hooks.preview(inv);
    return { organizationName: org.name, role: inv.role, email: inv.email, patientName };
  }

  /** Single use: the row is locked, checked and marked accepted in one transaction. */
  async accept(input: AcceptInvitationInput, res: Response): Promise<UserAccount> {
    const meta = requestMeta(res.req);
    await this.limiter.limitRequest(meta.ip);
    const passwordHash = await this.passwords.hash(input.password);
    const user = await this.dataSource.transaction(async (m) => {
      const inv = await this.findUsable(m, input.token, true);
      if (await m.existsBy(UserAccount, { email: inv.email })) {
        throw new DomainError(DomainErrorCode.CONFLICT, 'An account with this e-mail already exists. Please sign in, then ask for a new invitation.');
      }
      const created = await m.save(
        m.create(UserAccount, { organizationId: inv.organizationId, email: inv.email, displayName: input.displayName.trim(), role: inv.role, passwordHash, language: input.language ?? null }),
      );
      await m.update(Invitation, { id: inv.id }, { acceptedAt: new Date(), acceptedUserId: created.id });
      for (const hook of this.hooks.accepted) await hook(m, inv, created);
      await this.audit.record(
        bindRequestMeta({ userId: created.id, organizationId: inv.organizationId }, meta),
        { action: 'invitation.accept', entityType: 'invitation', entityId: inv.id, caseId: inv.caseId },
        m,
      );
      return created;
    });
    await this.auth.startSession(user, res);
    return user;
  }

  private async findUsable(m: EntityManager, token: string, lock = false): Promise<Invitation> {
    const inv = await m.findOne(Invitation, {
      where: { tokenHash: hashInvitationToken(token) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt <= new Date()) {
      throw new DomainError(DomainErrorCode.INVITATION_INVALID, 'This invitation link has expired or was already used. Please ask for a new one.');
    }
    return inv;
  }

  /** The invitation and its e-mail (through the outbox) commit together, or not at all. */
  private async insert(m: EntityManager, actor: Actor, list: { email: string; role: Role; caseId: string | null; access: CaregiverAccess | null }[], ttlDays: number): Promise<Invitation[]> {
    const expiresAt = new Date(Date.now() + ttlDays * 24 * 60 * 60 * 1000);
    const invs = list.map((v) =>
      m.create(Invitation, { organizationId: actor.organizationId, invitedById: actor.userId, email: v.email, role: v.role, caseId: v.caseId, access: v.access, expiresAt }),
    );
    // One INSERT for any number (TypeORM's save on PostgreSQL), each row's id read back.
    await m.save(invs);
    await this.emails.sendInvitations(
      m,
      invs.map((inv) => inv.id),
    );
    return invs;
  }
}
