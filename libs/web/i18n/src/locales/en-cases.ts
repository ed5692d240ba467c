import type { AreaStrings } from '../i18n';
/**
 * English strings of the case list and the case cards: loaded with the screens that show them
 * (the group at the end, registered with addAreaStrings), not with the first screen.
 */
export const casesEn = {
  listTitle: 'Cases',
  newCase: 'New case',
  filters: 'Filters',
  filtersActive_one: 'Filters ({{count}} on)',
  filtersActive_other: 'Filters ({{count}} on)',
  stageFilter: 'Stage',
  stageFilterPlaceholder: 'Any stage',
  urgencyFilter: 'Urgency',
  anyUrgency: 'Any urgency',
  advocateFilter: 'Lead advocate',
  anyAdvocate: 'Any advocate',
  scope: 'Show',
  scopeMine: 'My cases',
  scopeOrganization: 'Whole organization',
  nameFilter: 'Patient name',
  nameFilterPlaceholder: 'Type part of a name',
  sort: 'Sort by',
  count_one: '{{count}} case',
  count_other: '{{count}} cases',
  showing: 'Showing {{shown}} of {{total}}',
  empty: 'No cases match these filters.',
  emptyNoFilters: 'No cases yet. Open the first one with "New case".',
  updated: 'Updated {{when}}',
  lead: 'Lead: {{name}}',
  noLead: 'No lead advocate yet',
  nextDue: 'Next due {{when}}',
  nothingDue: 'Nothing due',
  urgent: 'Urgent',
  myCasesTitle_one: 'Your case',
  myCasesTitle_other: 'Your cases',
  myCasesIntro: 'Here is where you and your advocate work on your second opinion together.',
  myCasesEmpty: 'There is no case here yet. Your advocate will invite you to it; if you were expecting one, please get in touch with them.',
};

/** The group to register where these words show (addAreaStrings): English here, Spanish fetched for Spanish readers. */
export const casesWords: AreaStrings = { en: { cases: casesEn }, es: () => import('./es-cases').then((m) => ({ cases: m.casesEs })) };
