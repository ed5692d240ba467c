import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FactorChange } from '@second-look/contracts';
import { Actor, DomainError, DomainErrorCode, isStaffRole, notFound, SignInFactorKind } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { EmailJobs } from '@second-look/server-jobs';
import { APP_CONFIG, AppConfig } from '@second-look/server-platform';
import { type AuthenticatorTransport, generateRegistrationOptions, type RegistrationResponseJSON, verifyRegistrationResponse } from '@simplewebauthn/server';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { LoginRateLimiter } from '../auth/login-rate-limiter';
import { Organization } from '../organization/organization.entity';
import { SessionRevocations } from '../session/session-revocations';
import { SessionService } from '../session/session.service';
import { UserAccount } from '../user/user-account.entity';
import { parsePasskeyResponse, relyingParty } from './passkeys';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { RecoveryCode, SignInFactor } from './sign-in-factor.entity';
import { SignInChallenges } from './sign-in-challenges';
import { checkTotp, decryptSecret, encryptSecret, newTotpSecret, totpUri } from './totp';

export interface AccountSecurity {
  factors: SignInFactor[];
  recoveryCodesLeft: number;
  /** The organization requires this person (staff) to have a second step. */
  required: boolean;
}

/**
 * A person's own second sign-in steps: an authenticator app (TOTP), passkeys, and the
 * one-time recovery codes that come with the first step added. Every change is audited in the
 * same transaction and e-mailed to the person through the outbox.
 */
