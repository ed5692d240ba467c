import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SignInFactorKind } from '@second-look/domain';
import { APP_CONFIG, AppConfig } from '@second-look/server-platform';
import { type AuthenticationResponseJSON, type AuthenticatorTransport, generateAuthenticationOptions, verifyAuthenticationResponse } from '@simplewebauthn/server';
import { DataSource, IsNull, Not } from 'typeorm';
import { parsePasskeyResponse, relyingParty } from './passkeys';
import { hashRecoveryCode } from './recovery-codes';
import { SignInFactor } from './sign-in-factor.entity';
import { checkTotp, decryptSecret } from './totp';

/** How a second step was proven at sign-in (audited with the sign-in). */
export type SecondStepMethod = 'TOTP' | 'RECOVERY_CODE' | 'PASSKEY';

/** The checks of a second sign-in step: a code from the app, a recovery code, or a passkey. */
@Injectable()
export class SecondStepService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The kinds of step this person has set up (empty: a password alone signs them in). */
  async methods(userId: string): Promise<SignInFactorKind[]> {
    const rows = await this.dataSource.query<{ kind: SignInFactorKind }[]>(`SELECT DISTINCT kind FROM sign_in_factor WHERE user_id = $1 AND confirmed_at IS NOT NULL ORDER BY kind`, [userId]);
    return rows.map((r) => r.kind);
  }

  /**
   * A code from one of their authenticator apps. The code's time step is claimed in the same
   * statement that checks it was not used (last_time_step), so a code works once even when two
   * requests race with it.
   */
  async checkCode(userId: string, code: string, at = new Date()): Promise<boolean> {
    const factors = await this.dataSource
      .getRepository(SignInFactor)
      .createQueryBuilder('f')
      .addSelect('f.secretCiphertext')
      .where('f.user_id = :userId AND f.kind = :kind AND f.confirmed_at IS NOT NULL', { userId, kind: SignInFactorKind.TOTP })
      .getMany();
    for (const f of factors) {
      if (!f.secretCiphertext) continue;
      const step = await checkTotp(decryptSecret(this.config.secretsKey, f.secretCiphertext), code, { afterTimeStep: f.lastTimeStep === null ? null : Number(f.lastTimeStep), at });
      if (step === null) continue;
      const claimed = await this.dataSource.query<unknown[]>(
        `WITH claimed AS (UPDATE sign_in_factor SET last_time_step = $2, last_used_at = now() WHERE id = $1 AND (last_time_step IS NULL OR last_time_step < $2) RETURNING id)
         SELECT id FROM claimed`,
        [f.id, step],
      );
      if (claimed.length > 0) return true;
    }
    return false;
  }

  /**
   * A recovery code, used up in the same statement that finds it: it works once. (Each claim is a
   * SELECT over an UPDATE … RETURNING: TypeORM answers a bare UPDATE with [rows, count].)
   */
  async useRecoveryCode(userId: string, code: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `WITH used AS (UPDATE recovery_code SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id)
       SELECT id FROM used`,
      [userId, hashRecoveryCode(code)],
    );
    return rows.length > 0;
  }

  /** What the browser needs to use a passkey: for one person (after the password) or any (passkey-only sign-in). */
  async passkeyOptions(userId: string | null): Promise<{ challenge: string; json: string }> {
    const passkeys = userId ? await this.dataSource.getRepository(SignInFactor).findBy({ userId, kind: SignInFactorKind.PASSKEY, confirmedAt: Not(IsNull()) }) : [];
    const options = await generateAuthenticationOptions({
      rpID: relyingParty(this.config).rpID,
      userVerification: userId ? 'preferred' : 'required',
      allowCredentials: passkeys.map((f) => ({ id: f.credentialId as string, transports: f.transports?.split(',') as AuthenticatorTransport[] | undefined })),
    });
    return { challenge: options.challenge, json: JSON.stringify(options) };
  }

  /**
   * The browser's passkey answer against the challenge. `userId` limits it to that person's
   * passkeys (after the password); without it (passkey-only) the passkey must have checked
   * the person itself (user verification). Returns whose passkey it was, or null.
   */
  async checkPasskey(responseJson: string, expectedChallenge: string, userId: string | null): Promise<string | null> {
    const response = parsePasskeyResponse<AuthenticationResponseJSON>(responseJson);
    const factor = await this.dataSource
      .getRepository(SignInFactor)
      .createQueryBuilder('f')
      .addSelect('f.publicKey')
      .where('f.credential_id = :id AND f.kind = :kind AND f.confirmed_at IS NOT NULL', { id: response.id, kind: SignInFactorKind.PASSKEY })
      .andWhere(userId ? 'f.user_id = :userId' : 'TRUE', { userId })
      .getOne();
    if (!factor?.publicKey || !factor.credentialId) return null;
    const rp = relyingParty(this.config);
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.rpID,
      requireUserVerification: userId === null,
      credential: { id: factor.credentialId, publicKey: new Uint8Array(factor.publicKey), counter: Number(factor.signCount) },
    }).catch(() => null);
    if (!result?.verified) return null;
    // A counter that goes backwards means a copied authenticator (0 means it keeps none).
    const next = result.authenticationInfo.newCounter;
    const claimed = await this.dataSource.query<unknown[]>(
      `WITH claimed AS (UPDATE sign_in_factor SET sign_count = $2, last_used_at = now() WHERE id = $1 AND ($2 = 0 OR sign_count < $2) RETURNING id)
       SELECT id FROM claimed`,
      [factor.id, next],
    );
    return claimed.length > 0 ? factor.userId : null;
  }
}
