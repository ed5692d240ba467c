import { Injectable } from '@nestjs/common';
import { JobName, jobIds, QueueName, SendNotificationEmailPayload } from '@second-look/contracts';
import { EmailMode, emailModeFor, nextSendTime } from '@second-look/domain';
import { OutboxService } from '@second-look/server-jobs';
import { Clock } from '@second-look/server-platform';
import { organizationTiming } from '@second-look/server-records';
import { EntityManager } from 'typeorm';
import { Notification } from './notification.entity';
import { preferencesOf } from './notification-preference.service';

export type NewNotification = Pick<Notification, 'key' | 'organizationId' | 'userId' | 'kind' | 'caseId' | 'recordRequestId' | 'dueOn'>;

/**
 * The one way notifications are created: inserts them (a key seen before adds nothing) and,
 * in the same transaction, writes one e-mail job per new notification its recipient wants
 * at once, delayed to the end of their quiet hours when it falls inside them. Digest and
 * "off" notifications get no job: the daily digest finds the former, the latter stay in-app.
 */
@Injectable()
export class NotificationDispatcher {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async create(tx: EntityManager, rows: NewNotification[]): Promise<number> {
    if (!rows.length) return 0;
    const result = await tx.createQueryBuilder().insert().into(Notification).values(rows).orIgnore().returning('id, user_id, kind, organization_id').execute();
    const inserted = (result.raw as { id: string; user_id: string; kind: string; organization_id: string }[]) ?? [];
    if (!inserted.length) return 0;
    const prefs = await preferencesOf(tx, [...new Set(inserted.map((r) => r.user_id))]);
    const zones = new Map<string, string>();
    for (const org of new Set(inserted.map((r) => r.organization_id))) zones.set(org, (await organizationTiming(tx, org)).workingHours.timeZone);
    const now = this.clock.now();
    await this.outbox.add(
      tx,
      inserted
        .filter((r) => emailModeFor(r.kind, prefs.get(r.user_id)!) === EmailMode.IMMEDIATE)
        .map((r) => {
          const payload: SendNotificationEmailPayload = { notificationId: r.id };
          return {
            queue: QueueName.EMAIL,
            jobName: JobName.SEND_NOTIFICATION_EMAIL,
            jobId: jobIds.notificationEmail(r.id),
            payload: { ...payload },
            runAt: nextSendTime(now, prefs.get(r.user_id)!.quietHours, zones.get(r.organization_id)!),
          };
        }),
    );
    return inserted.length;
  }
}