@Injectable()
export class FactorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly emails: EmailJobs,
    private readonly limiter: LoginRateLimiter,
    private readonly challenges: SignInChallenges,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly revocations: SessionRevocations,
  ) {}

  async overview(actor: Actor): Promise<AccountSecurity> {
    const [factors, recoveryCodesLeft, org] = await Promise.all([
      this.dataSource.getRepository(SignInFactor).find({ where: { userId: actor.userId, confirmedAt: Not(IsNull()) }, order: { createdAt: 'ASC' } }),
      this.dataSource.getRepository(RecoveryCode).countBy({ userId: actor.userId, usedAt: IsNull() }),
      this.dataSource.getRepository(Organization).findOneByOrFail({ id: actor.organizationId }),
    ]);
    return { factors, recoveryCodesLeft, required: org.requireStaffMfa && isStaffRole(actor.role) };
  }

  /** Step one of adding an authenticator app: a new secret, kept unconfirmed until a first code proves the app has it. */
  async startTotp(actor: Actor): Promise<{ factorId: string; secret: string; uri: string }> {
    const secret = newTotpSecret();
    const user = await this.dataSource.getRepository(UserAccount).findOneByOrFail({ id: actor.userId });
    const factorId = await this.dataSource.transaction(async (m) => {
      // One app being added at a time: an abandoned attempt is dropped.
      await m.delete(SignInFactor, { userId: actor.userId, kind: SignInFactorKind.TOTP, confirmedAt: IsNull() });
      const row = await m.save(
        SignInFactor,
        m.create(SignInFactor, {
          userId: actor.userId,
          kind: SignInFactorKind.TOTP,
          label: 'Authenticator app',
          secretCiphertext: encryptSecret(this.config.secretsKey, secret),
        }),
      );
      return row.id;
    });
    return { factorId, secret, uri: totpUri(secret, user.email) };
  }

  /** Step two: the first code from the app. Recovery codes come back (shown once) with the person's first step. */
  async confirmTotp(actor: Actor, factorId: string, code: string, label: string): Promise<string[] | null> {
    const factor = await this.dataSource
      .getRepository(SignInFactor)
      .createQueryBuilder('f')
      .addSelect('f.secretCiphertext')
      .where('f.id = :id AND f.user_id = :userId AND f.kind = :kind AND f.confirmed_at IS NULL', { id: factorId, userId: actor.userId, kind: SignInFactorKind.TOTP })
      .getOne();
    if (!factor?.secretCiphertext) throw notFound('Authenticator app');
    const attempt = await this.limiter.beginFactorCheck(actor.userId);
    const step = await checkTotp(decryptSecret(this.config.secretsKey, factor.secretCiphertext), code);
    if (step === null) {
      await this.audit.record(actor, { action: 'factor.totp_confirm_failed', entityType: 'sign_in_factor', entityId: factor.id });
      throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'That code is not right. Check the time on your phone and try the newest code.', { field: 'code' });
    }
    await attempt.succeeded();
    return this.dataSource.transaction(async (m) => {
      await m.update(SignInFactor, { id: factor.id }, { confirmedAt: new Date(), lastTimeStep: String(step), label: label.trim() || 'Authenticator app' });
      return this.added(m, actor, factor.id, 'TOTP_ADDED', 'factor.totp_added');
    });
  }

  /** Step one of adding a passkey: what the browser needs to make one. */
  async startPasskey(actor: Actor): Promise<string> {
    const user = await this.dataSource.getRepository(UserAccount).findOneByOrFail({ id: actor.userId });
    const existing = await this.dataSource.getRepository(SignInFactor).findBy({ userId: actor.userId, kind: SignInFactorKind.PASSKEY });
    const rp = relyingParty(this.config);
    const options = await generateRegistrationOptions({
      rpName: rp.rpName,
      rpID: rp.rpID,
      userName: user.email,
      userDisplayName: user.displayName,
      userID: new TextEncoder().encode(user.id),
      attestationType: 'none',
      excludeCredentials: existing.map((f) => ({ id: f.credentialId as string, transports: f.transports?.split(',') as AuthenticatorTransport[] | undefined })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    await this.challenges.startRegistration(actor.userId, options.challenge);
    return JSON.stringify(options);
  }

  /** Step two: the browser's new passkey, checked against the challenge, stored as its public key. */
  async finishPasskey(actor: Actor, responseJson: string, label: string): Promise<string[] | null> {
    const response = parsePasskeyResponse<RegistrationResponseJSON>(responseJson);
    const expectedChallenge = await this.challenges.takeRegistration(actor.userId);
    if (!expectedChallenge) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'Adding the passkey took too long. Please try again.', { field: 'response' });
    const rp = relyingParty(this.config);
    const result = await verifyRegistrationResponse({ response, expectedChallenge, expectedOrigin: rp.origins, expectedRPID: rp.rpID, requireUserVerification: false }).catch(() => ({
      verified: false as const,
    }));
    if (!result.verified) {
      await this.audit.record(actor, { action: 'factor.passkey_add_failed', entityType: 'user', entityId: actor.userId });
      throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The passkey could not be added. Please try again.', { field: 'response' });
    }
    const { credential } = result.registrationInfo;
    return this.dataSource.transaction(async (m) => {
      const row = await m.save(
        SignInFactor,
        m.create(SignInFactor, {
          userId: actor.userId,
          kind: SignInFactorKind.PASSKEY,
          label: label.trim() || 'Passkey',
          credentialId: credential.id,
          publicKey: Buffer.from(credential.publicKey),
          signCount: String(credential.counter),
          transports: credential.transports?.join(',') ?? null,
          confirmedAt: new Date(),
        }),
      );
      return this.added(m, actor, row.id, 'PASSKEY_ADDED', 'factor.passkey_added');
    });
  }

  /** Removes one of your steps; the last one cannot go while your organization requires one. */
  async remove(actor: Actor, factorId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const factor = await m.findOne(SignInFactor, { where: { id: factorId, userId: actor.userId, confirmedAt: Not(IsNull()) }, lock: { mode: 'pessimistic_write' } });
      if (!factor) throw notFound('Sign-in step');
      const left = await m.countBy(SignInFactor, { userId: actor.userId, confirmedAt: Not(IsNull()), id: Not(factor.id) });
      if (left === 0) {
        const org = await m.findOneByOrFail(Organization, { id: actor.organizationId });
        if (org.requireStaffMfa && isStaffRole(actor.role)) {
          throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'Your organization requires a second sign-in step. Add another one before you remove this one.', { field: 'factorId' });
        }
        await m.delete(RecoveryCode, { userId: actor.userId });
      }
      await m.delete(SignInFactor, { id: factor.id });
      await this.audit.record(actor, { action: 'factor.removed', entityType: 'sign_in_factor', entityId: factor.id, detail: { kind: factor.kind } }, m);
      await this.emails.sendFactorChanged(m, actor.userId, 'FACTOR_REMOVED');
    });
  }

  /** Ten new recovery codes (shown once); the old ones stop working. */
  async regenerateRecoveryCodes(actor: Actor): Promise<string[]> {
    return this.dataSource.transaction(async (m) => {
      const has = await m.countBy(SignInFactor, { userId: actor.userId, confirmedAt: Not(IsNull()) });
      if (has === 0) throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'Add a second sign-in step first.', { field: 'factor' });
      const codes = await this.replaceRecoveryCodes(m, actor.userId);
      await this.audit.record(actor, { action: 'factor.recovery_codes_new', entityType: 'user', entityId: actor.userId }, m);
      await this.emails.sendFactorChanged(m, actor.userId, 'RECOVERY_CODES_NEW');
      return codes;
    });
  }

  /**
   * An admin removes every second step of a person of their organization (a lost phone), ends
   * that person's sessions, and the person is told by e-mail. Audited.
   */
  async resetForMember(admin: Actor, userId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const user = await m.findOneBy(UserAccount, { id: userId, organizationId: admin.organizationId });
      if (!user) throw notFound('Member');
      const removed = await m.delete(SignInFactor, { userId });
      await m.delete(RecoveryCode, { userId });
      await this.audit.record(admin, { action: 'factor.reset_by_admin', entityType: 'user', entityId: userId, detail: { removed: removed.affected ?? 0 } }, m);
      await this.emails.sendFactorChanged(m, userId, 'FACTORS_RESET');
    });
    await this.sessions.endAll(userId);
  }

  /** The admin switch: staff must have a second step. */
  async setRequireStaffMfa(admin: Actor, required: boolean): Promise<Organization> {
    const org = await this.dataSource.transaction(async (m) => {
      await m.update(Organization, { id: admin.organizationId }, { requireStaffMfa: required });
      await this.audit.record(admin, { action: 'organization.security_settings.update', entityType: 'organization', entityId: admin.organizationId, detail: { requireStaffMfa: required } }, m);
      return m.findOneByOrFail(Organization, { id: admin.organizationId });
    });
    // Staff with no second step lose live case data now, not at their socket's next re-check.
    if (required) await this.revocations.publish({ reason: 'RIGHTS_CHANGED', organizationId: admin.organizationId });
    return org;
  }

  async requiresStaffMfa(organizationId: string): Promise<boolean> {
    return (await this.dataSource.getRepository(Organization).findOneByOrFail({ id: organizationId })).requireStaffMfa;
  }

  /** Which members have a second step (the admin's members list). */
  async membersWithFactors(organizationId: string): Promise<Set<string>> {
    const rows = await this.dataSource.query<{ user_id: string }[]>(
      `SELECT DISTINCT f.user_id FROM sign_in_factor f JOIN app_user u ON u.id = f.user_id WHERE u.organization_id = $1 AND f.confirmed_at IS NOT NULL`,
      [organizationId],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  private async added(m: EntityManager, actor: Actor, factorId: string, change: FactorChange, action: string): Promise<string[] | null> {
    const codesLeft = await m.countBy(RecoveryCode, { userId: actor.userId, usedAt: IsNull() });
    const codes = codesLeft === 0 ? await this.replaceRecoveryCodes(m, actor.userId) : null;
    await this.audit.record(actor, { action, entityType: 'sign_in_factor', entityId: factorId, detail: { recoveryCodes: codes !== null } }, m);
    await this.emails.sendFactorChanged(m, actor.userId, change);
    return codes;
  }

  private async replaceRecoveryCodes(m: EntityManager, userId: string): Promise<string[]> {
    const codes = newRecoveryCodes();
    await m.delete(RecoveryCode, { userId });
    await m.insert(
      RecoveryCode,
      codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })),
    );
    return codes;
  }
}
