/**
 * English strings of tasks and My day that the first screens need: the menu, the activity
 * feed and the notifications' e-mail category (the bell's sentence for a task is with the other
 * reminder kinds' in the domain, reminder-words-en.ts). The screens' own strings are in en-tasks.ts and load with them.
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
  category: { TASKS: 'Tasks' },
  categoryHelp: { TASKS: 'A task given to you is coming up.' },
};
