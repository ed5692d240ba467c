export * from './case-event';
export * from './mentions';
