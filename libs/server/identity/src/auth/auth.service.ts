import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, DomainError, DomainErrorCode } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { bindRequestMeta, requestMeta } from '@second-look/server-platform';
import type { Response } from 'express';
import { DataSource, IsNull } from 'typeorm';
import { DeviceService } from '../device/device.service';
import { SecondStepMethod, SecondStepService } from '../factor/second-step.service';
import { SignInChallenges } from '../factor/sign-in-challenges';
import { EmailJobs } from '@second-look/server-jobs';
import { UserAccount } from '../user/user-account.entity';
import { SessionService } from '../session/session.service';
import { CompleteSignInInput, SignInInput } from './auth.inputs';
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
    private readonly secondStep: SecondStepService,
    private readonly challenges: SignInChallenges,
    private readonly emails: EmailJobs,
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
    const user = await this.dataSource.getRepository(UserAccount).createQueryBuilder('u').addSelect('u.passwordHash').where('u.email = :email AND u.deactivated_at IS NULL', { email }).getOne();
    // Verify against a dummy hash when there is no such user, so timing does not reveal accounts.
    const ok = await this.passwords.verify(user?.passwordHash ?? (await this.passwords.dummyHash()), input.password);
    if (!user || !ok) {
      await this.audit.record(
        user ? { userId: user.id, organizationId: user.organizationId } : null,
        {
          action: 'auth.sign_in_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          detail: { knownDevice: !!knownDevice },
        },
        undefined,
        meta,
      );
      throw new DomainError(DomainErrorCode.UNAUTHENTICATED, 'That e-mail and password do not match. Please try again.');
    }
    await attempt.succeeded();
    if (input.language && input.language !== user.language) {
      // Chosen on the sign-in page before we knew who it was: now it is theirs, on every device.
      await this.dataSource.getRepository(UserAccount).update({ id: user.id }, { language: input.language });
      user.language = input.language;
    }
    const methods = await this.secondStep.methods(user.id);
    if (methods.length > 0) {
      // The password was right; the session starts only after the second step (completeSignIn).
      const challenge = await this.challenges.start(user.id);
      await this.audit.record(bindRequestMeta({ userId: user.id, organizationId: user.organizationId }, meta), {
        action: 'auth.password_ok_second_step',
        entityType: 'user',
        entityId: user.id,
        detail: { knownDevice: !!knownDevice },
      });
      throw new DomainError(DomainErrorCode.SECOND_FACTOR_REQUIRED, 'Please finish signing in with your second step.', { challenge, methods });
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

  /** The passkey options for the second step of a sign-in in progress. */
  async secondStepPasskeyOptions(challenge: string): Promise<string> {
    const pending = await this.challenges.pending(challenge);
    if (!pending) throw this.stepExpired();
    const options = await this.secondStep.passkeyOptions(pending.userId);
    await this.challenges.setWebauthnChallenge(challenge, options.challenge);
    return options.json;
  }

  /**
   * The second step after a right password: a code from the app, a recovery code, or a passkey.
   * Wrong codes count against the person's limit (like passwords) and end the step after five.
   */
  async completeSignIn(input: CompleteSignInInput, res: Response): Promise<UserAccount> {
    const meta = requestMeta(res.req);
    const pending = await this.challenges.pending(input.challenge);
    if (!pending) throw this.stepExpired();
    const user = await this.dataSource.getRepository(UserAccount).findOneBy({ id: pending.userId, deactivatedAt: IsNull() });
    if (!user) throw this.stepExpired();
    const actor = bindRequestMeta({ userId: user.id, organizationId: user.organizationId }, meta);
    const attempt = await this.limiter.beginFactorCheck(user.id);
    let method: SecondStepMethod | null = null;
    if (input.passkeyResponse && pending.webauthnChallenge) {
      method = (await this.secondStep.checkPasskey(input.passkeyResponse, pending.webauthnChallenge, user.id)) === user.id ? 'PASSKEY' : null;
    } else if (input.recoveryCode) {
      method = (await this.secondStep.useRecoveryCode(user.id, input.recoveryCode)) ? 'RECOVERY_CODE' : null;
    } else if (input.code) {
      method = (await this.secondStep.checkCode(user.id, input.code)) ? 'TOTP' : null;
    }
    if (!method) {
      await this.challenges.failed(input.challenge);
      await this.audit.record(actor, { action: 'auth.second_step_failed', entityType: 'user', entityId: user.id });
      throw new DomainError(DomainErrorCode.UNAUTHENTICATED, 'That did not work. Please try again.', { field: 'code' });
    }
    await attempt.succeeded();
    if (!(await this.challenges.finish(input.challenge))) throw this.stepExpired();
    await this.startSession(user, res, { notifyNewDevice: true });
    await this.dataSource.transaction(async (m) => {
      await this.audit.record(actor, { action: 'auth.sign_in', entityType: 'user', entityId: user.id, detail: { secondStep: method } }, m);
      if (method === 'RECOVERY_CODE') {
        await this.audit.record(actor, { action: 'factor.recovery_code_used', entityType: 'user', entityId: user.id }, m);
        await this.emails.sendFactorChanged(m, user.id, 'RECOVERY_CODE_USED');
      }
    });
    return user;
  }

  /** A passkey-only sign-in, step one: a challenge any of the site's passkeys can answer. */
  async passkeySignInOptions(res: Response): Promise<{ token: string; options: string }> {
    await this.limiter.limitRequest(requestMeta(res.req).ip);
    const options = await this.secondStep.passkeyOptions(null);
    return { token: await this.challenges.startPasskey(options.challenge), options: options.json };
  }

  /** Step two: a passkey that verified its owner (fingerprint, face, PIN) signs them in without a password. */
  async signInWithPasskey(token: string, response: string, res: Response): Promise<UserAccount> {
    const meta = requestMeta(res.req);
    await this.limiter.limitRequest(meta.ip);
    const challenge = await this.challenges.takePasskey(token);
    if (!challenge) throw this.stepExpired();
    const userId = await this.secondStep.checkPasskey(response, challenge, null);
    const user = userId ? await this.dataSource.getRepository(UserAccount).findOneBy({ id: userId, deactivatedAt: IsNull() }) : null;
    if (!user) {
      await this.audit.record(null, { action: 'auth.sign_in_failed', entityType: 'user', detail: { passkey: true } }, undefined, meta);
      throw new DomainError(DomainErrorCode.UNAUTHENTICATED, 'That passkey did not work here. Please sign in with your e-mail and password.');
    }
    await this.startSession(user, res, { notifyNewDevice: true });
    await this.audit.record(bindRequestMeta({ userId: user.id, organizationId: user.organizationId }, meta), {
      action: 'auth.sign_in',
      entityType: 'user',
      entityId: user.id,
      detail: { secondStep: 'PASSKEY', passwordless: true },
    });
    return user;
  }

  private stepExpired(): DomainError {
    return new DomainError(DomainErrorCode.UNAUTHENTICATED, 'This sign-in took too long or was already used. Please sign in again.', { expired: true });
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
