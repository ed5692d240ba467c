import { DEFAULT_LANGUAGE, INTL_LOCALE, Language } from '@second-look/domain';
import i18next, { TFunction } from 'i18next';
import { emailEn } from './en';
import { emailEs } from './es';

/**
 * One i18next instance for the worker's e-mails, the same library the web client uses
 * (libs/web/i18n/src/i18n.ts), with its own resources: e-mails are written for an inbox, not
 * a screen. Bundled, synchronous, no fallback between languages at run time (a missing
 * Spanish key is caught by email-i18n.spec.ts, never papered over with English in one e-mail).
 */
export const EMAIL_RESOURCES = { en: emailEn, es: emailEs } as const;

const instance = i18next.createInstance();
void instance.init({
  resources: { en: { email: emailEn }, es: { email: emailEs } },
  ns: ['email'],
  defaultNS: 'email',
  lng: DEFAULT_LANGUAGE,
  fallbackLng: false,
  supportedLngs: ['en', 'es'],
  interpolation: { escapeValue: false }, // templates escape for HTML themselves
  returnNull: false,
  initAsync: false,
});

/** The e-mail words of one language: every e-mail is written in exactly one. */
export function emailT(language: Language): TFunction<'email'> {
  return instance.getFixedT(language, 'email');
}

/**
 * A moment as a person reads it in an e-mail, in their language and the organization's time
 * zone: "December 9, 2026 at 10:00 AM CST" / "9 de diciembre de 2026, 10:00 a.m. CST".
 */
export function emailDateTime(at: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[language], { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(at);
}

/** A calendar day ("2026-12-09") as a person reads it in an e-mail: "December 9, 2026" / "9 de diciembre de 2026" (es-US). */
export function emailDay(day: string, language: Language): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[language], { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
