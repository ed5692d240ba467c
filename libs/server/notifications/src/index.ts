export * from './mailer';
export * from './send-invitation-email.job';
export * from './notifications.module';
