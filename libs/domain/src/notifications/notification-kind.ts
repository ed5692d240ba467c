import { APPOINTMENT_REMINDER_AUDIENCE as AUDIENCE, AppointmentReminderAudience, AppointmentReminderKind } from '../appointments/appointment-reminders';
import { RecordReminderKind } from '../records/record-reminders';

/** What a person sets e-mail for: a few plain groups rather than every kind. */
export enum NotificationCategory {
  /** Nudges while records are awaited (days after sending, plan target, legal date nearing). */
  RECORD_REMINDERS = 'RECORD_REMINDERS',
  /** The legal date has passed: someone must follow up in writing. */
  RECORD_ESCALATIONS = 'RECORD_ESCALATIONS',
  /** Before a visit: it is coming up, and what to bring. */
  APPOINTMENT_REMINDERS = 'APPOINTMENT_REMINDERS',
  /** After a visit: write the opinion down, book the follow-up with the current doctor. */
  AFTER_VISIT = 'AFTER_VISIT',
  /** Staff: coverage to verify before a visit, a pre-authorization that ends too soon, a visit that moved. */
  INSURANCE_CHECKS = 'INSURANCE_CHECKS',
  /** A task given to me is due soon (its reminder). */
  TASKS = 'TASKS',
}

export const NOTIFICATION_CATEGORIES: readonly NotificationCategory[] = Object.values(NotificationCategory);

/**
 * Who receives a reminder. The appointment audiences (AppointmentReminderAudience) plus:
 * `STAFF_AND_COORDINATORS`, the lead advocate and every coordinator (an escalation), and
 * `ASSIGNEE`, the person a task is given to (else the lead advocate).
 */
export type ReminderAudience = `${AppointmentReminderAudience}` | 'STAFF_AND_COORDINATORS' | 'ASSIGNEE';

/**
 * The date a reminder's sentence says ("due tomorrow"), read by the job from its subject:
 * `NONE` for a sentence without a date (the bell says it plainly).
 */
export type ReminderDueDate = 'NONE' | 'PLAN_TARGET' | 'LEGAL_DUE' | 'VISIT' | 'PRE_AUTH_END' | 'TASK_DUE';

/** One reminder kind: what it is about, how it is stored, who gets it, and which date its sentence says. */
export type ReminderSpec = {
  /** The value notifications store and the API sends (`record_request.SENT_DAY`). */
  readonly id: string;
  readonly category: NotificationCategory;
  readonly audience: ReminderAudience;
  readonly dueOn: ReminderDueDate;
} & (
  | { readonly subject: 'record_request'; readonly kind: RecordReminderKind; readonly audience: 'STAFF' | 'STAFF_AND_COORDINATORS'; readonly dueOn: 'NONE' | 'PLAN_TARGET' | 'LEGAL_DUE' }
  | { readonly subject: 'appointment'; readonly kind: AppointmentReminderKind; readonly audience: `${AppointmentReminderAudience}`; readonly dueOn: 'VISIT' | 'PRE_AUTH_END' }
  | { readonly subject: 'task'; readonly kind: 'REMINDER'; readonly audience: 'ASSIGNEE'; readonly dueOn: 'TASK_DUE' }
);

const C = NotificationCategory;
const R = RecordReminderKind;
const A = AppointmentReminderKind;

/**
 * Every reminder kind, declared once (docs/architecture.md, "A reminder kind"). Its name
 * (RECORD_LEGAL_DUE) keys the e-mail words and the bell's sentence; everything else is read
 * from here: the notification kind and its category, the job's recipients and the date its
 * notification carries, whether the bell's sentence has a date. The compiler holds the rest:
 * a subject's kind without an entry fails below, a name without e-mail words fails the server's
 * i18n resources, and one without a bell sentence in English or Spanish fails
 * libs/web/notifications/src/notification-text.ts.
 */
