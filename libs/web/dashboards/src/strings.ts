import { addAreaStrings, dashboardsEn, dashboardsEs } from '@second-look/web-i18n';

/**
 * The dashboard's words (keys `dashboards.…`, beside the menu's `dashboards.nav` in the main
 * file) join when its chunk loads, in both languages, through addAreaStrings as every lazily
 * loaded area's do. Called at the top of each page module (the build treats our modules as free
 * of side effects, so a bare `import './strings'` would be dropped).
 */
export function registerDashboardStrings(): void {
  addAreaStrings({ en: { dashboards: dashboardsEn }, es: { dashboards: dashboardsEs } });
}
