/** Every BullMQ queue, by name. Both the API (producer) and the worker (consumer) import these. */
export enum QueueName {
  EMAIL = 'email',
  REMINDERS = 'reminders',
}

export enum JobName {
  SEND_INVITATION_EMAIL = 'send-invitation-email',
  SEND_RECORD_REQUEST_REMINDER = 'send-record-request-reminder',
  /** One e-mail for one in-app notification (EMAIL queue). */
  SEND_NOTIFICATION_EMAIL = 'send-notification-email',
  /** Repeatable (job scheduler, hourly): starts the daily digest of each organisation whose digest hour it is (REMINDERS queue). */
  FAN_OUT_DAILY_DIGESTS = 'fan-out-daily-digests',
  /** One organisation's digests for one day: one e-mail job per person (REMINDERS queue). */
  SEND_ORGANIZATION_DIGESTS = 'send-organization-digests',
  /** One person's daily digest e-mail (EMAIL queue). */
  SEND_DIGEST_EMAIL = 'send-digest-email',
  /** An admin changed the reminder settings: re-plan every open request's reminders (REMINDERS queue). */
  RESCHEDULE_ORGANIZATION_REMINDERS = 'reschedule-organization-reminders',
  /** One reminder (or coverage flag) of one appointment (REMINDERS queue). */
  SEND_APPOINTMENT_REMINDER = 'send-appointment-reminder',
  /** "Forgot your password?": the link to set a new one (EMAIL queue). */
  SEND_PASSWORD_RESET_EMAIL = 'send-password-reset-email',
  /** After a reset: "your password was changed" (EMAIL queue). */
  SEND_PASSWORD_CHANGED_EMAIL = 'send-password-changed-email',
  /** A sign-up: the link that finishes it, or a note to the owner of an existing account (EMAIL queue). */
  SEND_SIGN_UP_EMAIL = 'send-sign-up-email',
  /** A sign-in from a browser the person had not used before (EMAIL queue). */
  SEND_NEW_DEVICE_EMAIL = 'send-new-device-email',
}

export interface SendNotificationEmailPayload {
  notificationId: string;
}

export interface SendOrganizationDigestsPayload {
  organizationId: string;
  /** The digest's calendar day in the organisation's zone. */
  on: string;
}

export interface RescheduleOrganizationRemindersPayload {
  organizationId: string;
}

export interface SendDigestEmailPayload {
  userId: string;
  on: string;
}

/** Ids and the reminder's identity only; the job re-reads the request and decides if it still applies. */
export interface SendRecordRequestReminderPayload {
  requestId: string;
  /** RecordReminderKind */
  kind: string;
  /** The calendar date the reminder was scheduled for. */
  on: string;
}

/** Ids and the reminder's identity only; the job re-reads the appointment and decides if it still applies. */
export interface SendAppointmentReminderPayload {
  appointmentId: string;
  /** AppointmentReminderKind */
  kind: string;
  /** The calendar date the reminder was planned for (for flags: the visit's date). */
  on: string;
  /** What else makes the work distinct (a pre-authorisation flag raised by a logged call: the call's id). */
  ref?: string;
}

export interface SendInvitationEmailPayload {
  invitationId: string;
}

export interface SendPasswordResetEmailPayload {
  resetId: string;
}

export interface SendSignUpEmailPayload {
  signUpId: string;
}

/** One browser newly known for one person: the device cookie's hash names it. */
export interface SendNewDeviceEmailPayload {
  userId: string;
  deviceHash: string;
}

/** Deterministic job ids: enqueueing the same work twice yields one job. */
export const jobIds = {
  // BullMQ job ids may not contain ":".
  invitationEmail: (invitationId: string) => `invitation-email.${invitationId}`,
  passwordResetEmail: (resetId: string) => `password-reset-email.${resetId}`,
  passwordChangedEmail: (resetId: string) => `password-changed-email.${resetId}`,
  signUpEmail: (signUpId: string) => `sign-up-email.${signUpId}`,
  newDeviceEmail: (userId: string, deviceHash: string) => `new-device-email.${userId}.${deviceHash}`,
  /** One per request, kind and date: an extension schedules new dates, never the same job twice. */
  recordReminder: (requestId: string, kind: string, on: string) => `record-reminder.${requestId}.${kind}.${on}`,
  /** One per appointment, kind and date: a moved visit gets new ids, never the same job twice. */
  appointmentReminder: (appointmentId: string, kind: string, on: string, ref?: string) => `appointment-reminder.${appointmentId}.${kind}.${on}${ref ? `.${ref}` : ''}`,
  notificationEmail: (notificationId: string) => `notification-email.${notificationId}`,
  /** The id of the repeatable job scheduler that starts digests. */
  dailyDigestScheduler: () => 'daily-digests',
  organizationDigests: (organizationId: string, on: string) => `digests.${organizationId}.${on}`,
  digestEmail: (userId: string, on: string) => `digest-email.${userId}.${on}`,
  /** One per change of settings (the change's time), so two quick changes each re-plan. */
  rescheduleOrganizationReminders: (organizationId: string, changedAtMs: number) => `reminder-settings.${organizationId}.${changedAtMs}`,
};
