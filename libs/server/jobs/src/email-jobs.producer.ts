import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JobName, jobIds, QueueName, SendInvitationEmailPayload } from '@second-look/contracts';
import { Queue } from 'bullmq';

@Injectable()
export class EmailJobs {
  constructor(@InjectQueue(QueueName.EMAIL) private readonly queue: Queue) {}

  /** Payload carries the id only; the worker re-reads the invitation when it runs. */
  async sendInvitation(invitationId: string): Promise<void> {
    const payload: SendInvitationEmailPayload = { invitationId };
    await this.queue.add(JobName.SEND_INVITATION_EMAIL, payload, { jobId: jobIds.invitationEmail(invitationId) });
  }
}
