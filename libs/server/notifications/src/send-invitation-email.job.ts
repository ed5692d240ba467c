import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, jobIds, SendInvitationEmailPayload } from '@second-look/contracts';
import { hashInvitationToken, Invitation, Organization, UserAccount } from '@second-look/server-identity';
import { EffectLedger, EffectNoLongerApplies, JobOutcome, messageIdFor } from '@second-look/server-jobs';
import { APP_CONFIG, AppConfig } from '@second-look/server-platform';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { invitationEmail } from './invitation-email.template';
import { Mailer } from './mailer';
import { invitationLanguage } from './recipient-language';

export type { JobOutcome };

/**
 * Sends one invitation e-mail, at most once in effect (EffectLedger, key = the job id):
 * - it re-reads the invitation and does nothing if it was accepted, revoked or expired;
 * - the ledger key is claimed first, in the transaction that also stores the new token's
 *   hash, and both commit right after SMTP accepts: a retried, stalled or duplicated job
 *   waits on the key and then finds it taken, so it neither sends nor replaces the link;
 * - the token is minted here and only its hash stored, so the link exists only in the e-mail;
 * - a crash before the commit rolls back key and token: the retry sends a fresh link. A crash
 *   in the one round trip after SMTP accepted and before the commit landed can repeat the
 *   e-mail (same Message-ID; the later link replaces the first). Nothing is ever lost.
 */
@Injectable()
export class SendInvitationEmailJob {
  private readonly logger = new Logger(SendInvitationEmailJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly ledger: EffectLedger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run({ invitationId }: SendInvitationEmailPayload): Promise<JobOutcome> {
    const key = jobIds.invitationEmail(invitationId);
    const inv = await this.dataSource.manager.findOneBy(Invitation, { id: invitationId });
    if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt <= new Date()) {
      this.logger.log(`invitation ${invitationId}: no longer applies, nothing sent`);
      return 'no-longer-applies';
    }
    const outcome = await this.ledger.once(key, { jobName: JobName.SEND_INVITATION_EMAIL, organizationId: inv.organizationId }, async (m) => {
      // Re-read under the claimed key: it may have been accepted or revoked meanwhile.
      const fresh = await m.findOneBy(Invitation, { id: invitationId });
      if (!fresh || fresh.acceptedAt || fresh.revokedAt || fresh.expiresAt <= new Date()) throw new EffectNoLongerApplies();
      const [org, inviter] = await Promise.all([m.findOneByOrFail(Organization, { id: fresh.organizationId }), m.findOneBy(UserAccount, { id: fresh.invitedById })]);
      // The invited person's language: the case's preferred one for a patient or caregiver.
      const language = await invitationLanguage(m, fresh);
      const token = randomBytes(32).toString('base64url');
      await m.update(Invitation, { id: fresh.id }, { tokenHash: hashInvitationToken(token) });
      const link = `${this.config.publicUrl}/invite/${token}`;
      await this.mailer.send({
        to: fresh.email,
        messageId: messageIdFor(key),
        ...invitationEmail({ organizationName: org.name, inviterName: inviter?.displayName ?? org.name, role: fresh.role, link, expiresAt: fresh.expiresAt, language, timeZone: org.timeZone }),
      });
    });
    if (!outcome.done) return outcome.reason === 'already-done' ? 'already-sent' : 'no-longer-applies';
    this.logger.log(`invitation ${invitationId}: e-mail sent`);
    return 'sent';
  }
}
