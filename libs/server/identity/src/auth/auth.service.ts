import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, DomainError, DomainErrorCode, Role } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { bindRequestMeta, requestMeta } from '@second-look/server-platform';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Organization } from '../organization/organization.entity';
import { UserAccount } from '../user/user-account.entity';
import { SessionService } from '../session/session.service';
import { SignInInput, SignUpInput } from './auth.inputs';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordService } from './password.service';

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditService,
  ) {}

  /** A new advocacy organisation and its first admin, signed in. */
  async signUp(input: SignUpInput, res: Response): Promise<UserAccount> {
    const meta = requestMeta(res.req);
    await this.limiter.consume(meta.ip);
    const email = normaliseEmail(input.email);
    const passwordHash = await this.passwords.hash(input.password);
    const user = await this.dataSource.transaction(async (m) => {
      if (await m.existsBy(UserAccount, { email })) {
        throw new DomainError(DomainErrorCode.CONFLICT, 'An account with this e-mail already exists. Please sign in instead.', { field: 'email' });
      }
      const org = await m.save(m.create(Organization, { name: input.organizationName.trim(), timeZone: input.timeZone }));
      const admin = await m.save(
        m.create(UserAccount, { organizationId: org.id, email, displayName: input.displayName.trim(), role: Role.ADMIN, passwordHash, language: input.language ?? null }),
      );
      const actor = bindRequestMeta({ userId: admin.id, organizationId: org.id }, meta);
      await this.audit.record(actor, { action: 'organization.create', entityType: 'organization', entityId: org.id }, m);
      return admin;
    });
    await this.sessions.start(user, res);
    return user;
  }

  async signIn(input: SignInInput, res: Response): Promise<UserAccount> {
    const email = normaliseEmail(input.email);
    const meta = requestMeta(res.req);
    await this.limiter.consume(meta.ip, email);
    const user = await this.dataSource
      .getRepository(UserAccount)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email AND u.deactivated_at IS NULL', { email })
      .getOne();
    // Verify against a dummy hash when there is no such user, so timing does not reveal accounts.
    const ok = await this.passwords.verify(user?.passwordHash ?? (await this.passwords.dummyHash()), input.password);
    if (!user || !ok) {
      await this.audit.record(user ? { userId: user.id, organizationId: user.organizationId } : null, {
        action: 'auth.sign_in_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
      }, undefined, meta);
      throw new DomainError(DomainErrorCode.UNAUTHENTICATED, 'That e-mail and password do not match. Please try again.');
    }
    await this.limiter.reset(email);
    if (input.language && input.language !== user.language) {
      // Chosen on the sign-in page before we knew who it was: now it is theirs, on every device.
      await this.dataSource.getRepository(UserAccount).update({ id: user.id }, { language: input.language });
      user.language = input.language;
    }
    await this.sessions.start(user, res);
    await this.audit.record(bindRequestMeta({ userId: user.id, organizationId: user.organizationId }, meta), { action: 'auth.sign_in', entityType: 'user', entityId: user.id, ...(input.language ? { detail: { language: input.language } } : {}) });
    return user;
  }

  async signOut(actor: Actor, sessionId: string, res: Response): Promise<void> {
    await this.sessions.end(sessionId, res);
    await this.audit.record(actor, { action: 'auth.sign_out', entityType: 'user', entityId: actor.userId });
  }

  async signOutEverywhere(actor: Actor, res: Response): Promise<number> {
    const n = await this.sessions.endAll(actor.userId, res);
    await this.audit.record(actor, { action: 'auth.sign_out_everywhere', entityType: 'user', entityId: actor.userId, detail: { sessions: n } });
    return n;
  }
}
