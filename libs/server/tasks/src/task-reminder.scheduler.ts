import { Injectable } from '@nestjs/common';
import { JobName, jobIds, QueueName, SendTaskReminderPayload } from '@second-look/contracts';
import { CalendarDate, reminderFireAt, taskReminderDue, todayInZone } from '@second-look/domain';
import { OutboxService } from '@second-look/server-jobs';
import { Clock } from '@second-look/server-platform';
import { organizationTiming } from '@second-look/server-records';
import { EntityManager } from 'typeorm';
import { CaseTask } from './case-task.entity';

/**
 * Writes a task's one reminder to the outbox in the caller's transaction (docs/architecture.md,
 * "A reminder kind"), as a delayed job at the start of the organization's working day on the
 * reminder date. The task is the outbox subject, so ticking it done, moving the date or
 * removing it takes the pending job out; a job that runs anyway finds it no longer applies.
 */
@Injectable()
export class TaskReminderScheduler {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async reschedule(m: EntityManager, task: CaseTask): Promise<number> {
    await this.cancel(m, [task.id]);
    const t = await organizationTiming(m, task.organizationId);
    const now = this.clock.now();
    const on = taskReminderDue({ remindOn: task.remindOn as CalendarDate | null, doneAt: task.doneAt }, todayInZone(now, t.workingHours.timeZone));
    if (!on) return 0;
    const payload: SendTaskReminderPayload = { taskId: task.id, on };
    await this.outbox.add(m, {
      queue: QueueName.REMINDERS,
      jobName: JobName.SEND_TASK_REMINDER,
      jobId: jobIds.taskReminder(task.id, on),
      payload: { ...payload },
      runAt: reminderFireAt(on, now, t.workingHours),
      subjectId: task.id,
    });
    return 1;
  }

  cancel(m: EntityManager, taskIds: string[]): Promise<number> {
    return this.outbox.cancelPending(m, QueueName.REMINDERS, taskIds);
  }
}
