import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, jobIds, SendFactorChangedEmailPayload, SendNewDeviceEmailPayload, SendPasswordResetEmailPayload, SendSignUpEmailPayload } from '@second-look/contracts';
import { hashSecretToken, KnownDevice, newSecretToken, PasswordReset, SignUpRequest, UserAccount } from '@second-look/server-identity';
import { EffectLedger, EffectNoLongerApplies, JobOutcome, messageIdFor } from '@second-look/server-jobs';
import { APP_CONFIG, AppConfig } from '@second-look/server-platform';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { DEFAULT_LANGUAGE, Language } from '@second-look/domain';
import { accountExistsEmail, factorChangedEmail, newDeviceEmail, passwordChangedEmail, passwordResetEmail, signUpEmail } from './account-email.template';
import { Mailer, OutgoingMail } from './mailer';
import { recipientLanguage } from './recipient-language';

/** A person's e-mail language (see recipientLanguage) and their organization's time zone. */
async function readerOf(m: EntityManager, user: UserAccount): Promise<{ language: Language; timeZone: string }> {
  const [org]: { time_zone: string }[] = await m.query(`SELECT time_zone FROM organization WHERE id = $1`, [user.organizationId]);
  return { language: await recipientLanguage(m, user.id), timeZone: org?.time_zone ?? 'UTC' };
}

/**
 * The e-mails of sign-up and "Forgot your password?", each at most once in effect like the
 * invitation e-mail (see SendInvitationEmailJob): the ledger key is claimed first, the row is
 * re-read under it, a link token is minted here and only its hash stored, and both commit right
 * after SMTP accepts. Nothing of a person's (no name, no address) is logged.
 */
@Injectable()
export class SendAccountEmailJobs {
  private readonly logger = new Logger(SendAccountEmailJobs.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly ledger: EffectLedger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private readonly links = () => ({ signInLink: `${this.config.publicUrl}/sign-in`, forgotLink: `${this.config.publicUrl}/forgot-password` });

  /** The reset link, unless the request was used, replaced or has expired. */
  passwordReset({ resetId }: SendPasswordResetEmailPayload): Promise<JobOutcome> {
    return this.once(jobIds.passwordResetEmail(resetId), JobName.SEND_PASSWORD_RESET_EMAIL, async (m) => {
      const reset = await m.findOneBy(PasswordReset, { id: resetId, usedAt: IsNull() });
      const user = reset && reset.expiresAt > new Date() ? await m.findOneBy(UserAccount, { id: reset.userId, deactivatedAt: IsNull() }) : null;
      if (!reset || !user) throw new EffectNoLongerApplies();
      const token = newSecretToken();
      await m.update(PasswordReset, { id: reset.id }, { tokenHash: hashSecretToken(token) });
      return { to: user.email, ...passwordResetEmail({ ...(await readerOf(m, user)), link: `${this.config.publicUrl}/reset-password/${token}`, expiresAt: reset.expiresAt }) };
    });
  }

  /** "Your password was changed": always sent once the reset happened, whatever came after. */
  passwordChanged({ resetId }: SendPasswordResetEmailPayload): Promise<JobOutcome> {
    return this.once(jobIds.passwordChangedEmail(resetId), JobName.SEND_PASSWORD_CHANGED_EMAIL, async (m) => {
      const reset = await m.findOneBy(PasswordReset, { id: resetId });
      const user = reset ? await m.findOneBy(UserAccount, { id: reset.userId }) : null;
      if (!user) throw new EffectNoLongerApplies();
      return { to: user.email, ...passwordChangedEmail({ ...(await readerOf(m, user)), ...this.links() }) };
    });
  }

  /** The finishing link, or, when the address already has an account, a note to its owner. */
  signUp({ signUpId }: SendSignUpEmailPayload): Promise<JobOutcome> {
    return this.once(jobIds.signUpEmail(signUpId), JobName.SEND_SIGN_UP_EMAIL, async (m) => {
      const req = await m.findOneBy(SignUpRequest, { id: signUpId, completedAt: IsNull() });
      if (!req || req.expiresAt <= new Date()) throw new EffectNoLongerApplies();
      const owner = await m.findOneBy(UserAccount, { email: req.email });
      if (owner) return { to: req.email, ...accountExistsEmail({ ...(await readerOf(m, owner)), ...this.links() }) };
      const token = newSecretToken();
      await m.update(SignUpRequest, { id: req.id }, { tokenHash: hashSecretToken(token) });
      const reader = { language: req.language ?? DEFAULT_LANGUAGE, timeZone: req.timeZone };
      return { to: req.email, ...signUpEmail({ ...reader, organizationName: req.organizationName, link: `${this.config.publicUrl}/sign-up/${token}`, expiresAt: req.expiresAt }) };
    });
  }

  /** "A new browser signed in to your account", to a person still active. */
  newDevice({ userId, deviceHash }: SendNewDeviceEmailPayload): Promise<JobOutcome> {
    return this.once(jobIds.newDeviceEmail(userId, deviceHash), JobName.SEND_NEW_DEVICE_EMAIL, async (m) => {
      const device = await m.findOneBy(KnownDevice, { userId, deviceHash });
      const user = device ? await m.findOneBy(UserAccount, { id: userId, deactivatedAt: IsNull() }) : null;
      if (!device || !user) throw new EffectNoLongerApplies();
      return { to: user.email, ...newDeviceEmail({ ...(await readerOf(m, user)), at: device.createdAt, forgotLink: this.links().forgotLink }) };
    });
  }

  /** "Your sign-in steps changed", to the person (still active) whose account it is. */
  factorChanged({ userId, change, changeId }: SendFactorChangedEmailPayload): Promise<JobOutcome> {
    return this.once(jobIds.factorChangedEmail(changeId), JobName.SEND_FACTOR_CHANGED_EMAIL, async (m) => {
      const user = await m.findOneBy(UserAccount, { id: userId, deactivatedAt: IsNull() });
      if (!user) throw new EffectNoLongerApplies();
      return {
        to: user.email,
        ...factorChangedEmail({ ...(await readerOf(m, user)), change, at: new Date(), securityLink: `${this.config.publicUrl}/account/security`, forgotLink: this.links().forgotLink }),
      };
    });
  }

  private async once(key: string, jobName: JobName, compose: (m: EntityManager) => Promise<Omit<OutgoingMail, 'messageId'>>): Promise<JobOutcome> {
    const outcome = await this.ledger.once(key, { jobName }, async (m) => {
      const mail = await compose(m);
      await this.mailer.send({ ...mail, messageId: messageIdFor(key) });
    });
    if (!outcome.done) return outcome.reason === 'already-done' ? 'already-sent' : 'no-longer-applies';
    this.logger.log(`${key}: e-mail sent`);
    return 'sent';
  }
}
