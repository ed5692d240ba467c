import type { AreaStrings } from '../i18n';
/** English strings for taking the case along: calendar files and feeds, and the FHIR export. */
export const exportsEn = {
  addToCalendar: 'Add to calendar',
  addToCalendarLabel: 'Add to calendar: the appointment with {{provider}}',
  fhir: {
    heading: 'Take your records with you',
    intro: 'Download this case in FHIR, the format that hospitals and health record apps read.',
    download: 'Export (FHIR R4)',
    downloadWithFiles: 'Export with files inside',
    filesHelp: 'With files inside, the download holds every document too, so it can be large.',
  },
  feed: {
    title: 'Your calendar feed',
    intro: 'Your calendar app can show your Second Look dates. It checks this feed and updates them for you.',
    carriesHeading: 'What the feed shows',
    carries: {
      APPOINTMENTS: 'Second-opinion appointments',
      RECORD_DUE_DATES: 'When records are due, and the legal deadline',
      INSURANCE_DEADLINES: 'When a prior authorization ends, and when to check coverage again',
      PHASE_TARGETS: 'The goal dates of each case you lead',
    },
    privacyHeading: 'Your privacy',
    privacy: 'Calendar companies read this feed. So it never names a diagnosis, a condition or a document. Each date has a link back to Second Look.',
    off: 'Your calendar feed is off.',
    on: 'Your calendar feed has been on since {{when}}',
    lastRead: 'Last read by a calendar: {{when}}',
    neverRead: 'No calendar has read it yet.',
    turnOn: 'Turn on my calendar feed',
    newLink: 'Make a new link',
    newLinkHelp: 'A new link stops the old one. Use this if someone else may have your link.',
    turnOff: 'Turn off the feed',
    urlLabel: 'Your private feed link',
    urlOnce: 'Copy this link now. For your safety, we show it only this once.',
    urlSecret: 'Anyone with this link can see these dates. Do not share it.',
    copy: 'Copy link',
    copied: 'Copied',
    openInApp: 'Open in my calendar app',
    howTo: 'In Google Calendar, choose "Other calendars", then "From URL", and paste the link. In Apple Calendar or Outlook, choose "Subscribe" and paste it.',
    turnedOff: 'The feed is off. The old link no longer works.',
  },
};

/** The group to register where these words show (addAreaStrings): English here, Spanish fetched for Spanish readers. */
export const exportsWords: AreaStrings = { en: { exports: exportsEn }, es: () => import('./es-exports').then((m) => ({ exports: m.exportsEs })) };
