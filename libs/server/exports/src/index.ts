export * from './calendar/calendar-feed.entity';
export * from './exports.module';

import { CalendarFeed } from './calendar/calendar-feed.entity';
export const EXPORT_ENTITIES = [CalendarFeed];
export * from './calendar/calendar.service';
export * from './calendar/calendar-entries';
export * from './calendar/calendar-render';
export * from './fhir/fhir-bundle';
export * from './fhir/fhir-case-data';
export * from './fhir/fhir-export.service';
export { loadCalendarData } from './calendar/calendar-data';
