import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, jobIds, QueueName, SendDigestEmailPayload, SendOrganizationDigestsPayload } from '@second-look/contracts';
import { DEFAULT_DIGEST_HOUR, digestDay, digestSelection, minuteOfDayInZone } from '@second-look/domain';
import { UserAccount } from '@second-look/server-identity';
import { EffectLedger, EffectNoLongerApplies, JobOutcome, messageIdFor } from '@second-look/server-jobs';
import { APP_CONFIG, AppConfig, Clock } from '@second-look/server-platform';
import { Queue } from 'bullmq';
import { DataSource, In, IsNull } from 'typeorm';
import { Mailer } from './mailer';
import { digestEmail } from './notification-email.template';
import { Notification } from './notification.entity';
import { preferencesOf } from './notification-preference.service';
import { recipientLanguage } from './recipient-language';
import { EmailJobOutcome, sendableAt } from './send-notification-email.job';

/**
 * Daily digests, in three steps so each retries on its own and fans out per organization:
 * 1. an hourly BullMQ job scheduler (one for the whole system, upserted when a worker starts,
 *    so replicas share it) runs FAN_OUT_DAILY_DIGESTS, which starts today's digests of every
 *    organization whose local digest hour has come (once per local day: deterministic job id);
 * 2. SEND_ORGANIZATION_DIGESTS adds one e-mail job per person with something to list;
 * 3. SEND_DIGEST_EMAIL sends that person's e-mail once (EffectLedger) and marks what it listed.
 * Job ids carry the organization's local date, so a re-run the same day adds nothing new.
 */
@Injectable()
export class DailyDigestJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger(DailyDigestJobs.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.REMINDERS) private readonly reminders: Queue,
    @InjectQueue(QueueName.EMAIL) private readonly email: Queue,
    private readonly mailer: Mailer,
    private readonly ledger: EffectLedger,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (process.env.DIGEST_SCHEDULER === 'off') return;
    // Hourly on the hour: each organization's digest hour comes round once a day in its own zone.
    await this.reminders.upsertJobScheduler(jobIds.dailyDigestScheduler(), { pattern: '0 * * * *' }, { name: JobName.FAN_OUT_DAILY_DIGESTS, data: {} });
  }

  /** Step 1. Returns how many organizations it started. */
  async fanOut(): Promise<number> {
    const now = this.clock.now();
    // One query for every organization's zone and digest hour (no settings row: the default hour).
    const orgs: { id: string; time_zone: string; digest_hour: number | null }[] = await this.dataSource.query(
      `SELECT o.id, o.time_zone, s.digest_hour FROM organization o LEFT JOIN organization_reminder_settings s ON s.organization_id = o.id ORDER BY o.id`,
    );
    const due: SendOrganizationDigestsPayload[] = [];
    for (const org of orgs) {
      const hour = org.digest_hour ?? DEFAULT_DIGEST_HOUR;
      // At or after the digest hour, not only at it: a worker that was down at 08:00 still sends
      // today's digest at its next tick. The job id is per local day, so later ticks add nothing.
      try {
        if (Math.floor(minuteOfDayInZone(now, org.time_zone) / 60) >= hour) due.push({ organizationId: org.id, on: digestDay(now, org.time_zone) });
      } catch (e) {
        // One organization's broken zone must not stop everyone else's digest.
        this.logger.error(`organization ${org.id}: no digest, time zone "${org.time_zone}" unusable (${(e as Error).message})`);
      }
    }
    if (due.length) await this.reminders.addBulk(due.map((p) => ({ name: JobName.SEND_ORGANIZATION_DIGESTS, data: { ...p }, opts: { jobId: jobIds.organizationDigests(p.organizationId, p.on) } })));
    return due.length;
  }

  /** Step 2. One job per person of the organization who has unread, un-mailed notifications. */
  async organization(p: SendOrganizationDigestsPayload): Promise<JobOutcome> {
    const rows: { user_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT n.user_id FROM notification n JOIN app_user u ON u.id = n.user_id AND u.deactivated_at IS NULL
        WHERE n.organization_id = $1 AND n.read_at IS NULL AND n.digested_at IS NULL AND n.emailed_at IS NULL`,
      [p.organizationId],
    );
    if (!rows.length) return 'no-longer-applies';
    await this.email.addBulk(
      rows.map((r) => ({ name: JobName.SEND_DIGEST_EMAIL, data: { userId: r.user_id, on: p.on } satisfies SendDigestEmailPayload, opts: { jobId: jobIds.digestEmail(r.user_id, p.on) } })),
    );
    this.logger.log(`organization ${p.organizationId}: ${rows.length} digest(s) queued for ${p.on}`);
    return 'done';
  }

  /** Step 3. One person's digest for one day. */
  async send(p: SendDigestEmailPayload): Promise<EmailJobOutcome> {
    const key = jobIds.digestEmail(p.userId, p.on);
    const m = this.dataSource.manager;
    const user = await m.findOneBy(UserAccount, { id: p.userId, deactivatedAt: IsNull() });
    if (!user) return 'no-longer-applies';
    const now = this.clock.now();
    const at = await sendableAt(m, user.id, user.organizationId, now);
    if (at > now) return { heldUntil: at };

    const outcome = await this.ledger.once(key, { jobName: JobName.SEND_DIGEST_EMAIL, organizationId: user.organizationId }, async (tx) => {
      const prefs = (await preferencesOf(tx, [user.id])).get(user.id)!;
      const candidates = await tx.find(Notification, { where: { userId: user.id, readAt: IsNull(), digestedAt: IsNull(), emailedAt: IsNull() }, order: { createdAt: 'ASC' }, take: 500 });
      const { items, more } = digestSelection(candidates, prefs, now);
      if (!items.length) throw new EffectNoLongerApplies('nothing to list');
      const base = this.config.publicUrl.replace(/\/$/, '');
      // One digest, one language: the person's own (for a patient, the case's if they chose none).
      const language = await recipientLanguage(tx, user.id, items[0]?.caseId ?? null);
      await this.mailer.send({
        to: user.email,
        messageId: messageIdFor(key),
        ...digestEmail({
          language,
          items: items.map((n) => ({ kind: n.kind, dueOn: n.dueOn, caseLink: n.caseId ? `${base}/cases/${n.caseId}` : `${base}/notifications` })),
          more,
          listLink: `${base}/notifications`,
          settingsLink: `${base}/notifications/settings`,
        }),
      });
      await tx.update(Notification, { id: In(items.map((n) => n.id)) }, { digestedAt: now });
      return items.length;
    });
    if (!outcome.done) return outcome.reason === 'already-done' ? 'already-sent' : 'no-longer-applies';
    this.logger.log(`digest for ${user.id} on ${p.on}: ${outcome.result} item(s)`);
    return 'sent';
  }
}
