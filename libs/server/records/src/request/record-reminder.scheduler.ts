import { Injectable } from '@nestjs/common';
import { JobName, jobIds, QueueName, SendRecordRequestReminderPayload } from '@second-look/contracts';
import { CalendarDate, recordRequestReminders, reminderFireAt, todayInZone } from '@second-look/domain';
import { OutboxService } from '@second-look/server-jobs';
import { Clock } from '@second-look/server-platform';
import { EntityManager } from 'typeorm';
import { organizationTiming, OrganizationTiming } from '../reminder-settings/reminder-settings.service';
import { RecordRequest } from './record-request.entity';

/**
 * Writes a request's reminders to the outbox in the caller's transaction, each as a delayed
 * job at the start of the organisation's working day (in its zone) on the reminder's date,
 * or the next working time after it: nobody is chased at night or on a weekend. The days
 * come from the organisation's reminder settings. Rescheduling (an extension, new settings)
 * adds jobs for the new dates; the old ones find they no longer apply and do nothing.
 */
@Injectable()
export class RecordReminderScheduler {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async schedule(m: EntityManager, request: RecordRequest, timing?: OrganizationTiming): Promise<number> {
    if (request.completedOn) return 0;
    const t = timing ?? (await organizationTiming(m, request.organizationId));
    const now = this.clock.now();
    const today = todayInZone(now, t.workingHours.timeZone);
    const dates = { sentOn: request.sentOn as CalendarDate, planTargetOn: request.planTargetOn as CalendarDate, legalDueOn: request.legalDueOn as CalendarDate };
    const reminders = recordRequestReminders(dates, today, t.reminders);
    await this.outbox.add(
      m,
      reminders.map((r) => {
        const payload: SendRecordRequestReminderPayload = { requestId: request.id, kind: r.kind, on: r.on };
        return {
          queue: QueueName.REMINDERS,
          jobName: JobName.SEND_RECORD_REQUEST_REMINDER,
          jobId: jobIds.recordReminder(request.id, r.kind, r.on),
          payload: { ...payload },
          runAt: reminderFireAt(r.on, now, t.workingHours),
        };
      }),
    );
    return reminders.length;
  }
}
