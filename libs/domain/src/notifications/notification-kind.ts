import type { AppointmentReminderAudience, AppointmentReminderKind, AppointmentReminderSettings } from '../appointments/appointment-reminders';
import { addDays, CalendarDate } from '../dates/calendar-date';
import { workingDayOnOrAfter, workingDayOnOrBefore, workingDaysBefore } from '../dates/working-days';
import type { IsoWeekday } from '../dates/working-hours';
import type { RecordReminderDates, RecordReminderKind, RecordReminderSettings } from '../records/record-reminders';

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
  /** Staff: coverage to verify before a visit, a prior authorization that ends too soon, a visit that moved. */
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
  /** The subject's own name of the kind (`LEGAL_DUE`), the end of `id`; job payloads carry it. */
  readonly kind: string;
  readonly category: NotificationCategory;
  readonly audience: ReminderAudience;
  readonly dueOn: ReminderDueDate;
} & (
  | { readonly subject: 'record_request'; readonly audience: 'STAFF' | 'STAFF_AND_COORDINATORS'; readonly dueOn: 'NONE' | 'PLAN_TARGET' | 'LEGAL_DUE' }
  | { readonly subject: 'appointment'; readonly audience: `${AppointmentReminderAudience}`; readonly dueOn: 'VISIT' | 'PRE_AUTH_END' }
  | { readonly subject: 'task'; readonly kind: 'REMINDER'; readonly audience: 'ASSIGNEE'; readonly dueOn: 'TASK_DUE' }
);

const C = NotificationCategory;

/**
 * Every reminder kind, declared once (docs/architecture.md, "A reminder kind"): its stored value,
 * subject and kind, category, audience and the date its sentence says; the day it goes is its
 * entry in REMINDER_DAYS below, and its words are keyed by its name (RECORD_LEGAL_DUE) in
 * reminder-words-en.ts and reminder-words-es.ts (the e-mail's and the bell's). Everything else is
 * read from here: the subjects' kinds (RecordReminderKind, AppointmentReminderKind), the
 * schedules (allRecordRequestReminders, allAppointmentReminders), the notification kind and its
 * category, the job's recipients and the date its notification carries, whether the bell's
 * sentence has a date. A name without its day or its words does not compile. Within a subject,
 * kinds due on the same day come in this order.
 */
