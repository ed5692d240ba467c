/**
 * The e-mails' words in English (i18next resources, server side; the web client keeps its own
 * in libs/web/i18n). Short and free of clinical detail: no patient name, no diagnosis, no
 * record type, only that something on a case needs a look, with the link to it.
 * Every key here has a Spanish twin in es.ts (email-i18n.spec.ts checks).
 */
import { REMINDER_EMAIL_EN, type NotificationKind, type ReminderDueDate } from '@second-look/domain';

export const emailEn = {
  hello: 'Hello,',
  footer: {
    reason: 'You get this because of your notification settings.',
    changeHere: 'Change them here:',
    changeLink: 'Change them',
  },
  openCase: 'Open the case in Second Look',
  /** Sign-up, password reset and new-device e-mails (account-email.template.ts). */
  account: {
    reset: {
      subject: 'Set a new password for Second Look',
      asked: 'Someone asked to set a new password for your Second Look account.',
      linkLabel: 'Open this link to choose a new password',
      worksUntil: 'The link works once and until {{until}}.',
      notYou: 'If you did not ask for this, you can ignore this e-mail. Your password stays the same.',
    },
    changed: {
      subject: 'Your Second Look password was changed',
      body: 'The password for your Second Look account was just changed, and every device that was signed in was signed out.',
      signInLabel: 'Sign in with your new password',
      notYou: 'If you did not do this, set a new password right away and tell your organization’s admin.',
      forgotLabel: 'Set a new password',
    },
    signUp: {
      subject: 'Finish creating your organization on Second Look',
      started: 'You started to create "{{organization}}" on Second Look.',
      linkLabel: 'Open this link to finish and sign in',
      worksUntil: 'The link works once and until {{until}}. If you did not do this, you can ignore this e-mail.',
    },
    exists: {
      subject: 'Someone tried to create an account with your e-mail',
      body: 'Someone tried to create a new organization on Second Look with this e-mail address. You already have an account, so nothing was created.',
      signInLabel: 'If it was you, sign in here',
      forgotLabel: 'Forgot your password? Set a new one',
      notYou: 'If it was not you, you do not need to do anything.',
    },
    newDevice: {
      subject: 'New sign-in to your Second Look account',
      body: 'Your Second Look account was just signed in from a browser or device it had not been used on before ({{at}}).',
      wasYou: 'If this was you, there is nothing to do.',
      notYou: 'If it was not you, set a new password right away. That signs out every device.',
      forgotLabel: 'Set a new password',
    },
    factor: {
      subject: 'Your Second Look sign-in steps changed',
      change: {
        TOTP_ADDED: 'An authenticator app was added as a second sign-in step to your Second Look account ({{at}}).',
        PASSKEY_ADDED: 'A passkey was added to your Second Look account ({{at}}).',
        FACTOR_REMOVED: 'A second sign-in step was removed from your Second Look account ({{at}}).',
        RECOVERY_CODES_NEW: 'New recovery codes were made for your Second Look account ({{at}}). The old ones no longer work.',
        RECOVERY_CODE_USED: 'A recovery code was used to sign in to your Second Look account ({{at}}). Each code works only once.',
        FACTORS_RESET: 'An admin of your organization removed the second sign-in steps of your Second Look account ({{at}}). You can add new ones when you sign in.',
      },
      securityLabel: 'See your sign-in steps and devices',
      notYou: 'If you did not do this, set a new password right away and tell your organization’s admin.',
      forgotLabel: 'Set a new password',
    },
  },
  invitation: {
    subjectCase: '{{organization}} invited you to Second Look',
    subjectStaff: 'Join {{organization}} on Second Look',
    whatCase: '{{inviter}} from {{organization}} has invited you to a shared case on Second Look, where you and your advocate can work on your second opinion together.',
    whatStaff: '{{inviter}} has invited you to join {{organization}} on Second Look as {{role}}.',
    role: {
      ADMIN: 'admin',
      COORDINATOR: 'coordinator',
      ADVOCATE: 'advocate',
      PATIENT: 'patient',
      CAREGIVER: 'caregiver',
    },
    linkIntro: 'Open this link to set your password:',
    linkButton: 'Set your password and join',
    expires: 'The link works once and until {{until}}. If you were not expecting this, you can ignore this e-mail.',
  },
  /** Each reminder kind's subject and sentence live with its bell sentence in the domain (reminder-words-en.ts). */
  notification: {
    ...REMINDER_EMAIL_EN,
    generic: { subject: 'Something on a case needs attention', line: 'There is an update on one of your cases.' },
  } satisfies Record<keyof typeof NotificationKind | 'generic', { subject: string; line: string }>,
  /** The date a reminder is about, under its sentence: which one is REMINDER_KINDS' `dueOn` of its kind. */
  date: {
    PLAN_TARGET: 'Planned date: {{date}}',
    LEGAL_DUE: 'Legal deadline: {{date}}',
    VISIT: 'Appointment date: {{date}}',
    PRE_AUTH_END: 'Prior authorization ends: {{date}}',
    TASK_DUE: 'Due date: {{date}}',
  } satisfies Record<Exclude<ReminderDueDate, 'NONE'>, string>,
  digest: {
    subject_one: 'Your daily summary: {{count}} thing needs attention',
    subject_other: 'Your daily summary: {{count}} things need attention',
    intro: 'Here is what is waiting for you:',
    more_one: '…and {{count}} more in the app.',
    more_other: '…and {{count}} more in the app.',
    allNotifications: 'All your notifications',
    openCase: 'Open the case',
  },
};

/** The shape both languages share: Spanish must fill every key (checked by the type and by email-i18n.spec.ts). */
export type EmailResources = typeof emailEn;
