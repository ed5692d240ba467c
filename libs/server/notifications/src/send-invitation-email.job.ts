import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { jobIds, SendInvitationEmailPayload } from '@second-look/contracts';
import { hashInvitationToken, Invitation, Organization, UserAccount } from '@second-look/server-identity';
import { EmailDelivery } from '@second-look/server-jobs';
import { APP_CONFIG, AppConfig } from '@second-look/server-platform';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { invitationEmail } from './invitation-email.template';
import { Mailer } from './mailer';

export type JobOutcome = 'sent' | 'already-sent' | 'no-longer-applies';

/**
 * Sends one invitation e-mail, at most once in effect:
 * - it re-reads the invitation and does nothing if it was accepted, revoked or expired;
 * - a session advisory lock (released if the process dies, with its connection) and the
 *   email_delivery ledger make a retried, stalled or duplicated job a no-op;
 * - the token is minted here and only its hash stored, so the link exists only in the e-mail;
 * - the token is committed before the message leaves, so the link works the moment it arrives.
 * If the process dies after SMTP accepted the message but before the ledger row, the retry
 * sends a fresh link (which replaces the first); the ledger is written right after the send
 * to keep that window small.
 */
@Injectable()
export class SendInvitationEmailJob {
  private readonly logger = new Logger(SendInvitationEmailJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run({ invitationId }: SendInvitationEmailPayload): Promise<JobOutcome> {
    const key = jobIds.invitationEmail(invitationId);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
      const m = runner.manager;
      if (await m.existsBy(EmailDelivery, { key })) return 'already-sent';
      const inv = await m.findOneBy(Invitation, { id: invitationId });
      if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt <= new Date()) {
        this.logger.log(`invitation ${invitationId}: no longer applies, nothing sent`);
        return 'no-longer-applies';
      }
      const [org, inviter] = await Promise.all([
        m.findOneByOrFail(Organization, { id: inv.organizationId }),
        m.findOneBy(UserAccount, { id: inv.invitedById }),
      ]);
      const token = randomBytes(32).toString('base64url');
      await m.update(Invitation, { id: inv.id }, { tokenHash: hashInvitationToken(token) });
      const link = `${this.config.publicUrl}/invite/${token}`;
      await this.mailer.send({
        to: inv.email,
        ...invitationEmail({ organizationName: org.name, inviterName: inviter?.displayName ?? org.name, role: inv.role, link, expiresAt: inv.expiresAt }),
      });
      await m.insert(EmailDelivery, { key });
      this.logger.log(`invitation ${invitationId}: e-mail sent`);
      return 'sent';
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
      await runner.release();
    }
  }
}
