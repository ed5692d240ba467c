import type { AreaStrings } from '../i18n';
/**
 * English strings of the case's timeline panel: loaded with the screens that show them
 * (the group at the end, registered with addAreaStrings), not with the first screen.
 */
export const timelineEn = {
  heading: 'Timeline',
  intro: 'The plan, step by step, and how it is going.',
  introPatient: 'Most second opinions take 3 to 8 weeks. Here is the plan for yours, and how it is going.',
  loading: 'Loading the timeline…',
  phaseForPatient: {
    RECORDS: 'Getting your records',
    APPOINTMENT: 'Your second-opinion appointment',
    FOLLOW_UP: 'Follow-up with your doctor',
  },
  steps: 'The steps',
  plannedEnd: 'Planned finish: {{date}}',
  planSpan: 'Planned from {{start}} to {{end}}, {{duration}}.',
  outsideUsualRange: 'This plan is outside the usual 3 to 8 weeks; check that the dates are right.',
  expectedEnd: 'Expected finish: {{date}}',
  finishedOn: 'Finished on {{date}}',
  asPlanned: 'As planned.',
  behindPlan_one: '{{count}} day later than planned.',
  behindPlan_other: '{{count}} days later than planned.',
  aheadOfPlan_one: '{{count}} day ahead of plan.',
  aheadOfPlan_other: '{{count}} days ahead of plan.',
  lateNotice_one: '{{phase}} is {{count}} day past its date.',
  lateNotice_other: '{{phase}} is {{count}} days past its date.',
  lateNoticePatient: '{{phase}} is taking longer than planned. That is common, and your advocate is keeping an eye on it.',
  about_days_one: 'about {{count}} day',
  about_days_other: 'about {{count}} days',
  about_weeks_one: 'about {{count}} week',
  about_weeks_other: 'about {{count}} weeks',
  length_days_one: 'About {{count}} day',
  length_days_other: 'About {{count}} days',
  length_weeks_one: 'About {{count}} week',
  length_weeks_other: 'About {{count}} weeks',
  rowDone: '{{duration}}, done on {{date}}',
  rowOpen: '{{duration}}, by {{date}}',
  plannedTarget: 'Planned target: {{date}}',
  plannedTargetMoved: 'Planned target: {{date}}, moved because the step before took longer.',
  onTime: 'On time.',
  daysLate_one: '{{count}} day late',
  daysLate_other: '{{count}} days late',
  adjustedReason: 'Why the date changed: {{reason}}',
  adjust: 'Change target',
  adjustFor: 'Change target: {{phase}}',
  adjustTitle: 'Change the target for “{{phase}}”',
  adjustHelp: 'Use a date agreed with someone outside the case, such as the day a record holder promised or the appointment that was booked. Later steps move with it.',
  currentTarget: 'The target now: {{date}}',
  newTarget: 'New target date',
  reason: 'Reason',
  reasonHelp: 'The patient sees this too, so keep it plain and kind.',
  adjusted: 'The target for “{{phase}}” is now {{date}}.',
  errors: {
    dateRequired: 'Please choose a date.',
    past: 'The new date cannot be in the past. Please choose today or a later day.',
    tooEarly: 'This step cannot end before the one before it. Please choose {{earliest}} or later.',
    reasonRequired: 'Please say why the date is changing.',
  },
};

/** The group to register where these words show (addAreaStrings): English here, Spanish fetched for Spanish readers. */
export const timelineWords: AreaStrings = { en: { timeline: timelineEn }, es: () => import('./es-timeline').then((m) => ({ timeline: m.timelineEs })) };
