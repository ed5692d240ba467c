export * from './notification-kind';
export * from './notification-preferences';
export * from './quiet-hours';
export * from './daily-digest';
export * from './reminder-words-en';
export * from './reminder-words-es';
