export * from './mailer';
export * from './send-invitation-email.job';
export * from './send-account-email.jobs';
export * from './notifications.module';
export * from './send-record-request-reminder.job';
export * from './send-appointment-reminder.job';
export * from './send-notification-email.job';
export * from './daily-digest.jobs';
export * from './notification.entity';
export * from './notification.model';
export * from './notification.service';
export * from './notification-preference.entity';
export * from './notifications-api.module';
export * from './mention-notifier';

import { Notification } from './notification.entity';
import { NotificationPreference } from './notification-preference.entity';
export const NOTIFICATION_ENTITIES = [Notification, NotificationPreference];
export * from './recipient-language';