export const REMINDER_KINDS = {
  RECORD_SENT_DAY: { id: 'record_request.SENT_DAY', subject: 'record_request', kind: 'SENT_DAY', category: C.RECORD_REMINDERS, audience: 'STAFF', dueOn: 'NONE' },
  RECORD_TARGET_SOON: { id: 'record_request.TARGET_SOON', subject: 'record_request', kind: 'TARGET_SOON', category: C.RECORD_REMINDERS, audience: 'STAFF', dueOn: 'PLAN_TARGET' },
  RECORD_TARGET_DUE: { id: 'record_request.TARGET_DUE', subject: 'record_request', kind: 'TARGET_DUE', category: C.RECORD_REMINDERS, audience: 'STAFF', dueOn: 'PLAN_TARGET' },
  RECORD_LEGAL_SOON: { id: 'record_request.LEGAL_SOON', subject: 'record_request', kind: 'LEGAL_SOON', category: C.RECORD_REMINDERS, audience: 'STAFF', dueOn: 'LEGAL_DUE' },
  RECORD_LEGAL_DUE: { id: 'record_request.LEGAL_DUE', subject: 'record_request', kind: 'LEGAL_DUE', category: C.RECORD_REMINDERS, audience: 'STAFF', dueOn: 'LEGAL_DUE' },
  RECORD_LEGAL_OVERDUE: { id: 'record_request.LEGAL_OVERDUE', subject: 'record_request', kind: 'LEGAL_OVERDUE', category: C.RECORD_ESCALATIONS, audience: 'STAFF_AND_COORDINATORS', dueOn: 'NONE' },
  // Before the patient's on purpose: on a day they share, the coverage check comes first.
  INSURANCE_VERIFY_COVERAGE: { id: 'insurance.VERIFY_COVERAGE', subject: 'appointment', kind: 'VERIFY_COVERAGE', category: C.INSURANCE_CHECKS, audience: 'STAFF', dueOn: 'VISIT' },
  APPOINTMENT_SOON: { id: 'appointment.SOON', subject: 'appointment', kind: 'SOON', category: C.APPOINTMENT_REMINDERS, audience: 'PATIENT', dueOn: 'VISIT' },
  APPOINTMENT_DAY_BEFORE: { id: 'appointment.DAY_BEFORE', subject: 'appointment', kind: 'DAY_BEFORE', category: C.APPOINTMENT_REMINDERS, audience: 'PATIENT', dueOn: 'VISIT' },
  APPOINTMENT_RECORD_OPINION: { id: 'appointment.RECORD_OPINION', subject: 'appointment', kind: 'RECORD_OPINION', category: C.AFTER_VISIT, audience: 'PATIENT_AND_ADVOCATE', dueOn: 'VISIT' },
  APPOINTMENT_BOOK_FOLLOW_UP: { id: 'appointment.BOOK_FOLLOW_UP', subject: 'appointment', kind: 'BOOK_FOLLOW_UP', category: C.AFTER_VISIT, audience: 'PATIENT_AND_ADVOCATE', dueOn: 'VISIT' },
  INSURANCE_PRE_AUTH_EXPIRES: { id: 'insurance.PRE_AUTH_EXPIRES', subject: 'appointment', kind: 'PRE_AUTH_EXPIRES', category: C.INSURANCE_CHECKS, audience: 'STAFF', dueOn: 'PRE_AUTH_END' },
  INSURANCE_REVERIFY_COVERAGE: { id: 'insurance.REVERIFY_COVERAGE', subject: 'appointment', kind: 'REVERIFY_COVERAGE', category: C.INSURANCE_CHECKS, audience: 'STAFF', dueOn: 'VISIT' },
  /** A task's reminder, to the person it is given to (docs/domain.md, "Tasks"); its day is the task's own (TaskReminderScheduler). */
  TASK_REMINDER: { id: 'task.REMINDER', subject: 'task', kind: 'REMINDER', category: C.TASKS, audience: 'ASSIGNEE', dueOn: 'TASK_DUE' },
} as const satisfies Record<string, ReminderSpec>;

type Registry = typeof REMINDER_KINDS;
/** A reminder kind's name: the key of its e-mail words and of its bell sentence. */
export type NotificationKindName = keyof Registry;
/** What a notification is about, as stored (`record_request.LEGAL_DUE`). Each belongs to one category, which is what a person chooses e-mail for. */
export type NotificationKind = Registry[NotificationKindName]['id'];
type Entry = Registry[NotificationKindName];

const NAMES = Object.keys(REMINDER_KINDS) as NotificationKindName[];

/** A visit's day, the organization's working days and its chosen distances: what an appointment reminder's day is read from. */
export interface AppointmentReminderContext {
  readonly visitOn: CalendarDate;
  readonly workingDays: readonly IsoWeekday[];
  readonly settings: AppointmentReminderSettings;
}

/**
 * The day a record-request reminder goes, from the request's dates and the organization's
 * settings (null: none under these settings, e.g. a "soon" of 0 days). `DAYS_AFTER_SENT`: on each
 * of the organization's days after sending, except a day another reminder already has or one
 * after the legal date.
 */
export type RecordReminderDay = ((dates: RecordReminderDates, settings: RecordReminderSettings, workingDays: readonly IsoWeekday[]) => CalendarDate | null) | 'DAYS_AFTER_SENT';

/**
 * The day an appointment reminder goes: before the visit (dropped once the visit has begun) or
 * after it, or `FLAG`: raised at once when something changes (the scheduler raises it with the
 * visit's date; the job checks what it flags).
 */
export type AppointmentReminderDay = { readonly timing: 'BEFORE_VISIT' | 'AFTER_VISIT'; readonly on: (c: AppointmentReminderContext) => CalendarDate | null } | 'FLAG';

