import { appointmentReminderSpec, recordReminderSpec } from '@second-look/domain';
import { z } from 'zod';

/** Every BullMQ queue, by name. Both the API (producer) and the worker (consumer) import these. */
export enum QueueName {
  EMAIL = 'email',
  REMINDERS = 'reminders',
  /** Long work started by a person (a client import): its own queue, so it never holds up e-mail or reminders. */
  IMPORTS = 'imports',
}

export enum JobName {
  SEND_INVITATION_EMAIL = 'send-invitation-email',
  SEND_RECORD_REQUEST_REMINDER = 'send-record-request-reminder',
  /** One e-mail for one in-app notification (EMAIL queue). */
  SEND_NOTIFICATION_EMAIL = 'send-notification-email',
  /** Repeatable (job scheduler, hourly): starts the daily digest of each organization whose digest hour it is (REMINDERS queue). */
  FAN_OUT_DAILY_DIGESTS = 'fan-out-daily-digests',
  /** One organization's digests for one day: one e-mail job per person (REMINDERS queue). */
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
  /** A second sign-in step was added, removed or reset, or a recovery code used (EMAIL queue). */
  SEND_FACTOR_CHANGED_EMAIL = 'send-factor-changed-email',
  /** A task's reminder, to the person it is given to (REMINDERS queue). */
  SEND_TASK_REMINDER = 'send-task-reminder',
  /** A checked client import: every new client becomes a case, all or nothing (IMPORTS queue; docs/import.md). */
  RUN_CLIENT_IMPORT = 'run-client-import',
}

const id = z.string().min(1);
/** A calendar date, YYYY-MM-DD. */
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date');

/** What changed in a person's second sign-in steps (the e-mail says which). */
const factorChange = z.enum(['TOTP_ADDED', 'PASSKEY_ADDED', 'FACTOR_REMOVED', 'RECOVERY_CODES_NEW', 'RECOVERY_CODE_USED', 'FACTORS_RESET']);

/** Ids and the reminder's identity only; the job re-reads the request and decides if it still applies. */
const recordRequestReminder = z.object({
  requestId: id,
  /** RecordReminderKind */
  kind: z.string().refine((k) => recordReminderSpec(k) !== null, 'not a record reminder kind'),
  /** The calendar date the reminder was scheduled for. */
  on: calendarDate,
});

/** One password reset: its reset link, or the note that the password changed. */
const passwordReset = z.object({ resetId: id });

/**
 * The payload of every job, beside its name: the worker checks each job's data against its
 * schema before running it (dispatchTypedJob in libs/server/jobs), and a payload that does not
 * fit fails at once, without retries. Payloads carry ids and dates only, never patient data.
 */
export const JOB_PAYLOADS = {
  [JobName.SEND_INVITATION_EMAIL]: z.object({ invitationId: id }),
  [JobName.SEND_RECORD_REQUEST_REMINDER]: recordRequestReminder,
  [JobName.SEND_NOTIFICATION_EMAIL]: z.object({ notificationId: id }),
  /** Carries nothing: it reads which organizations' digest hour it is. */
  [JobName.FAN_OUT_DAILY_DIGESTS]: z.unknown(),
  [JobName.SEND_ORGANIZATION_DIGESTS]: z.object({
    organizationId: id,
    /** The digest's calendar day in the organization's zone. */
    on: calendarDate,
  }),
  [JobName.SEND_DIGEST_EMAIL]: z.object({ userId: id, on: calendarDate }),
  [JobName.RESCHEDULE_ORGANIZATION_REMINDERS]: z.object({ organizationId: id }),
  /** Ids and the reminder's identity only; the job re-reads the appointment and decides if it still applies. */
  [JobName.SEND_APPOINTMENT_REMINDER]: z.object({
    appointmentId: id,
    /** AppointmentReminderKind */
    kind: z.string().refine((k) => appointmentReminderSpec(k) !== null, 'not an appointment reminder kind'),
    /** The calendar date the reminder was planned for (for flags: the visit's date). */
    on: calendarDate,
    /** What else makes the work distinct (a prior authorization flag raised by a logged call: the call's id). */
    ref: z.string().optional(),
  }),
  [JobName.SEND_PASSWORD_RESET_EMAIL]: passwordReset,
  [JobName.SEND_PASSWORD_CHANGED_EMAIL]: passwordReset,
  [JobName.SEND_SIGN_UP_EMAIL]: z.object({ signUpId: id }),
  /** One browser newly known for one person: the device cookie's hash names it. */
  [JobName.SEND_NEW_DEVICE_EMAIL]: z.object({ userId: id, deviceHash: id }),
  /** One change, named by its own id so two changes in a row are two e-mails. */
  [JobName.SEND_FACTOR_CHANGED_EMAIL]: z.object({ userId: id, change: factorChange, changeId: id }),
  /** Ids and the reminder's date only; the job re-reads the task and decides if it still applies. */
  [JobName.SEND_TASK_REMINDER]: z.object({
    taskId: id,
    /** The calendar date the reminder was planned for. */
    on: calendarDate,
  }),
  /** The import's id only: its rows wait in its client_import row, never in Redis. */
  [JobName.RUN_CLIENT_IMPORT]: z.object({ importId: id }),
} as const satisfies Record<JobName, z.ZodType>;

