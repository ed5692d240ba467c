import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  FactorChange,
  JobName,
  jobIds,
  QueueName,
  SendFactorChangedEmailPayload,
  SendInvitationEmailPayload,
  SendNewDeviceEmailPayload,
  SendPasswordResetEmailPayload,
  SendSignUpEmailPayload,
} from '@second-look/contracts';
import { EntityManager } from 'typeorm';
import { OutboxService } from './outbox/outbox.service';

/**
 * E-mail work, written to the outbox inside the caller's transaction. Payloads carry ids only;
 * the worker re-reads the row when it runs (and mints any link token there).
 */
@Injectable()
export class EmailJobs {
  constructor(private readonly outbox: OutboxService) {}

  async sendInvitation(manager: EntityManager, invitationId: string): Promise<void> {
    await this.sendInvitations(manager, [invitationId]);
  }

  /** sendInvitation for many invitations (a client import's): one outbox statement. */
  async sendInvitations(manager: EntityManager, invitationIds: readonly string[]): Promise<void> {
    await this.outbox.add(
      manager,
      invitationIds.map((invitationId) => {
        const payload: SendInvitationEmailPayload = { invitationId };
        return { queue: QueueName.EMAIL, jobName: JobName.SEND_INVITATION_EMAIL, jobId: jobIds.invitationEmail(invitationId), payload: { ...payload } };
      }),
    );
  }

  /** "Forgot your password?": the link to set a new one. */
  async sendPasswordReset(manager: EntityManager, resetId: string): Promise<void> {
    const payload: SendPasswordResetEmailPayload = { resetId };
    await this.add(manager, JobName.SEND_PASSWORD_RESET_EMAIL, jobIds.passwordResetEmail(resetId), payload);
  }

  /** "Your password was changed", once per completed reset. */
  async sendPasswordChanged(manager: EntityManager, resetId: string): Promise<void> {
    const payload: SendPasswordResetEmailPayload = { resetId };
    await this.add(manager, JobName.SEND_PASSWORD_CHANGED_EMAIL, jobIds.passwordChangedEmail(resetId), payload);
  }

  /** The worker decides what to send: the finishing link, or a note to an existing account's owner. */
  async sendSignUp(manager: EntityManager, signUpId: string): Promise<void> {
    const payload: SendSignUpEmailPayload = { signUpId };
    await this.add(manager, JobName.SEND_SIGN_UP_EMAIL, jobIds.signUpEmail(signUpId), payload);
  }

  /** "A new browser signed in to your account". */
  async sendNewDevice(manager: EntityManager, userId: string, deviceHash: string): Promise<void> {
    const payload: SendNewDeviceEmailPayload = { userId, deviceHash };
    await this.add(manager, JobName.SEND_NEW_DEVICE_EMAIL, jobIds.newDeviceEmail(userId, deviceHash), payload);
  }

  /** "Your sign-in steps changed": each change once, to the person whose account it is. */
  async sendFactorChanged(manager: EntityManager, userId: string, change: FactorChange): Promise<void> {
    const payload: SendFactorChangedEmailPayload = { userId, change, changeId: randomUUID() };
    await this.add(manager, JobName.SEND_FACTOR_CHANGED_EMAIL, jobIds.factorChangedEmail(payload.changeId), payload);
  }

  private add(manager: EntityManager, jobName: JobName, jobId: string, payload: object): Promise<void> {
    return this.outbox.add(manager, { queue: QueueName.EMAIL, jobName, jobId, payload: { ...payload } });
  }
}
