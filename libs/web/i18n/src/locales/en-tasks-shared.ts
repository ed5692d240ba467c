/**
 * English strings of tasks and My day that the first screens need: the menu, the activity
 * feed and the bell. The screens' own strings are in en-tasks.ts and load with them.
 */
export const navTasksEn = { myDay: 'My day' };

export const activityTasksEn = {
  TASK_CHANGED: '{{name}} changed a task',
  TASK_CHANGED_added: '{{name}} added a task',
  TASK_CHANGED_done: '{{name}} finished a task',
  TASK_CHANGED_undone: '{{name}} opened a task again',
  TASK_CHANGED_removed: '{{name}} removed a task',
};

export const notificationTasksEn = {
  kind: {
    TASK_REMINDER: 'A task on this case is due {{when}}.',
    TASK_REMINDER_past: 'A task on this case was due {{when}}.',
  },
  category: { TASKS: 'Tasks' },
  categoryHelp: { TASKS: 'A task given to you is coming up.' },
};
