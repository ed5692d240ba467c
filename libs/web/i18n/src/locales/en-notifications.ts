import { REMINDER_BELL_EN } from '@second-look/domain';
import { notificationTasksEn } from './en-tasks-shared';
import type { AreaStrings } from '../i18n';

/**
 * English strings of notifications: the bell, the notifications page and the settings: loaded with the screens that show them
 * (the group at the end, registered with addAreaStrings), not with the first screen.
 */
export const notificationsEn = {
  title: 'Notifications',
  intro: 'Reminders about your cases, newest first.',
  unreadSummary_zero: 'You are all caught up.',
  unreadSummary_one: '{{count}} unread notification.',
  unreadSummary_other: '{{count}} unread notifications.',
  markAllRead: 'Mark all as read',
  markingAllRead: 'Marking…',
  markedAllRead: 'All notifications are marked as read.',
  unread: 'New',
  loading: 'Loading notifications…',
  empty: 'Nothing here yet. When a record request needs a nudge or an appointment is coming up, a reminder will show up here.',
  dueOn: 'Due date: {{date}}',
  received: 'Arrived {{when}}',
  openCase: 'Open the case',
  openCaseOf: 'Open the case for {{name}}',
  /** Relative words for the date a notification is about, used inside the sentences below. */
  when: {
    on: 'on {{date}}',
  },
  /**
   * One plain sentence per kind (the API sends e.g. "record_request.TARGET_DUE"; the dot is
   * why the keys below have no prefix). "_past" is used once the date has gone by.
   */
  kind: {
    // Every reminder kind's sentence lives with its e-mail words in the domain (reminder-words-en.ts).
    ...REMINDER_BELL_EN,
    MENTION: 'Someone mentioned you in a comment on this case.',
    DENIED_BURST: 'Someone in your organization tried many times to open records they may not see. See "Only denied attempts" in the audit log.',
    generic: 'There is an update on this case.',
    generic_past: 'There is an update on this case.',
  },
  settingsLink: 'E-mail settings',
  /** The person's own e-mail choices. */
  settings: {
    title: 'Notification settings',
    intro: 'You will always see your notifications here in Second Look. Choose which ones also come by e-mail, and when.',
    back: 'Back to notifications',
    emailHeading: 'E-mail',
    category: {
      ...notificationTasksEn.category,
      RECORD_REMINDERS: 'Record request reminders',
      RECORD_ESCALATIONS: 'Missed legal deadlines',
      APPOINTMENT_REMINDERS: 'Appointment reminders',
      AFTER_VISIT: 'After an appointment',
      INSURANCE_CHECKS: 'Insurance checks',
    },
    categoryHelp: {
      ...notificationTasksEn.categoryHelp,
      RECORD_REMINDERS: 'Nudges while records are on their way: days after a request was sent, and as its dates come near.',
      RECORD_ESCALATIONS: 'When a record holder has gone past the legal deadline and someone needs to follow up in writing.',
      APPOINTMENT_REMINDERS: 'A few days before an appointment and the day before, with what to bring.',
      AFTER_VISIT: 'After an appointment: writing down the opinion, and booking the follow-up with the current doctor.',
      INSURANCE_CHECKS: 'Coverage still to verify before an appointment, a prior authorization that ends too soon, or a visit that moved.',
    },
    mode: {
      IMMEDIATE: 'Right away',
      DIGEST: 'In a daily summary',
      OFF: 'Only in the app',
    },
    digestAt: 'The daily summary arrives at about {{time}} ({{zone}}).',
    quietHeading: 'Quiet hours',
    quietIntro: 'No e-mail during these hours. Anything that comes up waits until they end.',
    quietOn: 'Pause e-mail at night',
    quietStart: 'From',
    quietEnd: 'Until',
    quietZone: 'Times are in {{zone}}.',
    quietSpansMidnight: 'Quiet from {{start}} in the evening until {{end}} the next morning.',
    quietSameDay: 'Quiet from {{start}} until {{end}}.',
    quietSame: 'Choose an end time different from the start.',
    save: 'Save settings',
    saved: 'Your notification settings are saved.',
  },
  /** Admins: when the organization's reminders and digests go out. */
  reminderSettings: {
    title: 'Reminder settings',
    intro: 'When Second Look chases open record requests, reminds people of appointments and sends the daily summary, for everyone in your organization.',
    daysHeading: 'Reminder days',
    daysAfterSent: 'Days after a request is sent',
    daysAfterSentHelp: 'Whole days, separated by commas, for example 7, 14, 25, 30. Leave empty for none.',
    daysInvalid: 'Use whole numbers from 1 to 60, separated by commas.',
    targetSoonDays: 'Days before the plan target',
    targetSoonDaysHelp: '0 means no reminder before the plan target, only on the day.',
    legalSoonDays: 'Days before the legal due date',
    legalSoonDaysHelp: '0 means no reminder before the legal due date, only on the day.',
    alwaysNote: 'Reminders also go out on the plan target, on the legal due date, and the day after it (to the coordinators).',
    appointmentsHeading: 'Appointment reminders',
    appointmentsIntro:
      'Before an appointment the patient, and the caregivers who follow the case, are reminded what to bring. After it, they and the lead advocate are reminded to write the opinion down and then to book the follow-up with the current doctor.',
    appointmentSoonDays: 'Days before the appointment',
    appointmentSoonDaysHelp: 'The “coming up” reminder to the patient: 2 to 21, or 0 for none.',
    verifyCoverageWorkingDays: 'Working days before, to check coverage',
    verifyCoverageWorkingDaysHelp: 'Staff are asked to verify the insurance, while it is not verified yet: 1 to 20.',
    recordOpinionDays: 'Days after, to write the opinion down',
    recordOpinionDaysHelp: '1 to 14.',
    bookFollowUpDays: 'Days after, to book the follow-up',
    bookFollowUpDaysHelp: 'Later than the reminder to write the opinion down, at most 60.',
    appointmentsNote: 'A reminder also goes to the patient on the working day before the appointment. A reminder that falls on a day off moves to a working day.',
    hoursHeading: 'Working hours',
    hoursIntro: 'Reminders go out only in working hours on working days. One due on a weekend waits for the next working morning.',
    workStart: 'Start',
    workEnd: 'End',
    workingDays: 'Working days',
    timeZone: 'Time zone',
    timeZoneHelp: 'Your organization’s dates, reminders and quiet hours follow this zone.',
    digestHour: 'Daily summary at',
    weekday: { '1': 'Monday', '2': 'Tuesday', '3': 'Wednesday', '4': 'Thursday', '5': 'Friday', '6': 'Saturday', '7': 'Sunday' },
    save: 'Save reminder settings',
    saved: 'Reminder settings saved. Open record requests and upcoming appointments now follow them.',
    /** The form's words for a setting the server refused (by the field it names). */
    refused: {
      workStart: 'Please enter a time of day.',
      workEnd: 'Working hours must end at least an hour after they start, on the same day.',
      workingDays: 'Choose at least one working day.',
      timeZone: 'Please choose a time zone from the list.',
      bookFollowUpDays: 'The reminder to book the follow-up must come after the one to write the opinion down.',
    },
  },
};

/** The group to register where these words show (addAreaStrings): English here, Spanish fetched for Spanish readers. */
export const notificationsWords: AreaStrings = {
  en: { notifications: notificationsEn },
  es: () => import('./es-notifications').then((m) => ({ notifications: m.notificationsEs })),
};
