export { NotificationBell } from './notification-bell';
export { NotificationsPage } from './notifications-page';
export { NotificationSettingsPage } from './notification-settings-page';
export { ReminderSettingsPage } from './reminder-settings-page';
export { notificationsCacheKeys, notificationsCacheUpdates } from './cache';
