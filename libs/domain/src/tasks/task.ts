import { Role, isStaffRole } from '../access/roles';
import { CalendarDate, daysBetween } from '../dates/calendar-date';
import { DomainError, DomainErrorCode } from '../errors/domain-error';

/*
 * Tasks (docs/domain.md, "Tasks"): the small jobs around the journey that no other part of
 * the product dates ("call the insurer Tuesday", "ask for the disc"), on a case, given to a
 * staff member or to the patient or a caregiver, with a due date and an optional reminder.
 */

export const TASK_TITLE_MAX = 200;
export const TASK_DETAILS_MAX = 2000;

/** Who a task is for, as far as the rules care: staff, or the patient's side of the case. */
export interface TaskAssignee {
  readonly userId: string;
  readonly role: Role;
}

export interface TaskFields {
  readonly title: string;
  readonly dueOn: CalendarDate | null;
  readonly remindOn: CalendarDate | null;
  /** Staff only: never shown to the patient or caregivers. */
  readonly internal: boolean;
  readonly assignee: TaskAssignee | null;
}

/** A refused field, with the reason code the client words in the reader's language (validation.reason in the web locales). */
const invalid = (field: string, message: string, reason: string): DomainError => new DomainError(DomainErrorCode.VALIDATION_FAILED, message, { field, reason });

/** A task needs a title; a reminder comes on or before the due date; a task for the patient cannot be internal. */
export function assertTaskFields(f: TaskFields): void {
  const title = f.title.trim();
  if (!title) throw invalid('title', 'Say what needs doing.', 'REQUIRED');
  if (title.length > TASK_TITLE_MAX) throw invalid('title', `Keep the task to ${TASK_TITLE_MAX} characters; add the rest as details.`, 'TOO_LONG');
  if (f.remindOn && f.dueOn && f.remindOn > f.dueOn) throw invalid('remindOn', 'The reminder has to come on or before the due date.', 'REMIND_AFTER_DUE');
  if (f.internal && f.assignee && !isStaffRole(f.assignee.role))
    throw invalid('internal', 'A task for the patient or a caregiver cannot be staff only: they would not see it.', 'INTERNAL_FOR_PATIENT');
}

/**
 * Who may tick a task done (or undo it): staff of the case's organization, and the patient or a
 * caregiver for a task given to them, when they may edit the case. Internal tasks: staff only.
 */
export function canTickTask(actor: { userId: string; role: Role }, task: { internal: boolean; assigneeId: string | null }, canEditCase: boolean): boolean {
  if (isStaffRole(actor.role)) return true;
  if (task.internal) return false;
  return canEditCase && task.assigneeId === actor.userId;
}

/** Staff write tasks; the patient's side only ticks the ones given to them. */
export const canWriteTasks = (role: Role): boolean => isStaffRole(role);

export enum TaskDueState {
  DONE = 'DONE',
  OVERDUE = 'OVERDUE',
  DUE_TODAY = 'DUE_TODAY',
  /** Due within the next 7 days. */
  DUE_SOON = 'DUE_SOON',
  LATER = 'LATER',
  NO_DATE = 'NO_DATE',
}

export const TASK_DUE_SOON_DAYS = 7;

export function taskDueState(task: { dueOn: CalendarDate | null; doneAt: Date | string | null }, today: CalendarDate): TaskDueState {
  if (task.doneAt) return TaskDueState.DONE;
  if (!task.dueOn) return TaskDueState.NO_DATE;
  const days = daysBetween(today, task.dueOn);
  if (days < 0) return TaskDueState.OVERDUE;
  if (days === 0) return TaskDueState.DUE_TODAY;
  return days <= TASK_DUE_SOON_DAYS ? TaskDueState.DUE_SOON : TaskDueState.LATER;
}

/** Open tasks first, by due date (undated last), then done ones, most recently done first. */
export function sortTasks<T extends { dueOn: string | null; doneAt: Date | string | null; createdAt: Date | string }>(tasks: readonly T[]): T[] {
  const time = (d: Date | string) => new Date(d).getTime();
  return [...tasks].sort((a, b) => {
    if (!!a.doneAt !== !!b.doneAt) return a.doneAt ? 1 : -1;
    if (a.doneAt && b.doneAt) return time(b.doneAt) - time(a.doneAt);
    if (a.dueOn !== b.dueOn) return a.dueOn === null ? 1 : b.dueOn === null ? -1 : a.dueOn < b.dueOn ? -1 : 1;
    return time(a.createdAt) - time(b.createdAt);
  });
}

/**
 * The one reminder a task may have: on its reminder date, while the task is open and the date
 * has not gone by. A task done (or its reminder moved) before the day finds nothing to send.
 */
export function taskReminderDue(task: { remindOn: CalendarDate | null; doneAt: Date | string | null }, today: CalendarDate): CalendarDate | null {
  if (!task.remindOn || task.doneAt) return null;
  return task.remindOn >= today ? task.remindOn : null;
}

/** Whether a reminder planned for `on` still applies when its job runs: same date, task still open. */
export const taskReminderStillApplies = (task: { remindOn: string | null; doneAt: Date | string | null }, on: string): boolean => !task.doneAt && task.remindOn === on;
