import { Injectable } from '@nestjs/common';
import { JobName, jobIds, QueueName, SendInvitationEmailPayload } from '@second-look/contracts';
import { EntityManager } from 'typeorm';
import { OutboxService } from './outbox/outbox.service';

/** E-mail work, written to the outbox inside the caller's transaction. */
@Injectable()
export class EmailJobs {
  constructor(private readonly outbox: OutboxService) {}

  /** Payload carries the id only; the worker re-reads the invitation when it runs. */
  async sendInvitation(manager: EntityManager, invitationId: string): Promise<void> {
    const payload: SendInvitationEmailPayload = { invitationId };
    await this.outbox.add(manager, { queue: QueueName.EMAIL, jobName: JobName.SEND_INVITATION_EMAIL, jobId: jobIds.invitationEmail(invitationId), payload: { ...payload } });
  }
}
