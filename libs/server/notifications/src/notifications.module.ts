import { Module } from '@nestjs/common';
import { JobsModule, OutboxRelay } from '@second-look/server-jobs';
import { EmailProcessor } from './email.processor';
import { Mailer } from './mailer';
import { SendInvitationEmailJob } from './send-invitation-email.job';

/** Worker side: the outbox relay and the consumers of the e-mail queue. */
@Module({ imports: [JobsModule], providers: [Mailer, SendInvitationEmailJob, EmailProcessor, OutboxRelay], exports: [SendInvitationEmailJob] })
export class NotificationsWorkerModule {}
