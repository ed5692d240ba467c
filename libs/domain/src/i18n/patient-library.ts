import { CaseStage } from '../cases/case-stage';
import { StarterQuestion } from '../appointments/questions';
import { DEFAULT_LANGUAGE, Language } from './language';

/*
 * The patient-facing library in both languages: the built-in doctor scripts, the suggested
 * appointment questions and the plain-language guide to each stage (what it is, one tip).
 * Plain keyed content, no framework: the API serves it in the caller's language and the web
 * client shows what the API sends. The Spanish is written for US patients (usted, plain words,
 * the terms US Spanish-language patient materials use: segunda opinión, expediente médico,
 * seguro médico, autorización previa, remisión), not a word-for-word copy of the English.
 */

export type Bilingual<T> = Readonly<Record<Language, T>>;

export interface DoctorScriptText {
  readonly title: string;
  readonly body: string;
}

/** The words of each built-in script, by its stable key (BUILT_IN_DOCTOR_SCRIPTS). */
export const DOCTOR_SCRIPT_TEXT: Readonly<Record<string, Bilingual<DoctorScriptText>>> = {
  'good-relationship-second-opinion': {
    en: {
      title: 'A second opinion, with a doctor you trust',
      body: 'I really value how you have taken care of me. Because this decision matters so much, I would like to hear one more specialist’s view before we go ahead. It would give me peace of mind. Could you suggest someone, and help me send them my records?',
    },
    es: {
      title: 'Pedir una segunda opinión a un médico de confianza',
      body: 'Le agradezco mucho cómo me ha atendido. Como esta decisión es tan importante para mí, me gustaría escuchar la opinión de otro especialista antes de seguir adelante. Me daría tranquilidad. ¿Me podría recomendar a alguien y ayudarme a enviarle mi expediente médico?',
    },
  },
  'good-relationship-records': {
    en: {
      title: 'Your records, from a doctor you trust',
      body: 'I am getting a second opinion and would like to bring everything with me. Could your office send me copies of my notes, test results and scans, including the images themselves and not only the reports? Thank you for helping with this.',
    },
    es: {
      title: 'Pedir su expediente médico a un médico de confianza',
      body: 'Voy a pedir una segunda opinión y quiero llevar toda mi información. ¿Podría su consultorio darme copias de mis notas médicas, mis resultados de análisis y mis estudios de imagen? Necesito las imágenes mismas, no solo los informes. Muchas gracias por su ayuda.',
    },
  },
  'rushed-second-opinion': {
    en: {
      title: 'A second opinion, when time is short',
      body: 'I know you have very little time, so I will be quick. Before I decide, I would like a second opinion. Who would you suggest, and who in your office can help me with the referral and my records?',
    },
    es: {
      title: 'Pedir una segunda opinión cuando hay poco tiempo',
      body: 'Sé que tiene poco tiempo, así que seré breve. Antes de decidir, quisiera una segunda opinión. ¿A quién me recomienda? ¿Y quién en su consultorio me puede ayudar con la remisión y con mi expediente médico?',
    },
  },
  'rushed-records': {
    en: {
      title: 'Your records, when time is short',
      body: 'I do not want to take up your time. Who in your office can send my records for a second opinion? I will need the notes, test results, scans on a disc, and any pathology slides.',
    },
    es: {
      title: 'Pedir su expediente médico cuando hay poco tiempo',
      body: 'No quiero quitarle mucho tiempo. ¿Quién en su consultorio puede enviar mi expediente médico para una segunda opinión? Necesito las notas, los resultados de análisis, los estudios de imagen en un disco y, si las hay, las laminillas de patología.',
    },
  },
  'insurance-referral': {
    en: {
      title: 'A referral my insurance needs',
      body: 'My insurance only pays for a second opinion with a referral from you. Would you be willing to write one? I can give your office the name of the doctor I would like to see and my member number.',
    },
    es: {
      title: 'La remisión que pide su seguro médico',
      body: 'Mi seguro médico solo paga la segunda opinión si usted me da una remisión. ¿Me la podría hacer? Puedo darle a su consultorio el nombre del médico que quiero ver y mi número de afiliado.',
    },
  },
  'insurance-pre-authorization': {
    en: {
      title: 'Asking your office to request prior authorization',
      body: 'My plan says the request for prior authorization has to come from your office. Could someone send it for my second-opinion visit? I can share the plan’s phone number and the reference number from my call.',
    },
    es: {
      title: 'Pedir a su consultorio que solicite la autorización previa',
      body: 'Mi plan dice que la solicitud de autorización previa tiene que venir de su consultorio. ¿Alguien la podría enviar para mi cita de segunda opinión? Le puedo dar el teléfono del plan y el número de referencia de mi llamada.',
    },
  },
  'reacted-badly-second-opinion': {
    en: {
      title: 'Asking again, calmly',
      body: 'I may not have said it well last time. This is not about doubting you. It is a big decision, and hearing another view will help me feel sure about it. I would still like your help with a referral and my records.',
    },
    es: {
      title: 'Volver a pedirlo con calma',
      body: 'Tal vez no me expliqué bien la última vez. No es que dude de usted. Es una decisión muy importante, y escuchar otra opinión me ayudará a tomarla con tranquilidad. Me gustaría seguir contando con su ayuda para la remisión y mi expediente médico.',
    },
  },
  'reacted-badly-records': {
    en: {
      title: 'Asking for your records in writing',
      body: 'I would like copies of my medical records, including test results, imaging and pathology reports, sent to me so I can share them with another doctor. I understand I have a right to my records. Please let me know when they will be ready.',
    },
    es: {
      title: 'Pedir su expediente médico por escrito',
      body: 'Quisiera recibir copias de mi expediente médico, incluidos los resultados de análisis, los estudios de imagen y los informes de patología, para compartirlos con otro médico. Entiendo que tengo derecho a recibir mi expediente. Por favor, avíseme cuándo estará listo.',
    },
  },
};