type DayOf<S> = S extends 'record_request' ? RecordReminderDay : S extends 'appointment' ? AppointmentReminderDay : never;
type ScheduledName = { [N in NotificationKindName]: Registry[N]['subject'] extends 'task' ? never : N }[NotificationKindName];

/**
 * A "soon" reminder: `days` before the date it warns of, moved back onto a working day. Moved
 * on instead (as every job is, to the next working time), a Saturday or Sunday "soon" would come
 * on the Monday morning of a Monday date, beside the reminder of the date itself.
 */
const soonBefore = (date: CalendarDate, days: number, workingDays: readonly IsoWeekday[]) => (days > 0 ? workingDayOnOrBefore(addDays(date, -days), workingDays) : null);
/** The last working day before the visit. */
const dayBeforeVisit = (c: AppointmentReminderContext) => workingDayOnOrBefore(addDays(c.visitOn, -1), c.workingDays);
/** The first working day at the chosen distance after the visit (at least the day after). */
const opinionDay = (c: AppointmentReminderContext) => workingDayOnOrAfter(addDays(c.visitOn, Math.max(1, c.settings.recordOpinionDays)), c.workingDays);

/**
 * The day each record-request and appointment kind of REMINDER_KINDS goes, by its name: what the
 * schedules (allRecordRequestReminders, allAppointmentReminders) and the jobs' "does this still
 * apply?" read. Beside the registry rather than in it, so the web client, which reads the
 * registry for the bell, carries no date arithmetic.
 */
export const REMINDER_DAYS: { readonly [N in ScheduledName]: DayOf<Registry[N]['subject']> } = {
  RECORD_SENT_DAY: 'DAYS_AFTER_SENT',
  RECORD_TARGET_SOON: (d, s, w) => soonBefore(d.planTargetOn, s.targetSoonDays, w),
  RECORD_TARGET_DUE: (d) => d.planTargetOn,
  RECORD_LEGAL_SOON: (d, s, w) => soonBefore(d.legalDueOn, s.legalSoonDays, w),
  RECORD_LEGAL_DUE: (d) => d.legalDueOn,
  /** The day after the legal date: the coordinators too (an escalation). */
  RECORD_LEGAL_OVERDUE: (d) => addDays(d.legalDueOn, 1),
  /** Staff, a working week before. */
  INSURANCE_VERIFY_COVERAGE: { timing: 'BEFORE_VISIT', on: (c) => workingDaysBefore(c.visitOn, c.settings.verifyWorkingDays, c.workingDays) },
  /** A few days before, unless that falls on the day-before one's day or later (or is set to none). */
  APPOINTMENT_SOON: {
    timing: 'BEFORE_VISIT',
    on: (c) => {
      const soon = c.settings.soonDays > 0 ? workingDayOnOrBefore(addDays(c.visitOn, -c.settings.soonDays), c.workingDays) : null;
      return soon && soon < dayBeforeVisit(c) ? soon : null;
    },
  },
  APPOINTMENT_DAY_BEFORE: { timing: 'BEFORE_VISIT', on: dayBeforeVisit },
  APPOINTMENT_RECORD_OPINION: { timing: 'AFTER_VISIT', on: opinionDay },
  /** One nudge a day: a follow-up that a weekend pushed onto the opinion one's day goes the working day after. */
  APPOINTMENT_BOOK_FOLLOW_UP: {
    timing: 'AFTER_VISIT',
    on: (c) => {
      const day = workingDayOnOrAfter(addDays(c.visitOn, c.settings.followUpDays), c.workingDays);
      const opinion = opinionDay(c);
      return day > opinion ? day : workingDayOnOrAfter(addDays(opinion, 1), c.workingDays);
    },
  },
  INSURANCE_PRE_AUTH_EXPIRES: 'FLAG',
  INSURANCE_REVERIFY_COVERAGE: 'FLAG',
};

