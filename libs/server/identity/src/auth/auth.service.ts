import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, DomainError, DomainErrorCode } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { bindRequestMeta, requestMeta } from '@second-look/server-platform';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { DeviceService } from '../device/device.service';
import { UserAccount } from '../user/user-account.entity';
import { SessionService } from '../session/session.service';
import { SignInInput } from './auth.inputs';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordService } from './password.service';

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly devices: DeviceService,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditService,
  ) {}

  /**
   * A session and a known-device mark for someone who just proved who they are. `notifyNewDevice`:
   * a sign-in by password from a browser new to them e-mails them (an invitation or sign-up
   * link opens their very first session, so it does not).
   */
  async startSession(user: UserAccount, res: Response, opts = { notifyNewDevice: false }): Promise<void> {
    await this.sessions.start(user, res);
    await this.devices.remember(user.id, res, { notify: opts.notifyNewDevice });
  }

  async signIn(input: SignInInput, res: Response): Promise<UserAccount> {
    const email = normaliseEmail(input.email);
    const meta = requestMeta(res.req);
    const deviceHash = this.devices.deviceHash(res.req);
    const knownDevice = (await this.devices.isKnown(email, deviceHash)) ? deviceHash : null;
    const attempt = await this.limiter.beginSignIn({ ip: meta.ip, account: email, knownDevice });
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
        detail: { knownDevice: !!knownDevice },
      }, undefined, meta);
      throw new DomainError(DomainErrorCode.UNAUTHENTICATED, 'That e-mail and password do not match. Please try again.');
    }
    await attempt.succeeded();
    if (input.language && input.language !== user.language) {
      // Chosen on the sign-in page before we knew who it was: now it is theirs, on every device.
      await this.dataSource.getRepository(UserAccount).update({ id: user.id }, { language: input.language });
      user.language = input.language;
    }
    await this.startSession(user, res, { notifyNewDevice: true });
    await this.audit.record(bindRequestMeta({ userId: user.id, organizationId: user.organizationId }, meta), {
      action: 'auth.sign_in',
      entityType: 'user',
      entityId: user.id,
      detail: { knownDevice: !!knownDevice, ...(input.language ? { language: input.language } : {}) },
    });
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
