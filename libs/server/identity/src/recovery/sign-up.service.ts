import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, DomainErrorCode, Role } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { EmailJobs } from '@second-look/server-jobs';
import { bindRequestMeta, RequestMeta, requestMeta } from '@second-look/server-platform';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { SignUpInput } from '../auth/auth.inputs';
import { AuthService, normaliseEmail } from '../auth/auth.service';
import { LoginRateLimiter } from '../auth/login-rate-limiter';
import { PasswordService } from '../auth/password.service';
import { Organization } from '../organization/organization.entity';
import { UserAccount } from '../user/user-account.entity';
import { answerNoSoonerThan, lockLinkRow } from './link-tokens';
import { SignUpRequest } from './sign-up-request.entity';

export const SIGN_UP_TTL_HOURS = 24;

/**
 * A new advocacy organization and its first admin, in two steps so that `signUp` cannot be used
 * to learn who has an account: the answer is the same for every address, and the worker then
 * e-mails either the link that finishes the sign-up, or (when the address already has an
 * account) a note to its owner saying someone tried.
 */
@Injectable()
export class SignUpService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly emails: EmailJobs,
    private readonly audit: AuditService,
    private readonly passwords: PasswordService,
    private readonly auth: AuthService,
    private readonly limiter: LoginRateLimiter,
  ) {}

  async request(input: SignUpInput, meta: RequestMeta): Promise<void> {
    const startedAt = Date.now();
    const email = normaliseEmail(input.email);
    await this.limiter.limitEmailRequest(meta.ip, email);
    const passwordHash = await this.passwords.hash(input.password);
    await this.dataSource.transaction(async (m) => {
      const row = await m.save(
        m.create(SignUpRequest, {
          email,
          organizationName: input.organizationName.trim(),
          timeZone: input.timeZone,
          displayName: input.displayName.trim(),
          passwordHash,
          language: input.language ?? null,
          expiresAt: new Date(Date.now() + SIGN_UP_TTL_HOURS * 60 * 60 * 1000),
        }),
      );
      await this.emails.sendSignUp(m, row.id);
    });
    await answerNoSoonerThan(startedAt);
  }

  /** The link from the e-mail: the organization and its admin are created, and signed in. */
  async confirm(token: string, res: Response): Promise<UserAccount> {
    const meta = requestMeta(res.req);
    await this.limiter.limitRequest(meta.ip);
    const user = await this.dataSource.transaction(async (m) => {
      const req = await lockLinkRow(m, SignUpRequest, token, (r) => !!r.completedAt, ['passwordHash']);
      // The address has proved it is theirs, so saying an account exists reveals nothing new.
      if (await m.existsBy(UserAccount, { email: req.email })) {
        throw new DomainError(DomainErrorCode.CONFLICT, 'An account with this e-mail already exists. Please sign in instead.', { field: 'email' });
      }
      const org = await m.save(m.create(Organization, { name: req.organizationName, timeZone: req.timeZone }));
      const admin = await m.save(
        m.create(UserAccount, { organizationId: org.id, email: req.email, displayName: req.displayName, role: Role.ADMIN, passwordHash: req.passwordHash, language: req.language }),
      );
      // The password hash now lives on the account only.
      await m.update(SignUpRequest, { id: req.id }, { completedAt: new Date(), passwordHash: '' });
      await this.audit.record(bindRequestMeta({ userId: admin.id, organizationId: org.id }, meta), { action: 'organization.create', entityType: 'organization', entityId: org.id }, m);
      return admin;
    });
    await this.auth.startSession(user, res);
    return user;
  }
}
