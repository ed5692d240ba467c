import { CasePhase, Language } from '@second-look/domain';

/**
 * The words of calendar events, in the reader's language. A feed is read by a third-party
 * calendar service, so these never carry a diagnosis, a condition or a document's name: only
 * what kind of date it is, the provider or record holder, and a link back (docs/exports.md).
 */
export interface CalendarWords {
  feedName: string;
  appointment: (provider: string) => string;
  appointmentAlarm: string;
  planTarget: (holder: string) => string;
  legalDue: (holder: string) => string;
  preAuthEnds: string;
  coverageRecheck: string;
  phaseTarget: Record<CasePhase, string>;
  /** Staff feeds name the case by the patient's initials only, so an advocate can tell cases apart. */
  forCase: (title: string, initials: string) => string;
  openInApp: (url: string) => string;
  where: (place: string) => string;
  video: (link: string) => string;
}

const en: CalendarWords = {
  feedName: 'Second Look',
  appointment: (p) => `Second-opinion appointment — ${p}`,
  appointmentAlarm: 'Second-opinion appointment tomorrow. Bring your packet and your questions.',
  planTarget: (h) => `Records due from ${h}`,
  legalDue: (h) => `Legal deadline for records from ${h}`,
  preAuthEnds: 'Prior authorization ends',
  coverageRecheck: 'Check insurance coverage again',
  phaseTarget: {
    [CasePhase.RECORDS]: 'Goal: all records gathered',
    [CasePhase.APPOINTMENT]: 'Goal: second-opinion visit done',
    [CasePhase.FOLLOW_UP]: 'Goal: follow-up with the current doctor',
  },
  forCase: (t, i) => `${t} (${i})`,
  openInApp: (u) => `Open in Second Look: ${u}`,
  where: (p) => `Where: ${p}`,
  video: (l) => `Video link: ${l}`,
};

const es: CalendarWords = {
  feedName: 'Second Look',
  appointment: (p) => `Cita de segunda opinión — ${p}`,
  appointmentAlarm: 'Mañana tiene su cita de segunda opinión. Lleve su paquete y sus preguntas.',
  planTarget: (h) => `Fecha para recibir expedientes de ${h}`,
  legalDue: (h) => `Fecha límite legal de los expedientes de ${h}`,
  preAuthEnds: 'Termina la autorización previa',
  coverageRecheck: 'Volver a revisar la cobertura del seguro',
  phaseTarget: {
    [CasePhase.RECORDS]: 'Meta: tener todos los expedientes',
    [CasePhase.APPOINTMENT]: 'Meta: cita de segunda opinión hecha',
    [CasePhase.FOLLOW_UP]: 'Meta: cita de seguimiento con su médico actual',
  },
  forCase: (t, i) => `${t} (${i})`,
  openInApp: (u) => `Abrir en Second Look: ${u}`,
  where: (p) => `Lugar: ${p}`,
  video: (l) => `Enlace de video: ${l}`,
};

export const CALENDAR_WORDS: Record<Language, CalendarWords> = { en, es };

/** The first letters of the first and last words: "María José de la Cruz" → "M. C.". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const [firstWord] = words;
  const lastWord = words.at(-1);
  if (!firstWord || !lastWord) return '?';
  const first = firstWord.charAt(0).toUpperCase();
  return words.length === 1 ? `${first}.` : `${first}. ${lastWord.charAt(0).toUpperCase()}.`;
}
