import { addAreaStrings, tasksStringsEn, tasksStringsEs } from '@second-look/web-i18n';

let added = false;

/**
 * Registers the tasks screens' words, which come with their chunk rather than the first
 * screen's. Called at the top of each screen's module (a bare side-effect import would be
 * dropped: the web libraries are declared free of side effects in apps/web/vite.config.ts).
 */
export function addTasksStrings(): void {
  if (added) return;
  added = true;
  addAreaStrings({ en: tasksStringsEn, es: tasksStringsEs });
}