export const REMINDER_KINDS = {
  RECORD_SENT_DAY: { id: 'record_request.SENT_DAY', subject: 'record_request', kind: R.SENT_DAY, category: C.RECORD_REMINDERS, audience: 'STAFF', dueOn: 'NONE' },
  RECORD_TARGET_SOON: { id: 'record_request.TARGET_SOON', subject: 'record_request', kind: R.TARGET_SOON, category: C.RECORD_REMINDERS, audience: 'STAFF', dueOn: 'PLAN_TARGET' },
  RECORD_TARGET_DUE: { id: 'record_request.TARGET_DUE', subject: 'record_request', kind: R.TARGET_DUE, category: C.RECORD_REMINDERS, audience: 'STAFF', dueOn: 'PLAN_TARGET' },
  RECORD_LEGAL_SOON: { id: 'record_request.LEGAL_SOON', subject: 'record_request', kind: R.LEGAL_SOON, category: C.RECORD_REMINDERS, audience: 'STAFF', dueOn: 'LEGAL_DUE' },
  RECORD_LEGAL_DUE: { id: 'record_request.LEGAL_DUE', subject: 'record_request', kind: R.LEGAL_DUE, category: C.RECORD_REMINDERS, audience: 'STAFF', dueOn: 'LEGAL_DUE' },
  RECORD_LEGAL_OVERDUE: { id: 'record_request.LEGAL_OVERDUE', subject: 'record_request', kind: R.LEGAL_OVERDUE, category: C.RECORD_ESCALATIONS, audience: 'STAFF_AND_COORDINATORS', dueOn: 'NONE' },
  APPOINTMENT_SOON: { id: 'appointment.SOON', subject: 'appointment', kind: A.SOON, category: C.APPOINTMENT_REMINDERS, audience: AUDIENCE[A.SOON], dueOn: 'VISIT' },
  APPOINTMENT_DAY_BEFORE: { id: 'appointment.DAY_BEFORE', subject: 'appointment', kind: A.DAY_BEFORE, category: C.APPOINTMENT_REMINDERS, audience: AUDIENCE[A.DAY_BEFORE], dueOn: 'VISIT' },
  APPOINTMENT_RECORD_OPINION: { id: 'appointment.RECORD_OPINION', subject: 'appointment', kind: A.RECORD_OPINION, category: C.AFTER_VISIT, audience: AUDIENCE[A.RECORD_OPINION], dueOn: 'VISIT' },
  APPOINTMENT_BOOK_FOLLOW_UP: { id: 'appointment.BOOK_FOLLOW_UP', subject: 'appointment', kind: A.BOOK_FOLLOW_UP, category: C.AFTER_VISIT, audience: AUDIENCE[A.BOOK_FOLLOW_UP], dueOn: 'VISIT' },
  INSURANCE_VERIFY_COVERAGE: { id: 'insurance.VERIFY_COVERAGE', subject: 'appointment', kind: A.VERIFY_COVERAGE, category: C.INSURANCE_CHECKS, audience: AUDIENCE[A.VERIFY_COVERAGE], dueOn: 'VISIT' },
  INSURANCE_PRE_AUTH_EXPIRES: {
    id: 'insurance.PRE_AUTH_EXPIRES',
    subject: 'appointment',
    kind: A.PRE_AUTH_EXPIRES,
    category: C.INSURANCE_CHECKS,
    audience: AUDIENCE[A.PRE_AUTH_EXPIRES],
    dueOn: 'PRE_AUTH_END',
  },
  INSURANCE_REVERIFY_COVERAGE: {
    id: 'insurance.REVERIFY_COVERAGE',
    subject: 'appointment',
    kind: A.REVERIFY_COVERAGE,
    category: C.INSURANCE_CHECKS,
    audience: AUDIENCE[A.REVERIFY_COVERAGE],
    dueOn: 'VISIT',
  },
  /** A task's reminder, to the person it is given to (docs/domain.md, "Tasks"). */
  TASK_REMINDER: { id: 'task.REMINDER', subject: 'task', kind: 'REMINDER', category: C.TASKS, audience: 'ASSIGNEE', dueOn: 'TASK_DUE' },
} as const satisfies Record<string, ReminderSpec>;

