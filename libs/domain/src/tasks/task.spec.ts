import { Role } from '../access/roles';
import { CalendarDate } from '../dates/calendar-date';
import { DomainError } from '../errors/domain-error';
import { assertTaskFields, canTickTask, sortTasks, TaskDueState, taskDueState, taskReminderDue, taskReminderStillApplies } from './task';

const d = (s: string) => s as CalendarDate;
const TODAY = d('2026-12-07');
const fields = { title: 'Call the insurer', dueOn: d('2026-12-10'), remindOn: d('2026-12-09'), internal: false, assignee: { userId: 'a', role: Role.ADVOCATE } };
const fieldOf = (f: () => void): string | undefined => {
  try {
    f();
  } catch (e) {
    return (e as DomainError).details?.['field'] as string;
  }
  return undefined;
};

describe('task fields', () => {
  it('accepts a task with a title, a due date and a reminder before it', () => {
    expect(() => assertTaskFields(fields)).not.toThrow();
    expect(() => assertTaskFields({ ...fields, dueOn: null, remindOn: null, assignee: null })).not.toThrow();
  });

  it('refuses a blank or too long title, a reminder after the due date, and an internal task for the patient', () => {
    expect(fieldOf(() => assertTaskFields({ ...fields, title: '   ' }))).toBe('title');
    expect(fieldOf(() => assertTaskFields({ ...fields, title: 'x'.repeat(201) }))).toBe('title');
    expect(fieldOf(() => assertTaskFields({ ...fields, remindOn: d('2026-12-11') }))).toBe('remindOn');
    expect(fieldOf(() => assertTaskFields({ ...fields, internal: true, assignee: { userId: 'p', role: Role.PATIENT } }))).toBe('internal');
    expect(() => assertTaskFields({ ...fields, internal: true })).not.toThrow();
  });
});

describe('who ticks a task', () => {
  it('staff tick any task; the patient or caregiver only a shared task given to them, with edit rights', () => {
    expect(canTickTask({ userId: 's', role: Role.COORDINATOR }, { internal: true, assigneeId: 'x' }, false)).toBe(true);
    expect(canTickTask({ userId: 'p', role: Role.PATIENT }, { internal: false, assigneeId: 'p' }, true)).toBe(true);
    expect(canTickTask({ userId: 'p', role: Role.PATIENT }, { internal: false, assigneeId: 'a' }, true)).toBe(false);
    expect(canTickTask({ userId: 'c', role: Role.CAREGIVER }, { internal: false, assigneeId: 'c' }, false)).toBe(false);
    expect(canTickTask({ userId: 'p', role: Role.PATIENT }, { internal: true, assigneeId: 'p' }, true)).toBe(false);
  });
});

describe('due state, order and reminder', () => {
  it('reads overdue, today, soon, later, undated and done', () => {
    expect(taskDueState({ dueOn: d('2026-12-06'), doneAt: null }, TODAY)).toBe(TaskDueState.OVERDUE);
    expect(taskDueState({ dueOn: TODAY, doneAt: null }, TODAY)).toBe(TaskDueState.DUE_TODAY);
    expect(taskDueState({ dueOn: d('2026-12-14'), doneAt: null }, TODAY)).toBe(TaskDueState.DUE_SOON);
    expect(taskDueState({ dueOn: d('2026-12-15'), doneAt: null }, TODAY)).toBe(TaskDueState.LATER);
    expect(taskDueState({ dueOn: null, doneAt: null }, TODAY)).toBe(TaskDueState.NO_DATE);
    expect(taskDueState({ dueOn: d('2026-12-01'), doneAt: new Date() }, TODAY)).toBe(TaskDueState.DONE);
  });

  it('sorts open tasks by due date (undated last) before done ones, latest done first', () => {
    const t = (id: string, dueOn: string | null, doneAt: string | null) => ({ id, dueOn, doneAt, createdAt: '2026-12-01T00:00:00Z' });
    const sorted = sortTasks([
      t('done-old', '2026-12-01', '2026-12-02T00:00:00Z'),
      t('undated', null, null),
      t('late', '2026-12-20', null),
      t('done-new', null, '2026-12-05T00:00:00Z'),
      t('soon', '2026-12-08', null),
    ]);
    expect(sorted.map((x) => x.id)).toEqual(['soon', 'late', 'undated', 'done-new', 'done-old']);
  });

  it('plans one reminder on its date while the task is open; a done or moved task has none', () => {
    expect(taskReminderDue({ remindOn: d('2026-12-09'), doneAt: null }, TODAY)).toBe('2026-12-09');
    expect(taskReminderDue({ remindOn: TODAY, doneAt: null }, TODAY)).toBe(TODAY);
    expect(taskReminderDue({ remindOn: d('2026-12-06'), doneAt: null }, TODAY)).toBeNull();
    expect(taskReminderDue({ remindOn: d('2026-12-09'), doneAt: new Date() }, TODAY)).toBeNull();
    expect(taskReminderStillApplies({ remindOn: '2026-12-09', doneAt: null }, '2026-12-09')).toBe(true);
    expect(taskReminderStillApplies({ remindOn: '2026-12-10', doneAt: null }, '2026-12-09')).toBe(false);
    expect(taskReminderStillApplies({ remindOn: '2026-12-09', doneAt: new Date() }, '2026-12-09')).toBe(false);
  });
});
