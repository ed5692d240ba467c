export * from './mailer';
export * from './send-invitation-email.job';
export * from './notifications.module';
export * from './send-record-request-reminder.job';
export * from './notification.entity';
export * from './notification.model';
export * from './notification.service';
export * from './notifications-api.module';
export * from './mention-notifier';

import { Notification } from './notification.entity';
export const NOTIFICATION_ENTITIES = [Notification];
