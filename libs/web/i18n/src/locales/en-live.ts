import type { AreaStrings } from '../i18n';
/**
 * English strings of live collaboration: who else is on the case: loaded with the screens that show them
 * (the group at the end, registered with addAreaStrings), not with the first screen.
 */
export const liveEn = {
  /** The small status next to the people on the case. */
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  hereNow: 'On this case now',
  onlyYou: 'Only you are here right now.',
  viewing: '{{name}} ({{role}}) is viewing',
  editing: '{{name}} ({{role}}) is editing {{area}}',
  you: 'You',
  area: {
    SUMMARY: 'the summary',
    DETAILS: 'the case details',
    PACKET: 'the record packet',
    REQUESTS: 'the records requests',
    COMMENTS: 'a comment',
    NOTES: 'the notes',
    QUESTIONS: 'the question list',
    APPOINTMENT: 'the appointment',
    OPINIONS: 'the opinions',
    TIMELINE: 'the timeline',
  },
};

/** The group to register where these words show (addAreaStrings): English here, Spanish fetched for Spanish readers. */
export const liveWords: AreaStrings = { en: { live: liveEn }, es: () => import('./es-live').then((m) => ({ live: m.liveEs })) };
