import type { AreaStrings } from '../i18n';
/**
 * English strings of the new-case page: loaded with the screens that show them
 * (the group at the end, registered with addAreaStrings), not with the first screen.
 */
export const newCaseEn = {
  title: 'New case',
  intro: 'Start with what the patient wants to know. Everything can be refined later.',
  patientSection: 'Patient',
  patientName: 'Patient name',
  patientEmail: 'Patient e-mail',
  patientEmailHelp: 'If you add it, we send the patient an invitation to join their case.',
  questionSection: 'The question',
  question: 'The question to answer',
  questionHelp: 'In the patient’s own words, for example "Is surgery really my best option?"',
  diagnosis: 'Diagnosis or plan in doubt',
  diagnosisHelp: 'What the current doctor said or proposed.',
  triggers: 'Why a second opinion?',
  triggersHelp: 'Choose every reason that fits.',
  triggerNotes: 'Notes',
  triggerNotesHelp: 'Anything else that helps explain the reasons.',
  urgency: 'Urgency',
  leadAdvocate: 'Lead advocate',
  leadAdvocatePlaceholder: 'Choose later',
  create: 'Open case',
  creating: 'Opening…',
};

/** The group to register where these words show (addAreaStrings): English here, Spanish fetched for Spanish readers. */
export const newCaseWords: AreaStrings = { en: { newCase: newCaseEn }, es: () => import('./es-new-case').then((m) => ({ newCase: m.newCaseEs })) };
