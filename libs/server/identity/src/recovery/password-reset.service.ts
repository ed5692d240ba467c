import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@second-look/server-audit';
import { EmailJobs } from '@second-look/server-jobs';
import { bindRequestMeta, RequestMeta } from '@second-look/server-platform';
import { DataSource, IsNull } from 'typeorm';
import { normaliseEmail } from '../auth/auth.service';
import { LoginRateLimiter } from '../auth/login-rate-limiter';
import { PasswordService } from '../auth/password.service';
import { SessionRevocations } from '../session/session-revocations';
import { UserSession } from '../session/user-session.entity';
import { UserAccount } from '../user/user-account.entity';
import { answerNoSoonerThan, linkInvalid, lockLinkRow } from './link-tokens';
import { PasswordReset } from './password-reset.entity';

/** A reset link works once and for this long (OWASP's Forgot Password Cheat Sheet: short-lived). */
export const PASSWORD_RESET_TTL_MINUTES = 30;

/**
 * "Forgot your password?". Asking answers the same whether or not the address has an account,
 * in about the same time; the link goes out through the outbox like an invitation, and the
 * worker mints its token. Setting the new password ends every session of the person, is
 * audited, and tells them by e-mail.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly emails: EmailJobs,
    private readonly audit: AuditService,
    private readonly passwords: PasswordService,
    private readonly limiter: LoginRateLimiter,
    private readonly revocations: SessionRevocations,
  ) {}

  async request(emailIn: string, meta: RequestMeta): Promise<void> {
    const startedAt = Date.now();
    const email = normaliseEmail(emailIn);
    await this.limiter.limitEmailRequest(meta.ip, email);
    await this.dataSource.transaction(async (m) => {
      const user = await m.findOneBy(UserAccount, { email, deactivatedAt: IsNull() });
      if (!user) return;
      // A newer link replaces any older one still open.
      await m.update(PasswordReset, { userId: user.id, usedAt: IsNull() }, { usedAt: new Date() });
      const reset = await m.save(m.create(PasswordReset, { userId: user.id, expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MINUTES * 60 * 1000) }));
      await this.emails.sendPasswordReset(m, reset.id);
      await this.audit.record({ userId: user.id, organizationId: user.organizationId }, { action: 'auth.password_reset_request', entityType: 'user', entityId: user.id }, m, meta);
    });
    await answerNoSoonerThan(startedAt);
  }

  /** Single use: the link's row is locked, checked and marked used in the same transaction as the new password. */
  async reset(token: string, password: string, meta: RequestMeta): Promise<void> {
    await this.limiter.limitRequest(meta.ip);
    const passwordHash = await this.passwords.hash(password);
    const user = await this.dataSource.transaction(async (m) => {
      const reset = await lockLinkRow(m, PasswordReset, token, (r) => !!r.usedAt);
      const user = await m.findOneBy(UserAccount, { id: reset.userId, deactivatedAt: IsNull() });
      if (!user) throw linkInvalid();
      const now = new Date();
      await m.update(UserAccount, { id: user.id }, { passwordHash });
      await m.update(PasswordReset, { userId: user.id, usedAt: IsNull() }, { usedAt: now });
      // Whoever knew the old password is out, on every device.
      const ended = await m.update(UserSession, { userId: user.id, revokedAt: IsNull() }, { revokedAt: now });
      await this.emails.sendPasswordChanged(m, reset.id);
      await this.audit.record(
        bindRequestMeta({ userId: user.id, organizationId: user.organizationId }, meta),
        { action: 'auth.password_reset', entityType: 'user', entityId: user.id, detail: { sessionsEnded: ended.affected ?? 0 } },
        m,
      );
      return user;
    });
    await this.revocations.publish({ reason: 'SIGNED_OUT', userId: user.id });
    await this.limiter.clearAccount(user.email, meta.ip);
  }
}
