import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobName, QueueName, RescheduleOrganizationRemindersPayload, SendAppointmentReminderPayload, SendOrganizationDigestsPayload, SendRecordRequestReminderPayload } from '@second-look/contracts';
import { AppointmentReminderRescheduler } from '@second-look/server-appointments';
import { dispatchJob, WORKER_SETTINGS } from '@second-look/server-jobs';
import { OrganizationReminderRescheduler } from '@second-look/server-records';
import { Job } from 'bullmq';
import { DailyDigestJobs } from './daily-digest.jobs';
import { SendAppointmentReminderJob } from './send-appointment-reminder.job';
import { SendRecordRequestReminderJob } from './send-record-request-reminder.job';

@Processor(QueueName.REMINDERS, { concurrency: 4, ...WORKER_SETTINGS })
export class ReminderProcessor extends WorkerHost {
  constructor(
    private readonly recordReminder: SendRecordRequestReminderJob,
    private readonly digests: DailyDigestJobs,
    private readonly rescheduler: OrganizationReminderRescheduler,
    private readonly appointmentReminder: SendAppointmentReminderJob,
    private readonly appointmentRescheduler: AppointmentReminderRescheduler,
  ) {
    super();
  }

  async process(job: Job): Promise<string> {
    return dispatchJob(job, {
      [JobName.SEND_RECORD_REQUEST_REMINDER]: (d) => this.recordReminder.run(d as SendRecordRequestReminderPayload),
      [JobName.SEND_APPOINTMENT_REMINDER]: (d) => this.appointmentReminder.run(d as SendAppointmentReminderPayload),
      [JobName.FAN_OUT_DAILY_DIGESTS]: async () => `started ${await this.digests.fanOut()} organisation(s)`,
      [JobName.SEND_ORGANIZATION_DIGESTS]: (d) => this.digests.organization(d as SendOrganizationDigestsPayload),
      [JobName.RESCHEDULE_ORGANIZATION_REMINDERS]: async (d) => {
        const { organizationId } = d as RescheduleOrganizationRemindersPayload;
        // New working days, or new appointment distances, move appointment reminders too.
        return `${await this.rescheduler.run(organizationId)} request(s) and ${await this.appointmentRescheduler.run(organizationId)} appointment(s) re-planned`;
      },
    });
  }
}
