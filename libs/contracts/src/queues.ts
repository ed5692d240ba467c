/** Every BullMQ queue, by name. Both the API (producer) and the worker (consumer) import these. */
export enum QueueName {
  EMAIL = 'email',
}

export enum JobName {
  SEND_INVITATION_EMAIL = 'send-invitation-email',
}

export interface SendInvitationEmailPayload {
  invitationId: string;
}

/** Deterministic job ids: enqueueing the same work twice yields one job. */
export const jobIds = {
  // BullMQ job ids may not contain ":".
  invitationEmail: (invitationId: string) => `invitation-email.${invitationId}`,
};
