import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobName, QueueName } from '@second-look/contracts';
import { AppointmentReminderRescheduler } from '@second-look/server-appointments';
import { dispatchTypedJob, JobTenantScope, WORKER_SETTINGS } from '@second-look/server-jobs';
import { OrganizationReminderRescheduler } from '@second-look/server-records';
import { Job } from 'bullmq';
import { DailyDigestJobs } from './daily-digest.jobs';
import { SendAppointmentReminderJob } from './send-appointment-reminder.job';
import { SendRecordRequestReminderJob } from './send-record-request-reminder.job';
import { SendTaskReminderJob } from './send-task-reminder.job';

@Processor(QueueName.REMINDERS, { concurrency: 4, ...WORKER_SETTINGS })
export class ReminderProcessor extends WorkerHost {
  constructor(
    private readonly recordReminder: SendRecordRequestReminderJob,
    private readonly digests: DailyDigestJobs,
    private readonly rescheduler: OrganizationReminderRescheduler,
    private readonly appointmentReminder: SendAppointmentReminderJob,
    private readonly appointmentRescheduler: AppointmentReminderRescheduler,
    private readonly taskReminder: SendTaskReminderJob,
    private readonly scope: JobTenantScope,
  ) {
    super();
  }

  async process(job: Job): Promise<string> {
    // Row-level security: the job's statements see the organization its payload names.
    return this.scope.run(job.data, () => this.dispatch(job));
  }

  private dispatch(job: Job): Promise<string> {
    return dispatchTypedJob(job, {
      [JobName.SEND_RECORD_REQUEST_REMINDER]: (d) => this.recordReminder.run(d),
      [JobName.SEND_APPOINTMENT_REMINDER]: (d) => this.appointmentReminder.run(d),
      [JobName.SEND_TASK_REMINDER]: (d) => this.taskReminder.run(d),
      [JobName.FAN_OUT_DAILY_DIGESTS]: async () => `started ${await this.digests.fanOut()} organization(s)`,
      [JobName.SEND_ORGANIZATION_DIGESTS]: (d) => this.digests.organization(d),
      [JobName.RESCHEDULE_ORGANIZATION_REMINDERS]: async ({ organizationId }) => {
        // New working days, or new appointment distances, move appointment reminders too.
        return `${await this.rescheduler.run(organizationId)} request(s) and ${await this.appointmentRescheduler.run(organizationId)} appointment(s) re-planned`;
      },
    });
  }
}