/** The data of a job, by its name, as its schema reads it. */
export type JobPayload<N extends JobName> = z.output<(typeof JOB_PAYLOADS)[N]>;

export type SendNotificationEmailPayload = JobPayload<JobName.SEND_NOTIFICATION_EMAIL>;
export type SendOrganizationDigestsPayload = JobPayload<JobName.SEND_ORGANIZATION_DIGESTS>;
export type RescheduleOrganizationRemindersPayload = JobPayload<JobName.RESCHEDULE_ORGANIZATION_REMINDERS>;
export type SendDigestEmailPayload = JobPayload<JobName.SEND_DIGEST_EMAIL>;
export type SendRecordRequestReminderPayload = JobPayload<JobName.SEND_RECORD_REQUEST_REMINDER>;
export type SendAppointmentReminderPayload = JobPayload<JobName.SEND_APPOINTMENT_REMINDER>;
export type SendTaskReminderPayload = JobPayload<JobName.SEND_TASK_REMINDER>;
export type SendInvitationEmailPayload = JobPayload<JobName.SEND_INVITATION_EMAIL>;
export type SendPasswordResetEmailPayload = JobPayload<JobName.SEND_PASSWORD_RESET_EMAIL>;
export type SendSignUpEmailPayload = JobPayload<JobName.SEND_SIGN_UP_EMAIL>;
export type SendNewDeviceEmailPayload = JobPayload<JobName.SEND_NEW_DEVICE_EMAIL>;
export type RunClientImportPayload = JobPayload<JobName.RUN_CLIENT_IMPORT>;
export type FactorChange = z.output<typeof factorChange>;
export type SendFactorChangedEmailPayload = JobPayload<JobName.SEND_FACTOR_CHANGED_EMAIL>;

/** Deterministic job ids: enqueueing the same work twice yields one job. */
export const jobIds = {
  // BullMQ job ids may not contain ":".
  invitationEmail: (invitationId: string) => `invitation-email.${invitationId}`,
  passwordResetEmail: (resetId: string) => `password-reset-email.${resetId}`,
  passwordChangedEmail: (resetId: string) => `password-changed-email.${resetId}`,
  signUpEmail: (signUpId: string) => `sign-up-email.${signUpId}`,
  newDeviceEmail: (userId: string, deviceHash: string) => `new-device-email.${userId}.${deviceHash}`,
  factorChangedEmail: (changeId: string) => `factor-changed-email.${changeId}`,
  /** One per request, kind and date: an extension schedules new dates, never the same job twice. */
  recordReminder: (requestId: string, kind: string, on: string) => `record-reminder.${requestId}.${kind}.${on}`,
  /** One per appointment, kind and date: a moved visit gets new ids, never the same job twice. */
  appointmentReminder: (appointmentId: string, kind: string, on: string, ref?: string) => `appointment-reminder.${appointmentId}.${kind}.${on}${ref ? `.${ref}` : ''}`,
  /** One per task and reminder date: a moved reminder gets a new id, never the same job twice. */
  taskReminder: (taskId: string, on: string) => `task-reminder.${taskId}.${on}`,
  /** One per import: starting it twice (a retried request) queues it once. */
  clientImport: (importId: string) => `client-import.${importId}`,
  notificationEmail: (notificationId: string) => `notification-email.${notificationId}`,
  /** The id of the repeatable job scheduler that starts digests. */
  dailyDigestScheduler: () => 'daily-digests',
  organizationDigests: (organizationId: string, on: string) => `digests.${organizationId}.${on}`,
  digestEmail: (userId: string, on: string) => `digest-email.${userId}.${on}`,
  /** One per change of settings (the change's time), so two quick changes each re-plan. */
  rescheduleOrganizationReminders: (organizationId: string, changedAtMs: number) => `reminder-settings.${organizationId}.${changedAtMs}`,
};
