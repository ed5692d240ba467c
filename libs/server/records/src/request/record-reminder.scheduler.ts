import { Injectable } from '@nestjs/common';
import { JobName, jobIds, QueueName, SendRecordRequestReminderPayload } from '@second-look/contracts';
import { CalendarDate, recordRequestReminders, todayInZone, zonedDateTimeToInstant, DEFAULT_RECORD_REMINDER_SETTINGS } from '@second-look/domain';
import { Organization } from '@second-look/server-identity';
import { OutboxService } from '@second-look/server-jobs';
import { Clock } from '@second-look/server-platform';
import { EntityManager } from 'typeorm';
import { RecordRequest } from './record-request.entity';

/**
 * Writes a request's reminders to the outbox in the caller's transaction, each as a delayed
 * job at the reminder hour in the organisation's time zone. Rescheduling after an extension
 * adds jobs for the new dates; the old ones find their date no longer applies and do nothing.
 */
@Injectable()
export class RecordReminderScheduler {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async schedule(m: EntityManager, request: RecordRequest): Promise<number> {
    if (request.completedOn) return 0;
    const org = await m.findOneByOrFail(Organization, { id: request.organizationId });
    const today = todayInZone(this.clock.now(), org.timeZone);
    const reminders = recordRequestReminders({ planTargetOn: request.planTargetOn as CalendarDate, legalDueOn: request.legalDueOn as CalendarDate }, today);
    await this.outbox.add(
      m,
      reminders.map((r) => {
        const payload: SendRecordRequestReminderPayload = { requestId: request.id, kind: r.kind, on: r.on };
        return {
          queue: QueueName.REMINDERS,
          jobName: JobName.SEND_RECORD_REQUEST_REMINDER,
          jobId: jobIds.recordReminder(request.id, r.kind, r.on),
          payload: { ...payload },
          runAt: zonedDateTimeToInstant(r.on, DEFAULT_RECORD_REMINDER_SETTINGS.hour, 0, org.timeZone),
        };
      }),
    );
    return reminders.length;
  }
}