/** The suggested questions for the second-opinion visit, as the patient would ask them. */
export const STARTER_QUESTION_TEXT: Readonly<Record<StarterQuestion, Bilingual<string>>> = {
  [StarterQuestion.AGREE_WITH_DIAGNOSIS]: {
    en: 'Do you agree with the diagnosis? If not, what makes you see it differently?',
    es: '¿Está de acuerdo con el diagnóstico? Si no, ¿qué le hace verlo de otra manera?',
  },
  [StarterQuestion.OTHER_EXPLANATIONS]: { en: 'What else could be causing this?', es: '¿Qué otra cosa podría estar causando esto?' },
  [StarterQuestion.MORE_TESTS]: { en: 'Would any further tests help make it clearer?', es: '¿Hay otras pruebas que ayudarían a aclararlo?' },
  [StarterQuestion.ALL_OPTIONS]: {
    en: 'What are all my options, including newer or less invasive ones?',
    es: '¿Cuáles son todas mis opciones, incluidas las más nuevas o las menos invasivas?',
  },
  [StarterQuestion.RECOMMENDATION_WHY]: { en: 'What do you recommend, and why?', es: '¿Qué me recomienda y por qué?' },
  [StarterQuestion.OUTCOMES_AND_RISKS]: {
    en: 'How well does each option usually work, what are the risks, and what happens in the long run?',
    es: '¿Qué tan bien suele funcionar cada opción, qué riesgos tiene y qué pasa a largo plazo?',
  },
  [StarterQuestion.IN_MY_PLACE]: { en: 'What would you do if you were in my place?', es: '¿Qué haría usted si estuviera en mi lugar?' },
};

export interface StageGuideText {
  /** The stage's short name. */
  readonly name: string;
  /** One calm sentence: what happens in this stage. */
  readonly explanation: string;
  /** One practical tip for the patient. */
  readonly tip: string;
}