type Registry = typeof REMINDER_KINDS;
/** A reminder kind's name: the key of its e-mail words and of its bell sentence. */
export type NotificationKindName = keyof Registry;
/** What a notification is about, as stored (`record_request.LEGAL_DUE`). Each belongs to one category, which is what a person chooses e-mail for. */
export type NotificationKind = Registry[NotificationKindName]['id'];
type Entry = Registry[NotificationKindName];

const NAMES = Object.keys(REMINDER_KINDS) as NotificationKindName[];

/** The stored value of each kind by its name (`NotificationKind.RECORD_LEGAL_DUE` is `record_request.LEGAL_DUE`). */
export const NotificationKind = Object.freeze(Object.fromEntries(NAMES.map((n) => [n, REMINDER_KINDS[n].id]))) as { readonly [N in NotificationKindName]: Registry[N]['id'] };

// Every kind of every subject has its entry: a kind added to RecordReminderKind or
// AppointmentReminderKind without one above stops the build here.
type Unregistered<S extends ReminderSpec['subject'], K> = Exclude<K, Extract<Entry, { subject: S }>['kind']>;
const everyRecordKindRegistered: [Unregistered<'record_request', RecordReminderKind>] extends [never] ? true : never = true;
const everyAppointmentKindRegistered: [Unregistered<'appointment', AppointmentReminderKind>] extends [never] ? true : never = true;
void everyRecordKindRegistered;
void everyAppointmentKindRegistered;

const BY_ID = new Map<string, NotificationKindName>(NAMES.map((n) => [REMINDER_KINDS[n].id, n]));

export const isNotificationKind = (kind: string): kind is NotificationKind => BY_ID.has(kind);

/** A stored kind's name (`record_request.LEGAL_DUE` is RECORD_LEGAL_DUE); a kind this code does not know (yet) is null. */
export const notificationKindName = (kind: string): NotificationKindName | null => BY_ID.get(kind) ?? null;

/** The registry's entry of a stored kind, or null for a kind this code does not know (yet). */
export function reminderSpecOf(kind: string): ReminderSpec | null {
  const name = BY_ID.get(kind);
  return name ? REMINDER_KINDS[name] : null;
}

/** The category of a stored kind; a kind this code does not know (yet) is null and is never e-mailed. */
export function categoryOf(kind: string): NotificationCategory | null {
  return reminderSpecOf(kind)?.category ?? null;
}

const entryFor = <S extends ReminderSpec['subject']>(subject: S, kind: string): Extract<Entry, { subject: S }> | null =>
  (Object.values(REMINDER_KINDS) as Entry[]).find((e): e is Extract<Entry, { subject: S }> => e.subject === subject && e.kind === kind) ?? null;

/** The registry's entry of a record-request reminder (null for a kind this code does not know). */
export const recordReminderSpec = (kind: string) => entryFor('record_request', kind);

/** The registry's entry of an appointment reminder or coverage flag (null for a kind this code does not know). */
export const appointmentReminderSpec = (kind: string) => entryFor('appointment', kind);

// Cannot happen for a declared kind (the checks above), so a miss is a programming error.
const registered = <E>(e: E | null, kind: string): E => {
  if (!e) throw new Error(`Reminder kind ${kind} has no entry in REMINDER_KINDS`);
  return e;
};

/** The notification kind a record-request reminder produces. */
export const recordReminderNotificationKind = (kind: RecordReminderKind): NotificationKind => registered(entryFor('record_request', kind), kind).id;

/** The notification kind an appointment reminder (or coverage flag) produces. */
export const appointmentReminderNotificationKind = (kind: AppointmentReminderKind): NotificationKind => registered(entryFor('appointment', kind), kind).id;
