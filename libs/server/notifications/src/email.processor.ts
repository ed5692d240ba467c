import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobName, QueueName, SendInvitationEmailPayload } from '@second-look/contracts';
import { Job, UnrecoverableError } from 'bullmq';
import { SendInvitationEmailJob } from './send-invitation-email.job';

/** The e-mail queue's consumer: dispatches each job by name to the class that does it. */
@Processor(QueueName.EMAIL, { concurrency: 4 })
export class EmailProcessor extends WorkerHost {
  constructor(private readonly invitationEmail: SendInvitationEmailJob) {
    super();
  }

  async process(job: Job): Promise<string> {
    switch (job.name as JobName) {
      case JobName.SEND_INVITATION_EMAIL:
        return this.invitationEmail.run(job.data as SendInvitationEmailPayload);
      default:
        throw new UnrecoverableError(`Unknown job ${job.name}`);
    }
  }
}