/** Each stage of the journey in plain words, for everyone and above all for patients. */
export const STAGE_GUIDE: Readonly<Record<CaseStage, Bilingual<StageGuideText>>> = {
  [CaseStage.DECIDE]: {
    en: {
      name: 'Decide',
      explanation: 'Writing down the question you want answered and why a second opinion could help.',
      tip: 'Write the question in your own words. One clear question gets a clearer answer.',
    },
    es: {
      name: 'Decidir',
      explanation: 'Escribir la pregunta que quiere que le respondan y por qué le puede ayudar una segunda opinión.',
      tip: 'Escriba la pregunta con sus propias palabras. Una pregunta clara recibe una respuesta más clara.',
    },
  },
  [CaseStage.TALK_TO_DOCTOR]: {
    en: {
      name: 'Talk to the current doctor',
      explanation: 'Letting your current doctor know. It is about peace of mind, not distrust.',
      tip: 'Most doctors expect patients to ask for a second opinion. You do not need to apologize.',
    },
    es: {
      name: 'Hablar con su médico actual',
      explanation: 'Avisarle a su médico actual. Se trata de tener tranquilidad, no de desconfiar.',
      tip: 'La mayoría de los médicos esperan que sus pacientes pidan una segunda opinión. No tiene que pedir disculpas.',
    },
  },
  [CaseStage.GATHER_RECORDS]: {
    en: {
      name: 'Gather records',
      explanation: 'Collecting your records, scans and test results so the new doctor sees the full picture.',
      tip: 'Ask for the images themselves, not only the reports. They are the part most often missing.',
    },
    es: {
      name: 'Reunir el expediente médico',
      explanation: 'Juntar su expediente médico, sus estudios de imagen y sus resultados de análisis para que el nuevo médico vea todo el panorama.',
      tip: 'Pida las imágenes mismas, no solo los informes. Es lo que más suele faltar.',
    },
  },
  [CaseStage.CHOOSE_PROVIDER]: {
    en: {
      name: 'Choose the second-opinion provider',
      explanation: 'Finding the right specialist or center for the second opinion.',
      tip: 'A doctor from another health system or a different specialty can bring a fresh view.',
    },
    es: {
      name: 'Elegir quién dará la segunda opinión',
      explanation: 'Encontrar al especialista o al centro médico adecuado para la segunda opinión.',
      tip: 'Un médico de otro sistema de salud o de otra especialidad puede ver su caso desde otro ángulo.',
    },
  },
  [CaseStage.VERIFY_INSURANCE]: {
    en: {
      name: 'Check insurance',
      explanation: 'Checking what your insurance covers before the appointment.',
      tip: 'Write down the name of the person you spoke with and the reference number of the call.',
    },
    es: {
      name: 'Revisar el seguro médico',
      explanation: 'Confirmar qué cubre su seguro médico antes de la cita.',
      tip: 'Anote el nombre de la persona con quien habló y el número de referencia de la llamada.',
    },
  },
  [CaseStage.PREPARE]: {
    en: { name: 'Prepare', explanation: 'Getting your records and your questions ready.', tip: 'Put your most important questions first. Time with the doctor often runs short.' },
    es: { name: 'Prepararse', explanation: 'Tener listos su expediente médico y sus preguntas.', tip: 'Ponga primero las preguntas más importantes. El tiempo con el médico suele ser corto.' },
  },
  [CaseStage.APPOINTMENT]: {
    en: { name: 'Appointment', explanation: 'Meeting the second-opinion provider and noting what they said.', tip: 'Bring someone with you if you can. Two people remember more than one.' },
    es: { name: 'La cita', explanation: 'Ver al médico de la segunda opinión y anotar lo que le dijo.', tip: 'Si puede, vaya con una persona de confianza. Dos personas recuerdan más que una.' },
  },
  [CaseStage.COMPARE_AND_DECIDE]: {
    en: { name: 'Compare and decide', explanation: 'Putting the opinions side by side and choosing the way forward.', tip: 'If the two opinions are very different, it is fine to ask for a third.' },
    es: { name: 'Comparar y decidir', explanation: 'Poner las opiniones una al lado de la otra y elegir cómo seguir.', tip: 'Si las dos opiniones son muy distintas, puede pedir una tercera.' },
  },
  [CaseStage.CLOSE_THE_LOOP]: {
    en: { name: 'Close the loop', explanation: 'Sharing what you learned with your current doctor and tidying up.', tip: 'Ask the second-opinion doctor to send their report to your current doctor.' },
    es: {
      name: 'Cerrar el ciclo',
      explanation: 'Contarle a su médico actual lo que aprendió y dejar todo en orden.',
      tip: 'Pida al médico de la segunda opinión que envíe su informe a su médico actual.',
    },
  },
  [CaseStage.CLOSED]: {
    en: { name: 'Closed', explanation: 'This case is finished.', tip: 'Keep a copy of your records and of the opinions. They help with your future care.' },
    es: { name: 'Cerrado', explanation: 'Este caso está terminado.', tip: 'Guarde una copia de su expediente médico y de las opiniones. Le servirán para su atención en el futuro.' },
  },
};

/** A built-in script's words in a language; undefined for a key not in the library. */
export function doctorScriptText(key: string, language: Language = DEFAULT_LANGUAGE): DoctorScriptText | undefined {
  return DOCTOR_SCRIPT_TEXT[key]?.[language];
}

export function starterQuestionText(question: StarterQuestion, language: Language = DEFAULT_LANGUAGE): string {
  return STARTER_QUESTION_TEXT[question][language];
}

export function stageGuide(stage: CaseStage, language: Language = DEFAULT_LANGUAGE): StageGuideText {
  return STAGE_GUIDE[stage][language];
}
