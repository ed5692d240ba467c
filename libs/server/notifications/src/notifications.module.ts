import { Module } from '@nestjs/common';
import { JobsModule, OutboxRelay } from '@second-look/server-jobs';
import { EmailProcessor } from './email.processor';
import { Mailer } from './mailer';
import { ReminderProcessor } from './reminder.processor';
import { SendInvitationEmailJob } from './send-invitation-email.job';
import { SendRecordRequestReminderJob } from './send-record-request-reminder.job';

/** Worker side: the outbox relay and the consumers of the e-mail queue. */
@Module({ imports: [JobsModule], providers: [Mailer, SendInvitationEmailJob, EmailProcessor, SendRecordRequestReminderJob, ReminderProcessor, OutboxRelay], exports: [SendInvitationEmailJob, SendRecordRequestReminderJob] })
export class NotificationsWorkerModule {}
