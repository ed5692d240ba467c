/**
 * Cadenas en español de tareas y Mi día que necesitan las primeras pantallas: el menú, la
 * actividad y la categoría de correo de las notificaciones (la frase de la campana para una
 * tarea está con las de los demás recordatorios, en reminder-words-es.ts del dominio). Las de las pantallas están en es-tasks.ts y se cargan con ellas.
 */
export const navTasksEs = { myDay: 'Mi día' };

export const activityTasksEs = {
  TASK_CHANGED: '{{name}} cambió una tarea',
  TASK_CHANGED_added: '{{name}} agregó una tarea',
  TASK_CHANGED_done: '{{name}} terminó una tarea',
  TASK_CHANGED_undone: '{{name}} volvió a abrir una tarea',
  TASK_CHANGED_removed: '{{name}} quitó una tarea',
};

export const notificationTasksEs = {
  category: { TASKS: 'Tareas' },
  categoryHelp: { TASKS: 'Se acerca una tarea que le dieron a usted.' },
};
