import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, jobIds, SendNotificationEmailPayload } from '@second-look/contracts';
import { EmailMode, emailModeFor, nextSendTime } from '@second-look/domain';
import { UserAccount } from '@second-look/server-identity';
import { EffectLedger, EffectNoLongerApplies, JobOutcome, messageIdFor } from '@second-look/server-jobs';
import { APP_CONFIG, AppConfig, Clock } from '@second-look/server-platform';
import { organizationTiming } from '@second-look/server-records';
import { DataSource, EntityManager } from 'typeorm';
import { Mailer } from './mailer';
import { notificationEmail } from './notification-email.template';
import { Notification } from './notification.entity';
import { preferencesOf } from './notification-preference.service';
import { recipientLanguage } from './recipient-language';

/** Quiet hours began after the job was queued (or were changed): try again when they end. */
export interface Held {
  heldUntil: Date;
}

export type EmailJobOutcome = JobOutcome | Held;

export const isHeld = (o: unknown): o is Held => typeof o === 'object' && o !== null && 'heldUntil' in o;

/** Quiet hours of a person right now, read in their organization's zone: when may mail go? */
export async function sendableAt(m: EntityManager, userId: string, organizationId: string, now: Date): Promise<Date> {
  const prefs = (await preferencesOf(m, [userId])).get(userId)!;
  const { timeZone } = (await organizationTiming(m, organizationId)).workingHours;
  return nextSendTime(now, prefs.quietHours, timeZone);
}

/**
 * One e-mail for one notification, at most once in effect (EffectLedger, key = the job id).
 * It re-reads everything and sends nothing when the notification was read meanwhile, the
 * person changed the category away from "immediate", or their account was closed. If it runs
 * inside quiet hours (they were set after it was queued) it is held until they end.
 */
@Injectable()
export class SendNotificationEmailJob {
  private readonly logger = new Logger(SendNotificationEmailJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly ledger: EffectLedger,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run({ notificationId }: SendNotificationEmailPayload): Promise<EmailJobOutcome> {
    const key = jobIds.notificationEmail(notificationId);
    const m = this.dataSource.manager;
    const n = await m.findOneBy(Notification, { id: notificationId });
    if (!n || n.readAt) return 'no-longer-applies';
    const prefs = (await preferencesOf(m, [n.userId])).get(n.userId)!;
    if (emailModeFor(n.kind, prefs) !== EmailMode.IMMEDIATE) return 'no-longer-applies';
    const now = this.clock.now();
    const at = await sendableAt(m, n.userId, n.organizationId, now);
    if (at > now) return { heldUntil: at };

    const outcome = await this.ledger.once(key, { jobName: JobName.SEND_NOTIFICATION_EMAIL, organizationId: n.organizationId }, async (tx) => {
      const fresh = await tx.findOneBy(Notification, { id: notificationId });
      if (!fresh || fresh.readAt) throw new EffectNoLongerApplies('read meanwhile');
      const user = await tx.findOneBy(UserAccount, { id: fresh.userId });
      if (!user || user.deactivatedAt) throw new EffectNoLongerApplies('account closed');
      const base = this.config.publicUrl.replace(/\/$/, '');
      const language = await recipientLanguage(tx, user.id, fresh.caseId);
      await this.mailer.send({
        to: user.email,
        messageId: messageIdFor(key),
        ...notificationEmail({
          language,
          kind: fresh.kind,
          dueOn: fresh.dueOn,
          caseLink: fresh.caseId ? `${base}/cases/${fresh.caseId}` : `${base}/notifications`,
          settingsLink: `${base}/notifications/settings`,
        }),
      });
      await tx.update(Notification, { id: fresh.id }, { emailedAt: now });
    });
    if (!outcome.done) return outcome.reason === 'already-done' ? 'already-sent' : 'no-longer-applies';
    this.logger.log(`notification ${notificationId}: e-mail sent`);
    return 'sent';
  }
}
