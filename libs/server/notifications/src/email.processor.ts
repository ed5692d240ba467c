import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobName, QueueName } from '@second-look/contracts';
import { dispatchTypedJob, JobOutcome, JobTenantScope, WORKER_SETTINGS } from '@second-look/server-jobs';
import { DelayedError, Job } from 'bullmq';
import { DailyDigestJobs } from './daily-digest.jobs';
import { SendAccountEmailJobs } from './send-account-email.jobs';
import { SendInvitationEmailJob } from './send-invitation-email.job';
import { EmailJobOutcome, isHeld, SendNotificationEmailJob } from './send-notification-email.job';

/** The e-mail queue's consumer: dispatches each job by name to the class that does it. */
@Processor(QueueName.EMAIL, { concurrency: 4, ...WORKER_SETTINGS })
export class EmailProcessor extends WorkerHost {
  constructor(
    private readonly invitationEmail: SendInvitationEmailJob,
    private readonly notificationEmail: SendNotificationEmailJob,
    private readonly digests: DailyDigestJobs,
    private readonly accountEmails: SendAccountEmailJobs,
    private readonly scope: JobTenantScope,
  ) {
    super();
  }

  async process(job: Job, token?: string): Promise<string> {
    const hold = async (o: EmailJobOutcome): Promise<JobOutcome> => {
      if (!isHeld(o)) return o;
      // Quiet hours: back to the delayed set until they end, without using up an attempt.
      await job.moveToDelayed(o.heldUntil.getTime(), token);
      throw new DelayedError();
    };
    // Row-level security: the job's statements see the organization its payload names.
    return this.scope.run(job.data, () =>
      dispatchTypedJob(job, {
        [JobName.SEND_INVITATION_EMAIL]: (d) => this.invitationEmail.run(d),
        [JobName.SEND_NOTIFICATION_EMAIL]: async (d) => hold(await this.notificationEmail.run(d)),
        [JobName.SEND_DIGEST_EMAIL]: async (d) => hold(await this.digests.send(d)),
        [JobName.SEND_PASSWORD_RESET_EMAIL]: (d) => this.accountEmails.passwordReset(d),
        [JobName.SEND_PASSWORD_CHANGED_EMAIL]: (d) => this.accountEmails.passwordChanged(d),
        [JobName.SEND_SIGN_UP_EMAIL]: (d) => this.accountEmails.signUp(d),
        [JobName.SEND_NEW_DEVICE_EMAIL]: (d) => this.accountEmails.newDevice(d),
        [JobName.SEND_FACTOR_CHANGED_EMAIL]: (d) => this.accountEmails.factorChanged(d),
      }),
    );
  }
}
