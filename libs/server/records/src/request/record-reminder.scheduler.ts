import { Injectable } from '@nestjs/common';
import { JobName, jobIds, QueueName, SendRecordRequestReminderPayload } from '@second-look/contracts';
import { CalendarDate, recordRequestReminders, reminderFireAt, todayInZone } from '@second-look/domain';
import { OutboxEntry, OutboxService } from '@second-look/server-jobs';
import { Clock } from '@second-look/server-platform';
import { EntityManager } from 'typeorm';
import { organizationTiming, OrganizationTiming } from '../reminder-settings/reminder-settings.service';
import { RecordRequest } from './record-request.entity';

/**
 * Writes a request's reminders to the outbox in the caller's transaction, each as a delayed
 * job at the start of the organization's working day (in its zone) on the reminder's date,
 * or the next working time after it: nobody is chased at night or on a weekend. The days
 * come from the organization's reminder settings. Rescheduling (an extension, new settings)
 * adds jobs for the new dates; the old ones find they no longer apply and do nothing.
 * Every job carries the request as its outbox subject, so `cancel` (records received, case
 * closed) and `reschedule` (dates moved) take the pending ones out of Redis, and reconcile
 * and the nightly re-scan can rebuild them.
 */
@Injectable()
export class RecordReminderScheduler {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /** The reminder jobs a request should have from now on (nothing for a completed request). */
  async plan(m: EntityManager, request: RecordRequest, timing?: OrganizationTiming): Promise<OutboxEntry[]> {
    if (request.completedOn) return [];
    const t = timing ?? (await organizationTiming(m, request.organizationId));
    const now = this.clock.now();
    const today = todayInZone(now, t.workingHours.timeZone);
    const dates = { sentOn: request.sentOn as CalendarDate, planTargetOn: request.planTargetOn as CalendarDate, legalDueOn: request.legalDueOn as CalendarDate };
    return recordRequestReminders(dates, today, t.reminders, t.workingHours.days).map((r) => {
      const payload: SendRecordRequestReminderPayload = { requestId: request.id, kind: r.kind, on: r.on };
      return {
        queue: QueueName.REMINDERS,
        jobName: JobName.SEND_RECORD_REQUEST_REMINDER,
        jobId: jobIds.recordReminder(request.id, r.kind, r.on),
        payload: { ...payload },
        runAt: reminderFireAt(r.on, now, t.workingHours),
        subjectId: request.id,
      };
    });
  }

  async schedule(m: EntityManager, request: RecordRequest, timing?: OrganizationTiming): Promise<number> {
    const entries = await this.plan(m, request, timing);
    await this.outbox.add(m, entries);
    return entries.length;
  }

  /** Cancels the pending reminders, then schedules what the request's dates say now. */
  async reschedule(m: EntityManager, request: RecordRequest, timing?: OrganizationTiming): Promise<number> {
    await this.cancel(m, [request.id]);
    return this.schedule(m, request, timing);
  }

  /** Cancels every pending reminder of these requests (records received, case closed). */
  cancel(m: EntityManager, requestIds: string[]): Promise<number> {
    return this.outbox.cancelPending(m, QueueName.REMINDERS, requestIds);
  }
}
