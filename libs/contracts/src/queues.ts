/** Every BullMQ queue, by name. Both the API (producer) and the worker (consumer) import these. */
export enum QueueName {
  EMAIL = 'email',
  REMINDERS = 'reminders',
}

export enum JobName {
  SEND_INVITATION_EMAIL = 'send-invitation-email',
  SEND_RECORD_REQUEST_REMINDER = 'send-record-request-reminder',
}

/** Ids and the reminder's identity only; the job re-reads the request and decides if it still applies. */
export interface SendRecordRequestReminderPayload {
  requestId: string;
  /** RecordReminderKind */
  kind: string;
  /** The calendar date the reminder was scheduled for. */
  on: string;
}

export interface SendInvitationEmailPayload {
  invitationId: string;
}

/** Deterministic job ids: enqueueing the same work twice yields one job. */
export const jobIds = {
  // BullMQ job ids may not contain ":".
  invitationEmail: (invitationId: string) => `invitation-email.${invitationId}`,
  /** One per request, kind and date: an extension schedules new dates, never the same job twice. */
  recordReminder: (requestId: string, kind: string, on: string) => `record-reminder.${requestId}.${kind}.${on}`,
};
