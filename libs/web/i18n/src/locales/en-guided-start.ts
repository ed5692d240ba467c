import type { AreaStrings } from '../i18n';

/** English strings for "deciding and asking": whether a second opinion is worth it, and the current doctor. */
export const enGuidedStart = {
  heading: 'Is a second opinion worth it?',
  because: 'What weighs most here: {{reasons}}.',
  actSoon: 'This is urgent, so look for a provider who can see the records quickly. Remote second-opinion programs often answer within days.',
  ruleOfThumb:
    'A rule of thumb: it is worth it when the decision is life-changing, risky or cannot be undone, or when the doubt stays after a clear explanation. It is rarely needed for a routine prescription.',
  currentDoctorSection: 'The current doctor',
  currentDoctorSpecialty: 'Current doctor’s specialty',
  currentDoctorSpecialtyHelp: 'For example "Surgery" or "Cardiology". It helps find someone who looks from a different angle.',
  currentDoctorSubSpecialty: 'Sub-specialty',
  currentDoctorSubSpecialtyHelp: 'For example "Breast surgery". Leave empty if you are not sure.',
};

/** The group to register where these words show (addAreaStrings): English here, Spanish fetched for Spanish readers. */
export const guidedStartWords: AreaStrings = {
  en: { guidedStart: enGuidedStart },
  es: () => import('./es-guided-start').then((m) => ({ guidedStart: m.esGuidedStart })),
};
