import type { ReminderBellSentences, ReminderEmailWords } from './notification-kind';

/*
 * The words of every reminder kind in English, read in two places: the e-mail
 * (libs/server/notifications) and the bell (libs/web/notifications). A kind in REMINDER_KINDS
 * without its words here does not compile; its Spanish twin is reminder-words-es.ts. Short and
 * free of clinical detail: no patient name, no diagnosis, no record type. Two lists, so the web
 * client's first screen carries the bell's sentences and none of the e-mails'.
 */

/**
 * The e-mail's subject and sentence, by the kind's name. Under the sentence the e-mail says the
 * kind's date with the label of its `dueOn` (`date` in the server's e-mail words).
 */
export const REMINDER_EMAIL_EN = {
  RECORD_SENT_DAY: { subject: 'A record request is still open', line: 'A record request on one of your cases is still waiting for the records. A short check-in with the holder can help.' },
  RECORD_TARGET_SOON: { subject: 'A record request is due soon', line: 'A record request on one of your cases reaches its planned date soon.' },
  RECORD_TARGET_DUE: { subject: 'A record request needs attention', line: 'A record request on one of your cases has reached its planned date.' },
  RECORD_LEGAL_SOON: { subject: 'A record request nears its legal deadline', line: 'A record request on one of your cases is close to its legal deadline.' },
  RECORD_LEGAL_DUE: { subject: 'A record request is at its legal deadline', line: 'A record request on one of your cases reaches its legal deadline today.' },
  RECORD_LEGAL_OVERDUE: {
    subject: 'A record request is past its legal deadline',
    line: 'A record request on one of your cases is past its legal deadline. It is time to follow up in writing. A follow-up letter is ready to download on the case.',
  },
  APPOINTMENT_SOON: {
    subject: 'Your appointment is coming up',
    line: 'Your appointment is a few days away. It helps to bring your records packet and your list of questions; you will find both on your case.',
  },
  APPOINTMENT_DAY_BEFORE: { subject: 'Your appointment is almost here', line: 'Your appointment is very soon. Have your records packet and your questions ready to take with you.' },
  APPOINTMENT_RECORD_OPINION: { subject: 'How did the appointment go?', line: 'When you are ready, write down what the doctor said, so the opinions can be compared side by side.' },
  APPOINTMENT_BOOK_FOLLOW_UP: { subject: 'Time to book the follow-up', line: 'A good next step is a visit with the current doctor to share what the second opinion found.' },
  INSURANCE_VERIFY_COVERAGE: {
    subject: 'Coverage not verified before an appointment',
    line: 'An appointment on one of your cases is about a week away and its insurance check is not verified yet.',
  },
  INSURANCE_PRE_AUTH_EXPIRES: {
    subject: 'A prior authorization ends before an appointment',
    line: 'On one of your cases the prior authorization ends before the appointment date. It may need to be extended.',
  },
  INSURANCE_REVERIFY_COVERAGE: {
    subject: 'An appointment moved: please check coverage again',
    line: 'An appointment on one of your cases has a new date. Please check with the plan that coverage still holds.',
  },
  TASK_REMINDER: { subject: 'A task is coming up', line: 'A task on one of your cases is due soon. Open the case to see it, and check it off when it is finished.' },
} satisfies ReminderEmailWords;

/**
 * The bell's sentence, for before and after its date (`_past`), by the kind's key in the web
 * client's words (`notifications.kind`): record-request kinds by their short name (TARGET_DUE),
 * the others by their name (APPOINTMENT_DAY_BEFORE). `{{when}}` is the date as people say it
 * ("tomorrow", "on December 9"); a kind whose `dueOn` is NONE says no date, in both forms.
 */
export const REMINDER_BELL_EN = {
  TARGET_SOON: 'Records from the holder are due {{when}} for this case. A short, friendly check-in now can keep things moving.',
  TARGET_SOON_past: 'Records from the holder were due {{when}} for this case. If they have not arrived, a friendly follow-up is a good next step.',
  TARGET_DUE: 'Records from the holder are due {{when}} for this case. If they have not arrived, a friendly follow-up is a good next step.',
  TARGET_DUE_past: 'Records from the holder were due {{when}} for this case. If they have not arrived, a friendly follow-up is a good next step.',
  LEGAL_SOON: 'The legal deadline for a records request is {{when}}. Now is a good time to check in with the holder.',
  LEGAL_SOON_past: 'The legal deadline for a records request was {{when}}. If the records have not come, it is time to follow up in writing.',
  LEGAL_DUE: 'The legal deadline for a records request is {{when}}. If the records have not come, follow up with the holder.',
  LEGAL_DUE_past: 'The legal deadline for a records request was {{when}}. If the records have not come, it is time to follow up in writing.',
  LEGAL_OVERDUE: 'The legal deadline for a records request has passed — time to follow up in writing. A follow-up letter is ready to download on the request.',
  LEGAL_OVERDUE_past: 'The legal deadline for a records request has passed — time to follow up in writing. A follow-up letter is ready to download on the request.',
  SENT_DAY: 'A record request on this case is still waiting for the records. A short check-in with the holder can help.',
  SENT_DAY_past: 'A record request on this case is still waiting for the records. A short check-in with the holder can help.',
  APPOINTMENT_SOON: 'Your appointment is {{when}}. Bring your records packet and your questions — both are ready for you on this case.',
  APPOINTMENT_SOON_past: 'The appointment was {{when}}.',
  APPOINTMENT_DAY_BEFORE: 'Your appointment is {{when}}. Bring your records packet and your questions; a last look at them tonight can help you feel ready.',
  APPOINTMENT_DAY_BEFORE_past: 'The appointment was {{when}}.',
  APPOINTMENT_RECORD_OPINION: 'The appointment is {{when}}. Afterwards, write down what the doctor said while it is fresh, so the opinions can be compared.',
  APPOINTMENT_RECORD_OPINION_past: 'The appointment was {{when}}. When you are ready, write down what the doctor said, so the opinions can be compared side by side.',
  APPOINTMENT_BOOK_FOLLOW_UP: 'After the appointment {{when}}, a follow-up with your current doctor is a good next step.',
  APPOINTMENT_BOOK_FOLLOW_UP_past: 'The appointment was {{when}}. A good next step is to book a follow-up with your current doctor to share what you learned.',
  INSURANCE_VERIFY_COVERAGE: 'The appointment is {{when}} and the insurance check is not verified yet. A call to the plan now can spare a surprise bill.',
  INSURANCE_VERIFY_COVERAGE_past: 'The appointment was {{when}} and the insurance check was not verified.',
  INSURANCE_PRE_AUTH_EXPIRES: 'The prior authorization ends {{when}}, before the appointment. Ask the plan to extend it, or for a new one.',
  INSURANCE_PRE_AUTH_EXPIRES_past: 'The prior authorization ended {{when}}, before the appointment. Ask the plan to extend it, or for a new one.',
  INSURANCE_REVERIFY_COVERAGE: 'The appointment moved to {{when}}. Please check with the plan that coverage still holds for the new date.',
  INSURANCE_REVERIFY_COVERAGE_past: 'The appointment moved to {{when}}. Please check with the plan that coverage still held for that date.',
  TASK_REMINDER: 'A task on this case is due {{when}}.',
  TASK_REMINDER_past: 'A task on this case was due {{when}}.',
} satisfies ReminderBellSentences;