/** The stored value of each kind by its name (`NotificationKind.RECORD_LEGAL_DUE` is `record_request.LEGAL_DUE`). */
export const NotificationKind = Object.freeze(Object.fromEntries(NAMES.map((n) => [n, REMINDER_KINDS[n].id]))) as { readonly [N in NotificationKindName]: Registry[N]['id'] };

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

/** The registry's entries of one subject (`record_request`, `appointment`). */
export type SubjectReminderSpec<S extends ReminderSpec['subject']> = Extract<Entry, { subject: S }>;

/** The entries of one subject, in the registry's order. */
export const subjectReminderSpecs = <S extends ReminderSpec['subject']>(subject: S): readonly SubjectReminderSpec<S>[] =>
  (Object.values(REMINDER_KINDS) as Entry[]).filter((e): e is SubjectReminderSpec<S> => e.subject === subject);

/** A subject's kinds with the day each goes, in the registry's order: what its schedule walks. */
export const scheduledReminders = <S extends 'record_request' | 'appointment'>(subject: S): readonly { readonly spec: SubjectReminderSpec<S>; readonly day: DayOf<S> }[] =>
  NAMES.filter((n) => REMINDER_KINDS[n].subject === subject).map((n) => ({ spec: REMINDER_KINDS[n] as SubjectReminderSpec<S>, day: REMINDER_DAYS[n as ScheduledName] as DayOf<S> }));

/** A subject's kinds, as an enum lists them (`RecordReminderKind.LEGAL_DUE` is `LEGAL_DUE`): read from the registry, never listed twice. */
export const subjectKinds = <S extends ReminderSpec['subject']>(subject: S) =>
  Object.freeze(Object.fromEntries(subjectReminderSpecs(subject).map((e) => [e.kind, e.kind]))) as { readonly [K in SubjectReminderSpec<S>['kind']]: K };

const entryFor = <S extends ReminderSpec['subject']>(subject: S, kind: string): SubjectReminderSpec<S> | null => subjectReminderSpecs(subject).find((e) => e.kind === kind) ?? null;

/** The registry's entry of a record-request reminder (null for a kind this code does not know). */
export const recordReminderSpec = (kind: string) => entryFor('record_request', kind);

/** The registry's entry of an appointment reminder or coverage flag (null for a kind this code does not know). */
export const appointmentReminderSpec = (kind: string) => entryFor('appointment', kind);

// Cannot happen for a declared kind (the subjects' kinds are read from the registry), so a miss is a programming error.
const registered = <E>(e: E | null, kind: string): E => {
  if (!e) throw new Error(`Reminder kind ${kind} has no entry in REMINDER_KINDS`);
  return e;
};

/** The notification kind a record-request reminder produces. */
export const recordReminderNotificationKind = (kind: RecordReminderKind): NotificationKind => registered(entryFor('record_request', kind), kind).id;

/** The notification kind an appointment reminder (or coverage flag) produces. */
export const appointmentReminderNotificationKind = (kind: AppointmentReminderKind): NotificationKind => registered(entryFor('appointment', kind), kind).id;

/**
 * A kind's key among the bell's sentences (`notifications.kind` in the web client's words): its
 * name (APPOINTMENT_DAY_BEFORE), except that record-request kinds keep their short keys (TARGET_DUE).
 */
export type BellKey = { [N in NotificationKindName]: Registry[N] extends { subject: 'record_request' } ? Registry[N]['kind'] : N }[NotificationKindName];

/** A kind's bell key (see BellKey). */
export function bellKeyOf(name: NotificationKindName): BellKey {
  const spec: ReminderSpec = REMINDER_KINDS[name];
  // The compiler cannot narrow `name` from its entry's subject, hence the one cast (BellKey says the same rule).
  return (spec.subject === 'record_request' ? spec.kind : name) as BellKey;
}

/** Every kind's bell sentence, for before and after its date, in one language (reminder-words-en.ts, reminder-words-es.ts). */
export type ReminderBellSentences = Record<BellKey | `${BellKey}_past`, string>;

/** Every kind's e-mail subject and sentence, in one language. */
export type ReminderEmailWords = Record<NotificationKindName, { subject: string; line: string }>;
