import { addAreaStrings, securityAccountEn, securityAccountEs } from '@second-look/web-i18n';

/**
 * Registers the words of the security pages (second sign-in steps, devices, the admin's
 * settings), which come with those pages' chunks rather than the first screen's. Called at the
 * top of each module that shows them (a bare side-effect import would be dropped: the web
 * libraries are declared free of side effects in apps/web/vite.config.ts).
 */
export function addSecurityAccountStrings(): void {
  addAreaStrings({ en: { securityAccount: securityAccountEn }, es: { securityAccount: securityAccountEs } });
}
