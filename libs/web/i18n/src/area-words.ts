import type { AreaStrings } from './i18n';
import { activityWords } from './locales/en-activity';
import { adminWords } from './locales/en-admin';
import { appointmentsWords, ownTimelineWords } from './locales/en-appointments';
import { caseWords } from './locales/en-case';
import { caseNavWords } from './locales/en-case-nav';
import { casesWords } from './locales/en-cases';
import { enumsWords } from './locales/en-enums';
import { exportsWords } from './locales/en-exports';
import { insuranceWords } from './locales/en-insurance-network';
import { guidedStartWords } from './locales/en-guided-start';
import { scriptsWords, providersWords } from './locales/en-journey-providers';
import { liveWords } from './locales/en-live';
import { newCaseWords } from './locales/en-new-case';
import { notesWords } from './locales/en-notes';
import { notificationsWords } from './locales/en-notifications';
import { opinionsWords } from './locales/en-opinions';
import { visitPacketWords } from './locales/en-packet';
import { recordsWords } from './locales/en-records';
import { timelineWords } from './locales/en-timeline';

/** Every group by its top-level key, for the checks in the specs (locales/locales.spec.ts, area-words.spec.ts); the app imports each group from its file. */
export const AREA_WORDS: Record<string, AreaStrings> = {
  enums: enumsWords,
  cases: casesWords,
  newCase: newCaseWords,
  case: caseWords,
  caseNav: caseNavWords,
  timeline: timelineWords,
  records: recordsWords,
  admin: adminWords,
  notifications: notificationsWords,
  notes: notesWords,
  live: liveWords,
  activity: activityWords,
  guidedStart: guidedStartWords,
  scripts: scriptsWords,
  providers: providersWords,
  insurance: insuranceWords,
  appointments: appointmentsWords,
  ownTimeline: ownTimelineWords,
  opinions: opinionsWords,
  visitPacket: visitPacketWords,
  exports: exportsWords,
};
