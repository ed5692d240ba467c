import { lazyNamed } from '@second-look/web-ui';

export { NotificationBell } from './notification-bell';
export const NotificationsPage = lazyNamed(() => import('./notifications-page'), 'NotificationsPage');
export const NotificationSettingsPage = lazyNamed(() => import('./notification-settings-page'), 'NotificationSettingsPage');
export const ReminderSettingsPage = lazyNamed(() => import('./reminder-settings-page'), 'ReminderSettingsPage');
export { notificationsCacheKeys, notificationsCacheUpdates } from './cache';
