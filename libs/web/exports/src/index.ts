import { lazyNamed } from '@second-look/web-ui';

export { AddToCalendarLink } from './add-to-calendar-link';
export const FhirExportPanel = lazyNamed(() => import('./fhir-export-panel'), 'FhirExportPanel');
export const CalendarFeedPage = lazyNamed(() => import('./calendar-feed-page'), 'CalendarFeedPage');

/** The one-time URL answer has no id: it lives inside the mutation's result. */
export const exportsCacheKeys = { NewCalendarFeedUrl: () => null };
