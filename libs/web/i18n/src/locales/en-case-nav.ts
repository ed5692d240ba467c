import type { AreaStrings } from '../i18n';
/** English strings for finding your way on the case page: the section index and long lists. */
export const caseNavEn = {
  label: 'Parts of this case',
  current: 'Now',
  section: {
    overview: 'About the case',
    tasks: 'Tasks',
    notes: 'Shared notes',
    doctor: 'Ask the current doctor',
    records: 'Records',
    timeline: 'Health timeline',
    providers: 'Second-opinion doctor',
    insurance: 'Insurance',
    visit: 'Visit and questions',
    opinions: 'Opinions and decision',
    comments: 'Comments',
    people: 'People and activity',
  },
  state: {
    overdue_one: '{{count}} late',
    overdue_other: '{{count}} late',
    open_one: '{{count}} open',
    open_other: '{{count}} open',
    visitOn: 'Visit {{date}}',
    count: '{{count}}',
  },
};

/** The group to register where these words show (addAreaStrings): English here, Spanish fetched for Spanish readers. */
export const caseNavWords: AreaStrings = { en: { caseNav: caseNavEn }, es: () => import('./es-case-nav').then((m) => ({ caseNav: m.caseNavEs })) };
