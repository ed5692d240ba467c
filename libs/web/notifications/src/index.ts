export { NotificationBell } from './notification-bell';
export { NotificationsPage } from './notifications-page';
export { notificationsCacheKeys, notificationsCacheUpdates } from './cache';
