/**
 * English strings for tasks, the patient's "What to do next" and the staff's My day
 * (docs/domain.md, "Tasks" and "My day"). en.ts mounts them. Tone: warm, plain, calm.
 */
export const tasksEn = {
  heading: 'Tasks',
  intro: 'Small jobs with a date, so nothing slips: who does what, and by when.',
  empty: 'No tasks yet.',
  add: 'Add a task',
  title: 'What needs doing',
  details: 'Details',
  assignee: 'Who does it',
  nobody: 'Nobody yet',
  dueOn: 'Due date',
  remindOn: 'Remind on',
  remindOnHelp: 'We send a reminder that morning to the person who does it.',
  internal: 'Staff only',
  internalHelp: 'The patient and caregivers will not see this task.',
  save: 'Save the task',
  edit: 'Edit',
  remove: 'Remove',
  removeConfirm: 'Remove this task?',
  markDone: 'Done: {{title}}',
  forWhom: 'For {{name}}',
  dueLine: 'Due {{when}}',
  doneLine: 'Done by {{name}} {{when}}',
  doneLineNoName: 'Done {{when}}',
  staffOnlyBadge: 'Staff only',
  staleSaved: 'Someone else changed this task while you were editing. Their version is below; save again to keep yours.',
  state: {
    OVERDUE: 'Overdue',
    DUE_TODAY: 'Due today',
    DUE_SOON: 'This week',
    LATER: 'Later',
    NO_DATE: 'No date',
    DONE: 'Done',
  },
  openCount_one: '{{count}} open',
  openCount_other: '{{count}} open',
};

export const whatNextEn = {
  heading: 'What to do next',
  stageNow: 'Where your case is now: {{stage}}',
  yourTasks: 'Things for you to do',
  noTasks: 'Nothing for you to do right now. Your advocate will let you know when something comes up.',
  tip: 'A tip: {{tip}}',
  step: {
    THINK_ABOUT_QUESTION: 'Think about the main question you want the second opinion to answer. Write it down in your own words.',
    TALK_TO_DOCTOR: 'Talk to your current doctor about getting a second opinion. The words on this page can help you start.',
    HELP_WITH_RECORDS: 'We are gathering your records. If you have discs, reports or letters at home, tell your advocate.',
    LOOK_AT_PROVIDERS: 'Look at the doctors we are thinking about for your second opinion, and tell us what matters to you.',
    CHECK_INSURANCE: 'We are checking what your insurance pays for. Keep your insurance card close in case we need it.',
    WRITE_QUESTIONS: 'Write down the questions you want to ask at your visit. No question is too small.',
    GO_TO_VISIT: 'Get ready for your visit: bring your records and your questions.',
    WRITE_DOWN_OPINION: 'Write down what the new doctor said, so you and your advocate can compare the opinions.',
    SHARE_WITH_DOCTOR: 'Share what you learned with your current doctor.',
    NOTHING: 'Your case is closed. You can still read everything here.',
  },
};

export const myDayEn = {
  heading: 'My day',
  intro: 'What is late or due today on your cases, and visits this week that need something.',
  introOrganization: 'What is late or due today across the organization, and visits this week that need something.',
  advocateFilter: 'Whose day',
  wholeOrganization: 'Everyone',
  empty: 'Nothing is late or due today. Nice work.',
  overdue_one: '{{count}} overdue',
  overdue_other: '{{count}} overdue',
  group: {
    OVERDUE: 'Overdue',
    TODAY: 'Today',
    THIS_WEEK: 'This week',
  },
  kind: {
    RECORD_REQUEST: 'Records from {{holder}}',
    RECORD_REQUEST_LEGAL: 'Records from {{holder}}: legal date {{when}}',
    RECORD_REQUEST_PLAN: 'Records from {{holder}}: planned for {{when}}',
    TASK: 'Task: {{title}}',
    VISIT_UNPREPARED: 'Visit {{when}}: no questions written down yet',
    INSURANCE_PENDING: 'Visit {{when}}: insurance not verified yet',
    MENTION: 'You were mentioned in a comment',
  },
  holderUnknown: 'a record holder',
  caseLine: '{{patient}} · led by {{lead}}',
  caseLineNoLead: '{{patient}} · no lead advocate',
  action: {
    markReceived: 'Mark received',
    tick: 'Mark done',
    openQuestions: 'Open questions',
    openInsurance: 'Open insurance',
    openComment: 'Read it',
  },
  done: 'Done. It is off your list.',
};

/** The strings of the tasks screens, added when they load (addAreaStrings), not with the first screen. */
export const tasksStringsEn = { tasks: tasksEn, whatNext: whatNextEn, myDay: myDayEn };
