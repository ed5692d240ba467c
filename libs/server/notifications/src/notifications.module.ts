import { Module } from '@nestjs/common';
import { AppointmentsJobsModule } from '@second-look/server-appointments';
import { JobsModule, OutboxRelay } from '@second-look/server-jobs';
import { ClockModule } from '@second-look/server-platform';
import { OrganizationReminderRescheduler, RecordsJobsModule } from '@second-look/server-records';
import { DailyDigestJobs } from './daily-digest.jobs';
import { EmailProcessor } from './email.processor';
import { Mailer } from './mailer';
import { NotificationDispatcher } from './notification-dispatcher';
import { ReminderProcessor } from './reminder.processor';
import { SendAccountEmailJobs } from './send-account-email.jobs';
import { SendInvitationEmailJob } from './send-invitation-email.job';
import { SendNotificationEmailJob } from './send-notification-email.job';
import { SendAppointmentReminderJob } from './send-appointment-reminder.job';
import { SendRecordRequestReminderJob } from './send-record-request-reminder.job';
import { SendTaskReminderJob } from './send-task-reminder.job';

/** Worker side: the outbox relay and the consumers of the e-mail and reminder queues. */
@Module({
  imports: [JobsModule, ClockModule, RecordsJobsModule, AppointmentsJobsModule],
  providers: [
    Mailer,
    NotificationDispatcher,
    OrganizationReminderRescheduler,
    SendInvitationEmailJob,
    SendAccountEmailJobs,
    SendNotificationEmailJob,
    DailyDigestJobs,
    EmailProcessor,
    SendRecordRequestReminderJob,
    SendAppointmentReminderJob,
    SendTaskReminderJob,
    ReminderProcessor,
    OutboxRelay,
  ],
  exports: [SendInvitationEmailJob, SendAccountEmailJobs, SendRecordRequestReminderJob, SendAppointmentReminderJob, SendTaskReminderJob, SendNotificationEmailJob, DailyDigestJobs],
})
export class NotificationsWorkerModule {}
