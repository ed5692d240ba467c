export * from './errors/domain-error';
export * from './access/roles';
export * from './access/actor';
export * from './access/case-access';
export * from './cases/case-stage';
export * from './cases/trigger';
export * from './dates/calendar-date';
export * from './dates/time-zone';
